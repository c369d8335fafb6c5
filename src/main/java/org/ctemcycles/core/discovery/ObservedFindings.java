package org.ctemcycles.core.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The findings a report amounts to, read in the order of their identity hash (which is also the order the store's
 * finding keys sort in, so writing them touches each index page once). They may live partly in spill files: each
 * iteration reads them again, as often as needed (a retried transaction reads them twice), until the deduplicator
 * that made them is closed.
 */
public final class ObservedFindings implements Iterable<ObservedFinding> {

    private final Supplier<Iterator<SpillCodec.Entry>> entries;
    private final int partsUpperBound;
    private int size = -1;

    ObservedFindings(Supplier<Iterator<SpillCodec.Entry>> entries, int partsUpperBound) {
        this.entries = entries;
        this.partsUpperBound = partsUpperBound;
    }

    @Override
    public Iterator<ObservedFinding> iterator() {
        Iterator<SpillCodec.Entry> source = entries.get();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ObservedFinding next() {
                return source.next().finding();
            }
        };
    }

    /** How many distinct findings (counted by reading them when parts of one finding were spilled apart). */
    public int size() {
        if (size < 0) {
            int count = 0;
            for (Iterator<SpillCodec.Entry> it = entries.get(); it.hasNext(); it.next()) {
                count++;
            }
            size = count;
        }
        return size;
    }

    public boolean isEmpty() {
        return partsUpperBound == 0;
    }

    /** Every finding in memory, in the order the report first named them: for small reports and tests. */
    public List<ObservedFinding> inReportOrder() {
        List<SpillCodec.Entry> all = new ArrayList<>(partsUpperBound);
        entries.get().forEachRemaining(all::add);
        all.sort(Comparator.comparingLong(SpillCodec.Entry::firstSeen));
        return all.stream().map(SpillCodec.Entry::finding).toList();
    }
}
