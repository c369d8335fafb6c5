package org.ctemcycles.ingest.support;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.ObservationSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hands observations to the sink and enforces the observation-count limit. Warnings that would repeat once per
 * record (e.g. every skipped "pass" result) are counted and reported once, at the end, with their count and the
 * first place they occurred.
 */
public final class Emitter {

    private final ObservationSink sink;
    private final int maxObservations;
    private final Map<String, long[]> tallies = new LinkedHashMap<>();
    private final Map<String, String> firstPlaces = new LinkedHashMap<>();
    private int count;

    public Emitter(ObservationSink sink, ImportLimits limits) {
        this.sink = sink;
        this.maxObservations = limits.maxObservations();
    }

    /** Passes one observation on; fails once the report yields more than the limit allows. */
    public void emit(Observation observation, Supplier<String> where) throws ImportException {
        if (++count > maxObservations) {
            throw new ImportException(where.get() + ": the report holds more than the limit of " + maxObservations
                    + " observations (maxObservations)");
        }
        sink.observation(observation);
    }

    public int count() {
        return count;
    }

    /** A warning passed on at once, e.g. "line 7: skipped a malformed line: ...". */
    public void warn(String message) {
        sink.warning(message);
    }

    /** A warning counted under {@code what}; reported by {@link #finish()} as "N <what> (first at <where>)". */
    public void tally(String what, String where) {
        tallies.computeIfAbsent(what, k -> new long[1])[0]++;
        firstPlaces.putIfAbsent(what, where);
    }

    /** Reports the tallied warnings; call once after the report was read. */
    public void finish() {
        for (Map.Entry<String, long[]> tally : tallies.entrySet()) {
            sink.warning("skipped " + tally.getValue()[0] + " " + tally.getKey() + " (first at "
                    + firstPlaces.get(tally.getKey()) + ")");
        }
        tallies.clear();
    }
}
