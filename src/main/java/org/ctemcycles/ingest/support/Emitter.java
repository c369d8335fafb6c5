package org.ctemcycles.ingest.support;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.ObservationSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hands observations to the sink and enforces the observation-count limit. Messages that would repeat once per
 * record (e.g. every skipped "pass" result) are counted and reported once, at the end, with their count and the
 * first place they occurred. Notes ({@link #warn}, {@link #tally}) are about input read whole; skips ({@link #skip},
 * {@link #tallySkip}) are about records not read, or read only in part, and make the report partial (see
 * {@link ObservationSink}).
 */
public final class Emitter {

    private final ObservationSink sink;
    private final ImportLimits limits;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private int count;

    private static final class Tally {
        final String firstPlace;
        final boolean skipped;
        long count;

        Tally(String firstPlace, boolean skipped) {
            this.firstPlace = firstPlace;
            this.skipped = skipped;
        }
    }

    public Emitter(ObservationSink sink, ImportLimits limits) {
        this.sink = sink;
        this.limits = limits;
    }

    /** Passes one observation on; fails once the report yields more than the limit allows. */
    public void emit(Observation observation, Supplier<String> where) throws ImportException {
        if (++count > limits.maxObservations()) {
            throw new ImportException(limits.tooManyObservations(where.get()));
        }
        sink.observation(observation);
    }

    public int count() {
        return count;
    }

    /** A note passed on at once, e.g. "line 7: ...: the vector is left out". */
    public void warn(String message) {
        sink.warning(message);
    }

    /** A record not read (or read in part), passed on at once, e.g. "line 7: skipped a malformed line: ...". */
    public void skip(String message) {
        sink.skipped(message);
    }

    /** A note counted under {@code what}; reported by {@link #finish()} as "skipped N <what> (first at <where>)". */
    public void tally(String what, String where) {
        tally(what, where, false);
    }

    /** A record not read, counted under {@code what}; reported by {@link #finish()} like {@link #tally}. */
    public void tallySkip(String what, String where) {
        tally(what, where, true);
    }

    private void tally(String what, String where, boolean skipped) {
        tallies.computeIfAbsent(what, k -> new Tally(where, skipped)).count++;
    }

    /** Reports the tallied messages; call once after the report was read. */
    public void finish() {
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            String message = "skipped " + tally.count + " " + entry.getKey() + " (first at " + tally.firstPlace + ")";
            if (tally.skipped) {
                sink.skipped(message);
            } else {
                sink.warning(message);
            }
        }
        tallies.clear();
    }
}
