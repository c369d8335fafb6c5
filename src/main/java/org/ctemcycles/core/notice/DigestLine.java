package org.ctemcycles.core.notice;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One exposure in a leads' digest: its finding, who owns the work (or the risk, for an acceptance), the day that
 * matters (the deadline, or the acceptance's last day) and its tracker issue's key ("" when not mobilised).
 */
public record DigestLine(String findingKey, String owner, LocalDate day, String trackerIssue) {

    public DigestLine {
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(day, "day");
        owner = owner == null ? "" : owner;
        trackerIssue = trackerIssue == null ? "" : trackerIssue;
    }
}
