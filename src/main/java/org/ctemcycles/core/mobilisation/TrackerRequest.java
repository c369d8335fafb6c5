package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the tracker issue of a mobilised finding must say: the finding it is for (the idempotency key: one issue per
 * finding, ever), who works it, by when, the change record, the dependency and how the fix will be verified.
 */
public record TrackerRequest(String cycleKey, String findingKey, String summary, String assignee, LocalDate dueDate,
                             String changeRecord, String dependency, String verificationStep) {

    public TrackerRequest {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
