package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A closed cycle's freeze of its evidence pack (table {@code AO_xxxxxx_FROZEN_CLAIM}, ADR 084): inserted as OWED in
 * the closure's transaction, with the closure's instant and actor; claimed by one attempt at a time (a token and
 * when it last showed life, a lease); FROZEN in the transaction that stores the renderings' rows and logs their
 * hashes. {@code CYCLE_KEY} is unique: one freeze per cycle on any number of nodes. A cycle closed before frozen
 * packs existed has no row, and is never frozen after the fact.
 */
@Table("FROZEN_CLAIM")
public interface FrozenClaimEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    /** OWED or FROZEN. */
    @NotNull
    @StringLength(16)
    String getState();

    void setState(String state);

    /** The closure's instant: the frozen pack's date, whenever the freeze finishes. */
    long getFrozenAtMillis();

    void setFrozenAtMillis(long epochMillis);

    /** Who closed the cycle: the pack is assembled as they would have downloaded it. */
    @NotNull
    @StringLength(255)
    String getClosedBy();

    void setClosedBy(String actor);

    /** The attempt that holds the claim; null when none does. */
    @StringLength(64)
    String getAttempt();

    void setAttempt(String attempt);

    /** When the attempt last showed life; its claim lapses a lease later. */
    long getClaimedAtMillis();

    void setClaimedAtMillis(long epochMillis);
}
