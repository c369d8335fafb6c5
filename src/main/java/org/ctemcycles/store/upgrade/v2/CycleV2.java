package org.ctemcycles.store.upgrade.v2;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The cycle table as model version 2 defines it: the frozen copy {@link UpgradeTo2CycleRecord} works with, so that
 * later changes to {@code store.CycleEntity} never change what this upgrade does.
 */
@Preload
@Table("CYCLE")
public interface CycleV2 extends Entity {

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

    @NotNull
    @Default("1")
    long getRevision();

    void setRevision(long revision);
}
