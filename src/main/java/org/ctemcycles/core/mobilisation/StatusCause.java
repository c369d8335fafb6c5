package org.ctemcycles.core.mobilisation;

/** What moved a finding from one status to another; {@link FindingLifecycle} allows some moves only for some causes. */
public enum StatusCause {
    /** a person changed it (the register, the command line) */
    MANUAL,
    /** the remediation issue changed in the tracker (Jira events) */
    TRACKER,
    /** a validation outcome */
    VALIDATION,
    /** a discovery run that covered the surface no longer sees the finding, or sees a closed one again */
    DISCOVERY,
    /** a risk acceptance was recorded */
    ACCEPTANCE,
    /** a risk acceptance ran out (the scheduled check) */
    EXPIRY
}
