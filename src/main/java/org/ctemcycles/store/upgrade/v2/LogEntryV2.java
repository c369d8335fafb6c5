package org.ctemcycles.store.upgrade.v2;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** The activity log table as model version 2 defines it (a frozen copy for {@link UpgradeTo2CycleRecord}). */
@Preload
@Table("ACTIVITY_LOG")
@Indexes(@Index(name = "chain_order", methodNames = {"getCycleKey", "getSeqNo"}))
public interface LogEntryV2 extends Entity {

    @NotNull
    @Unique
    @StringLength(64)
    String getChainLink();

    void setChainLink(String link);

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    long getSeqNo();

    void setSeqNo(long sequence);

    long getAtMillis();

    void setAtMillis(long epochMillis);

    @StringLength(255)
    String getActor();

    void setActor(String actor);

    @StringLength(40)
    String getAction();

    void setAction(String action);

    @Indexed
    @StringLength(255)
    String getSubject();

    void setSubject(String subject);

    @StringLength(StringLength.UNLIMITED)
    String getBeforeState();

    void setBeforeState(String state);

    @StringLength(StringLength.UNLIMITED)
    String getAfterState();

    void setAfterState(String state);

    @StringLength(64)
    String getPreviousHash();

    void setPreviousHash(String hash);

    @StringLength(64)
    String getEntryHash();

    void setEntryHash(String hash);
}
