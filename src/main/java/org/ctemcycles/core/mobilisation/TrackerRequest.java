package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the tracker issue of a mobilised finding must say: the cycle and its tracker project (the cycle's Jira
 * project; "" when the cycle has none), the finding it is for (the idempotency key: one issue per finding and
 * cycle, ever), the summary, who works it, by when, the change record, the dependency, how the fix will be verified
 * and the record's brief on the finding; and who asks (the user the tracker acts as).
 */
public record TrackerRequest(String cycleKey, String projectKey, String findingKey, String summary, String assignee,
                             LocalDate dueDate, String changeRecord, String dependency, String verificationStep,
                             ExposureBrief brief, String actor) {

    public TrackerRequest {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueDate, "dueDate");
        // a tracker's summary is one line: scanner titles may hold line breaks and runs of blanks
        summary = summary.replaceAll("\\s+", " ").strip();
        projectKey = projectKey == null ? "" : projectKey;
        changeRecord = changeRecord == null ? "" : changeRecord;
        dependency = dependency == null ? "" : dependency;
        verificationStep = verificationStep == null ? "" : verificationStep;
        brief = brief == null ? ExposureBrief.bare(findingKey) : brief;
        actor = actor == null ? "" : actor;
    }

    /** A request without a project, brief or actor (the command line's tracker needs none of them). */
    public TrackerRequest(String cycleKey, String findingKey, String summary, String assignee, LocalDate dueDate,
                          String changeRecord, String dependency, String verificationStep) {
        this(cycleKey, "", findingKey, summary, assignee, dueDate, changeRecord, dependency, verificationStep, null,
                "");
    }
}
