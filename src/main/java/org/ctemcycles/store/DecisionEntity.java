package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One immutable prioritisation decision (table {@code AO_xxxxxx_DECISION}): written once, never updated. A
 * re-prioritisation adds rows; the latest decision of a finding is its newest row. The summary columns serve queries
 * (queue order of a run, history of a finding); {@code DECISION_JSON} holds the whole decision (factors, SSVC inputs,
 * deadline candidates, feeds) as JSON.
 */
@Preload
// the evidence pack pages a run's queue by position
@Indexes(@Index(name = "decision_run_position", methodNames = {"getRunId", "getQueuePosition"}))
@Table("DECISION")
public interface DecisionEntity extends Entity {

    @NotNull
    @Indexed
    String getFindingKey();

    void setFindingKey(String key);

    /** The cycle whose register the run ranked, or null for a run over facts from a file (ctem prioritise). */
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    /** The prioritisation run that made it (all decisions of one ranking share it). */
    @NotNull
    @Indexed
    @StringLength(40)
    String getRunId();

    void setRunId(String runId);

    /** Position in its run's queue, from 1. */
    int getQueuePosition();

    void setQueuePosition(int position);

    /** Tenths of a point, 0-1000. */
    int getScore();

    void setScore(int tenths);

    @NotNull
    @StringLength(10)
    String getTier();

    void setTier(String tier);

    @StringLength(40)
    String getSsvcOutcome();

    void setSsvcOutcome(String outcome);

    /** ISO date, or null when no rule sets one. */
    @StringLength(10)
    String getDeadline();

    void setDeadline(String isoDate);

    @StringLength(StringLength.UNLIMITED)
    String getDeadlineRule();

    void setDeadlineRule(String rule);

    boolean isOverdue();

    void setOverdue(boolean overdue);

    @NotNull
    @StringLength(64)
    String getPolicyId();

    void setPolicyId(String policyId);

    int getPolicyVersion();

    void setPolicyVersion(int version);

    @Indexed
    long getDecidedAtMillis();

    void setDecidedAtMillis(long epochMillis);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getDecisionJson();

    void setDecisionJson(String json);
}
