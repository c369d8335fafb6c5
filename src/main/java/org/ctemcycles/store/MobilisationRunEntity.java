package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A bulk mobilisation (table {@code AO_xxxxxx_MOBILISATION_RUN}): the cycle, the draft every finding is mobilised
 * with, who asked and where the run stands. Its items are {@link MobilisationItemEntity} rows; its counts are
 * counted from them, never stored.
 */
@Preload
@Table("MOBILISATION_RUN")
public interface MobilisationRunEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(64)
    String getRunKey();

    void setRunKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    /** QUEUED, RUNNING or FINISHED; the scheduled job looks for the unfinished ones. */
    @NotNull
    @Indexed
    @StringLength(16)
    String getState();

    void setState(String state);

    @StringLength(255)
    String getOwner();

    void setOwner(String owner);

    @StringLength(32)
    String getDeadline();

    void setDeadline(String deadline);

    @StringLength(255)
    String getChangeRecord();

    void setChangeRecord(String changeRecord);

    @StringLength(255)
    String getDependency();

    void setDependency(String dependency);

    @StringLength(StringLength.UNLIMITED)
    String getVerificationStep();

    void setVerificationStep(String step);

    @StringLength(255)
    String getRequestedBy();

    void setRequestedBy(String userKey);

    int getTotal();

    void setTotal(int total);

    long getCreatedAtMillis();

    void setCreatedAtMillis(long epochMillis);

    long getUpdatedAtMillis();

    void setUpdatedAtMillis(long epochMillis);
}
