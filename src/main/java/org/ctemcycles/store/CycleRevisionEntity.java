package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One revision of a cycle's state (table {@code AO_xxxxxx_CYCLE_REVISION}): the database's arbiter of optimistic
 * concurrency. Every change of a cycle inserts the row {@code KEY@N} for its new revision N before it touches the
 * cycle; the unique constraint lets exactly one of two changes made from the same revision succeed, on every node.
 */
@Preload
@Table("CYCLE_REVISION")
public interface CycleRevisionEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(64)
    String getRevisionKey();

    void setRevisionKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    long getRevision();

    void setRevision(long revision);
}
