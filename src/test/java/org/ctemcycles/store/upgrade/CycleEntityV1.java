package org.ctemcycles.store.upgrade;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The cycle table of data model version 1, the foundation release, exactly as it shipped: tests build version-1
 * databases with it and upgrade them.
 */
@Preload
@Table("CYCLE")
public interface CycleEntityV1 extends Entity {

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
}
