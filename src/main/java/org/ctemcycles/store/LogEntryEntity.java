package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * An activity log entry (table {@code AO_xxxxxx_ACTIVITY_LOG}), never updated or deleted by the app (except that
 * entries written before the installation had an anchor key get their {@code ENTRY_ANCHOR} once, when it is made).
 * {@code CHAIN_LINK} ({@code CYCLE_KEY#SEQ_NO}) is unique, so two appends cannot take the same place in a chain.
 * Indexed for reading a chain in order and a subject's entries across chains.
 */
@Preload
@Table("ACTIVITY_LOG")
@Indexes(@Index(name = "chain_order", methodNames = {"getCycleKey", "getSeqNo"}))
public interface LogEntryEntity extends Entity {

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

    /** The entry's keyed anchor ({@link org.ctemcycles.core.audit.LogAnchor}), or null where none was written. */
    @StringLength(64)
    String getEntryAnchor();

    void setEntryAnchor(String anchor);
}
