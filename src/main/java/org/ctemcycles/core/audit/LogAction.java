package org.ctemcycles.core.audit;

/**
 * What an activity log entry records. Every change to a cycle's record has one: scope, stage transitions, imports,
 * decisions, validation outcomes, owner changes, gate overrides, and the rest below.
 */
public enum LogAction {
    CYCLE_OPENED("Cycle opened"),
    SCOPE_RECORDED("Objectives, success criteria and cadence recorded"),
    SURFACE_ADDED("Surface added"),
    SURFACE_CHANGED("Surface changed"),
    STAGE_ADVANCED("Stage advanced"),
    GATE_OVERRIDDEN("Stage gate overridden"),
    IMPORTED("Discovery output imported"),
    FINDINGS_ENROLLED("Findings entered the register"),
    DECISION_RECORDED("Priority decision recorded"),
    VALIDATION_RECORDED("Validation recorded"),
    STATUS_CHANGED("Finding status changed"),
    MOBILISED("Finding mobilised"),
    OWNER_CHANGED("Remediation owner changed"),
    RISK_ACCEPTED("Risk accepted"),
    ACCEPTANCE_EXPIRED("Risk acceptance expired"),
    CHECKPOINT_RECORDED("Checkpoint recorded"),
    CYCLE_CLOSED("Cycle closed"),
    /** The evidence pack frozen at closure: each stored rendering's SHA-256 and length (ADR 083). */
    REPORT_FROZEN("Evidence pack frozen at closure"),
    HANDED_OVER("Residual queue handed over"),
    RESIDUAL_INHERITED("Residual queue inherited"),
    SCHEMA_UPGRADED("Record upgraded to a new schema version"),
    PROJECT_CHANGED("Cycle moved to another Jira project"),
    MOBILISATION_REQUESTED("Mobilisation run requested"),
    MOBILISATION_FINISHED("Mobilisation run finished"),
    RETEST_REQUESTED("Retest requested"),
    LEAD_DECISION_NEEDED("A security lead's decision needed"),
    TRACKER_CHANGED("Tracker issue changed"),
    TRACKER_ISSUE_DELETED("Tracker issue deleted"),
    TRACKER_NOT_FOLLOWED("Tracker issue could not follow the record"),
    TRACKER_RECONCILED("Register reconciled with the tracker"),
    SCOPE_RECOMMENDED("Next-cycle scope recommended"),
    RECOMMENDATION_TAKEN("Recommended scope item taken"),
    SOURCE_ADDED("Scheduled discovery source added"),
    SOURCE_REMOVED("Scheduled discovery source removed"),
    SOURCE_RAN("Scheduled discovery source ran"),
    DEADLINE_CHANGED("Remediation deadline changed"),
    NOTICE_SENT("Notice sent"),
    /** A change to the app's configuration, in the configuration's own chain ({@link LogRecord#CONFIGURATION_CHAIN}). */
    CONFIGURATION_CHANGED("Configuration changed");

    private final String label;

    LogAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
