package org.ctemcycles.core.scoring.epss;

import org.ctemcycles.core.scoring.CveId;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete, validated EPSS feed held in memory: CVE keys sorted in a {@code long[]} with the probability and
 * percentile in parallel {@code double[]}s (about 24 bytes a CVE, so the full 330,000-row feed takes some 8 MB and is
 * searched by binary search). Immutable once built; build one with {@link Builder}.
 */
public final class EpssFeed implements EpssLookup {

    private final EpssFeedInfo info;
    private final long[] keys;
    private final double[] probabilities;
    private final double[] percentiles;

    private EpssFeed(EpssFeedInfo info, long[] keys, double[] probabilities, double[] percentiles) {
        this.info = info;
        this.keys = keys;
        this.probabilities = probabilities;
        this.percentiles = percentiles;
    }

    @Override
    public EpssFeedInfo info() {
        return info;
    }

    public int size() {
        return keys.length;
    }

    @Override
    public Optional<EpssScore> find(String cve) {
        long key = CveId.key(cve);
        if (key < 0) {
            return Optional.empty();
        }
        int at = Arrays.binarySearch(keys, key);
        return at < 0 ? Optional.empty() : Optional.of(score(at));
    }

    @Override
    public Map<String, EpssScore> findAll(Collection<String> cves) {
        Map<String, EpssScore> found = new HashMap<>();
        for (String cve : cves) {
            find(cve).ifPresent(score -> found.put(cve, score));
        }
        return found;
    }

    /** The score at a position of the sorted feed (0 to size - 1), e.g. to copy the whole feed into a database. */
    public EpssScore score(int position) {
        return new EpssScore(CveId.text(keys[position]), probabilities[position], percentiles[position]);
    }

    /** The numeric CVE key at a position ({@link CveId#key}). */
    public long key(int position) {
        return keys[position];
    }

    public double probability(int position) {
        return probabilities[position];
    }

    public double percentile(int position) {
        return percentiles[position];
    }

    /**
     * Collects rows in any order and builds the sorted feed; rejects a CVE given twice. Not thread-safe; one reader
     * fills one builder.
     */
    public static final class Builder {

        private long[] keys = new long[1 << 16];
        private double[] probabilities = new double[1 << 16];
        private double[] percentiles = new double[1 << 16];
        private int size;

        /** Adds a row; the key comes from {@link CveId#key}, the values are already checked to be 0-1. */
        public void add(long key, double probability, double percentile) {
            if (key < 0) {
                throw new IllegalArgumentException("not a CVE key: " + key);
            }
            if (size == keys.length) {
                int capacity = size * 2;
                keys = Arrays.copyOf(keys, capacity);
                probabilities = Arrays.copyOf(probabilities, capacity);
                percentiles = Arrays.copyOf(percentiles, capacity);
            }
            keys[size] = key;
            probabilities[size] = probability;
            percentiles[size] = percentile;
            size++;
        }

        public int size() {
            return size;
        }

        /**
         * Sorts the rows by CVE and builds the feed.
         *
         * @throws DuplicateCveException if a CVE was added twice (a broken feed); names the CVE and both row numbers
         */
        public EpssFeed build(EpssFeedInfo info) {
            Objects.requireNonNull(info, "info");
            long[] sorted = Arrays.copyOf(keys, size);
            boolean inOrder = true;
            for (int i = 1; i < size && inOrder; i++) {
                inOrder = keys[i - 1] < keys[i];
            }
            if (inOrder) {
                return new EpssFeed(info, sorted, Arrays.copyOf(probabilities, size), Arrays.copyOf(percentiles, size));
            }
            Arrays.sort(sorted);
            for (int i = 1; i < size; i++) {
                if (sorted[i - 1] == sorted[i]) {
                    throw duplicate(sorted[i]);
                }
            }
            double[] p = new double[size];
            double[] q = new double[size];
            for (int i = 0; i < size; i++) {
                int at = Arrays.binarySearch(sorted, keys[i]);
                p[at] = probabilities[i];
                q[at] = percentiles[i];
            }
            return new EpssFeed(info, sorted, p, q);
        }

        private DuplicateCveException duplicate(long key) {
            int first = -1;
            int second = -1;
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    if (first < 0) {
                        first = i;
                    } else {
                        second = i;
                        break;
                    }
                }
            }
            return new DuplicateCveException(CveId.text(key), first, second);
        }
    }

    /** A feed that scores one CVE twice; {@code first} and {@code second} are 0-based row positions. */
    public static final class DuplicateCveException extends IllegalArgumentException {

        private final String cve;
        private final int first;
        private final int second;

        DuplicateCveException(String cve, int first, int second) {
            super(cve + " is scored twice (rows " + (first + 1) + " and " + (second + 1) + ")");
            this.cve = cve;
            this.first = first;
            this.second = second;
        }

        public String cve() {
            return cve;
        }

        public int first() {
            return first;
        }

        public int second() {
            return second;
        }
    }
}
