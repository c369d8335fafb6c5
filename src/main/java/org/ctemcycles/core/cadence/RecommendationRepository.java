package org.ctemcycles.core.cadence;

import java.util.List;

/** The port through which recommended next-cycle scopes are stored; writes join the caller's transaction. */
public interface RecommendationRepository {

    /** Stores the items of a cycle's recommendation (written once, at closure). */
    void insertAll(List<RecommendedItem> items);

    /** A cycle's items in number order; empty when it recommended nothing or is not closed. */
    List<RecommendedItem> list(String cycleKey);

    /** Records that an item was taken ({@code item.takenInto()} and the rest); the item must exist. */
    void update(RecommendedItem item);
}
