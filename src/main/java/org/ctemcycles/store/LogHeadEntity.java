package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The head of one cycle's activity log (table {@code AO_xxxxxx_LOG_HEAD}): how many entries the chain has and the
 * hash of the last, updated with every append in the same transaction, so that verification notices entries
 * removed from or added to the end of the chain.
 */
@Preload
@Table("LOG_HEAD")
public interface LogHeadEntity extends Entity {

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

    /** The head's keyed anchor ({@link org.ctemcycles.core.audit.LogAnchor}), or null where none was written. */
    @StringLength(64)
    String getHeadAnchor();

    void setHeadAnchor(String anchor);
}
