package org.ctemcycles.core.discovery;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A set of finding ids in one bit per id up to the highest: the findings a run saw, held while it is recorded
 * (an eighth of a megabyte per million ids, where boxed longs in a hash set would take about fifty).
 */
final class FindingIds {

    private final BitSet ids = new BitSet();

    void add(long id) {
        ids.set(Math.toIntExact(id));
    }

    boolean contains(long id) {
        return id >= 0 && id <= Integer.MAX_VALUE && ids.get((int) id);
    }

    /** Hands the ids over in ascending order, {@code size} at a time. */
    void forEachChunk(int size, Consumer<List<Long>> action) {
        List<Long> chunk = new ArrayList<>(size);
        for (int id = ids.nextSetBit(0); id >= 0; id = id == Integer.MAX_VALUE ? -1 : ids.nextSetBit(id + 1)) {
            chunk.add((long) id);
            if (chunk.size() == size) {
                action.accept(chunk);
                chunk = new ArrayList<>(size);
            }
        }
        if (!chunk.isEmpty()) {
            action.accept(chunk);
        }
    }
}
