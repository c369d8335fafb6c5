package org.ctemcycles.bench.discovery;

import org.ctemcycles.core.discovery.DedupResult;
import org.ctemcycles.core.discovery.Deduplicator;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.scope.Scope;
import org.ctemcycles.core.scope.Surface;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dedup of 1,000,000 observations (200,000 distinct findings, each reported 5 times) into findings: scope mapping
 * to surfaces, canonical assets, SHA-256 identities, merging. The reference, measured in the same run, groups the
 * same observations in a plain HashMap by a concatenated text key (no scope, no canonical asset, no hash): the ratio
 * reference / dedup says what the identity rules cost over the cheapest possible grouping.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class DedupBenchmark {

    static final int OBSERVATIONS = 1_000_000;
    static final int REPEATS = 5;

    private List<Observation> observations;
    private List<Surface> surfaces;

    @Setup
    public void generate() {
        observations = Workload.observations(OBSERVATIONS, REPEATS, 42);
        surfaces = Workload.surfaces("BENCH");
    }

    @Benchmark
    public DedupResult dedup() {
        Deduplicator deduplicator = new Deduplicator(new Scope(surfaces), null);
        for (Observation observation : observations) {
            deduplicator.add(observation);
        }
        DedupResult result = deduplicator.result();
        if (result.findings().size() != OBSERVATIONS / REPEATS) {
            throw new IllegalStateException("expected " + OBSERVATIONS / REPEATS + " findings, got " + result.findings().size());
        }
        return result;
    }

    @Benchmark
    public Map<String, Integer> referenceHashMapGrouping() {
        Map<String, Integer> groups = new HashMap<>();
        for (Observation o : observations) {
            String key = o.tool() + "|" + o.ruleId() + "|" + o.asset().value() + "|" + o.location() + "|" + o.cves();
            groups.merge(key, 1, Integer::sum);
        }
        return groups;
    }
}
