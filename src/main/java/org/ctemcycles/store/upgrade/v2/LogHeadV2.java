package org.ctemcycles.store.upgrade.v2;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** The log head table as model version 2 defines it (a frozen copy for {@link UpgradeTo2CycleRecord}). */
@Preload
@Table("LOG_HEAD")
public interface LogHeadV2 extends Entity {

    @NotNull
    @Unique
    @StringLength(32)
    String getChainKey();

    void setChainKey(String cycleKey);

    long getEntryCount();

    void setEntryCount(long count);

    @StringLength(64)
    String getHeadHash();

    void setHeadHash(String hash);

    /** Written by every append before it reads the head: taking the row lock queues appends to one chain. */
    long getTouchedAtMillis();

    void setTouchedAtMillis(long epochMillis);
}
