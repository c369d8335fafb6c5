package org.ctemcycles.core.discovery;

/**
 * What a run changed.
 *
 * @param observations  observations read from the report
 * @param newFindings   findings the run created (in scope or not)
 * @param merged        observations that went to a finding that already existed, or that an earlier observation
 *                      of the same report had just created ({@code observations - newFindings})
 * @param outOfScope    observations no scope rule matched (kept, as findings marked out of scope)
 * @param fixCandidates findings the run, covering their surface, no longer saw
 * @param reappeared    fix candidates the run saw again
 * @param warnings      input the importer skipped but did not reject (e.g. malformed lines of a JSONL report)
 */
public record RunCounts(int observations, int newFindings, int merged, int outOfScope, int fixCandidates,
                        int reappeared, int warnings) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0);
}
