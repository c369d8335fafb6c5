package org.ctemcycles.jira.security;

/** What a request does to one cycle; every REST method, page, panel and job that touches a cycle names one. */
public enum CycleAccess {
    /** See that the cycle exists: its key, name, stage, dates, project. */
    VIEW("see"),
    /**
     * Read its work: surfaces, findings and signals, coverage and runs, the queue, the register, checkpoints, the
     * stage and its next gate, the closure summary, the cadence record.
     */
    READ_WORK("read the work of"),
    /** Read its evidence: validations, the activity log and its verification, the evidence pack. */
    READ_EVIDENCE("read the evidence of"),
    /** Change it in any way: scope, stages, imports, prioritisation, validation, mobilisation, closure, handover. */
    RUN("change");

    private final String verb;

    CycleAccess(String verb) {
        this.verb = verb;
    }

    String refusal(String cycleKey) {
        return switch (this) {
            case RUN -> "only security leads and Jira administrators may change CTEM cycle " + cycleKey;
            case READ_EVIDENCE -> "only security leads, auditors and Jira administrators may read the evidence of"
                    + " CTEM cycle " + cycleKey;
            default -> "you may not " + verb + " CTEM cycle " + cycleKey;
        };
    }
}
