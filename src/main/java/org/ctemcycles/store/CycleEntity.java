package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A CTEM cycle row (table {@code AO_xxxxxx_CYCLE}). Dates are ISO-8601 text so that they mean the same day on every
 * database and every node's time zone; the key is unique in the database, so two nodes cannot open the same cycle.
 * {@code REVISION} is the cycle's version for optimistic concurrency; {@link CycleRevisionEntity} arbitrates it.
 * Model version 2 added the success criteria, the handover links and the revision.
 */
@Preload
@Table("CYCLE")
public interface CycleEntity extends Entity {

    @NotNull
    @Unique
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String key);

    @NotNull
    String getName();

    void setName(String name);

    @StringLength(StringLength.UNLIMITED)
    String getObjective();

    void setObjective(String objective);

    @NotNull
    @StringLength(10)
    String getStartDate();

    void setStartDate(String isoDate);

    @NotNull
    @StringLength(10)
    String getPlannedEnd();

    void setPlannedEnd(String isoDate);

    int getCheckpointIntervalDays();

    void setCheckpointIntervalDays(int days);

    @NotNull
    @StringLength(20)
    String getStage();

    void setStage(String stage);

    long getCreatedAtMillis();

    void setCreatedAtMillis(long epochMillis);

    @NotNull
    String getCreatedBy();

    void setCreatedBy(String userKey);

    @StringLength(StringLength.UNLIMITED)
    String getSuccessCriteria();

    void setSuccessCriteria(String successCriteria);

    @StringLength(32)
    String getPredecessorKey();

    void setPredecessorKey(String cycleKey);

    @StringLength(32)
    String getSuccessorKey();

    void setSuccessorKey(String cycleKey);

    /** The key of the Jira project the cycle belongs to; null or "" for none. Indexed: a project's cycles. */
    @Indexed
    @StringLength(255)
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    @Default("1")
    long getRevision();

    void setRevision(long revision);
}
