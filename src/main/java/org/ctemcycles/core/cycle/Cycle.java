package org.ctemcycles.core.cycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A CTEM cycle: one run of scoping, discovery, prioritisation, validation and mobilisation with its own objective,
 * success criteria and cadence, identified by a short unique key (for example {@code CTEM-2026-Q3}).
 *
 * @param createdBy       the Jira user key of the security lead who opened the cycle (or the local user for the CLI)
 * @param successCriteria how the cycle will be judged at closure; "" until recorded
 * @param predecessorKey  the cycle whose residual queue this one inherited, or ""
 * @param successorKey    the cycle this one handed its residual queue to, or ""
 * @param version         the revision of the cycle's state, 1 when opened; every change of stage, scope or handover
 *                        makes a new one, and a change made from an older revision is refused as a conflict
 * @param projectKey      the key of the Jira project the cycle belongs to (its engineers work its exposures there and
 *                        may read its findings and queue), or "" for none (the command line's cycles)
 */
public record Cycle(String key, String name, String objective, Cadence cadence, Stage stage,
                    Instant createdAt, String createdBy, String successCriteria, String predecessorKey,
                    String successorKey, long version, String projectKey) {

    public Cycle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        successCriteria = successCriteria == null ? "" : successCriteria;
        predecessorKey = predecessorKey == null ? "" : predecessorKey;
        successorKey = successorKey == null ? "" : successorKey;
        projectKey = projectKey == null ? "" : projectKey;
    }

    /** A cycle as first opened: no success criteria yet, no predecessor or successor, no Jira project, revision 1. */
    public Cycle(String key, String name, String objective, Cadence cadence, Stage stage, Instant createdAt,
                 String createdBy) {
        this(key, name, objective, cadence, stage, createdAt, createdBy, "", "", "", 1, "");
    }

    public Cycle withStage(Stage next) {
        return new Cycle(key, name, objective, cadence, next, createdAt, createdBy, successCriteria, predecessorKey,
                successorKey, version, projectKey);
    }

    public Cycle withScope(String newObjective, String newSuccessCriteria, Cadence newCadence) {
        return new Cycle(key, name, newObjective, newCadence, stage, createdAt, createdBy, newSuccessCriteria,
                predecessorKey, successorKey, version, projectKey);
    }

    public Cycle withPredecessor(String cycleKey) {
        return new Cycle(key, name, objective, cadence, stage, createdAt, createdBy, successCriteria, cycleKey,
                successorKey, version, projectKey);
    }

    public Cycle withSuccessor(String cycleKey) {
        return new Cycle(key, name, objective, cadence, stage, createdAt, createdBy, successCriteria, predecessorKey,
                cycleKey, version, projectKey);
    }

    public Cycle withProject(String jiraProjectKey) {
        return new Cycle(key, name, objective, cadence, stage, createdAt, createdBy, successCriteria, predecessorKey,
                successorKey, version, jiraProjectKey);
    }

    public boolean closed() {
        return stage == Stage.CLOSED;
    }
}
