package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.common.Problem;

import java.util.List;
import java.util.Objects;

/**
 * One finding of a mobilisation run and what became of it.
 *
 * @param position the finding's place in the request, from 1
 * @param issueKey the tracker issue's key once mobilised, or ""
 * @param problems why it failed (the record's rules or the tracker's field errors, each naming its field)
 */
public record RunItem(String runId, int position, String findingKey, Outcome outcome, String issueKey,
                      List<Problem> problems) {

    public RunItem {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(outcome, "outcome");
        issueKey = issueKey == null ? "" : issueKey;
        problems = List.copyOf(problems);
    }

    public static RunItem pending(String runId, int position, String findingKey) {
        return new RunItem(runId, position, findingKey, Outcome.PENDING, "", List.of());
    }

    public RunItem withOutcome(Outcome next, String issue, List<Problem> reasons) {
        return new RunItem(runId, position, findingKey, next, issue, reasons);
    }

    public enum Outcome {
        PENDING,
        /** a tracker issue was opened for the finding */
        OPENED,
        /** the finding's issue was brought up to date */
        UPDATED,
        /** the finding was already mobilised so: nothing was done (a retried or repeated run) */
        UNCHANGED,
        /** refused; the problems say why */
        FAILED
    }
}
