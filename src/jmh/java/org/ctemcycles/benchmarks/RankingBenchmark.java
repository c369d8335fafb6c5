package org.ctemcycles.benchmarks;

import org.ctemcycles.core.priority.CompensatingControl;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.RankingThreads;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Ranking 1,000,000 findings with full factor records (every factor with contribution and provenance, SSVC and
 * deadline candidates) under the default policy, with a 330,000-row EPSS feed and the real KEV catalogue, on both
 * cores. Reference in the same run: sorting the same number of (score, key) pairs, the floor of any ranking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class RankingBenchmark {

    static final int FINDINGS = 1_000_000;
    static final Instant NOW = Instant.parse("2026-09-28T08:00:00Z");

    private List<PriorityInput> inputs;
    private EpssFeed epss;
    private KevCatalog kev;
    private RankingThreads threads;
    private PriorityEngine engine;
    private long[] scores;
    private String[] keys;

    @Setup(Level.Trial)
    public void findings() throws Exception {
        Path feed = EpssFeedGenerator.write(Files.createTempFile("epss-bench", ".csv.gz"), 330_000, 42);
        try (InputStream in = Files.newInputStream(feed)) {
            epss = new EpssCsvReader().read(in, feed.toString(), NOW);
        }
        Files.delete(feed);
        try (InputStream in = RankingBenchmark.class.getResourceAsStream("/kev/known_exploited_vulnerabilities.json.gz")) {
            kev = new KevJsonReader().read(in, "kev.json", NOW);
        }
        threads = RankingThreads.of(2);
        engine = PriorityEngine.of(PriorityPolicy.defaults(), threads);
        inputs = generate(FINDINGS, epss, kev, 7);
        Random random = new Random(3);
        scores = new long[FINDINGS];
        keys = new String[FINDINGS];
        for (int i = 0; i < FINDINGS; i++) {
            scores[i] = random.nextInt(1001);
            keys[i] = inputs.get(i).key();
        }
    }

    @TearDown(Level.Trial)
    public void stopThreads() {
        threads.close();
    }

    /** A realistic cycle: 200,000 distinct CVEs, 3% in KEV, CVSS v3.1/v4.0/v2 vectors, scoping mostly known. */
    static List<PriorityInput> generate(int count, EpssFeed epss, KevCatalog kev, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> cvePool = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            cvePool.add(epss.score(random.nextInt(epss.size())).cve());
        }
        List<String> kevCves = kev.entries().stream().map(KevEntry::cveId).toList();
        List<CvssVector> vectors = new ArrayList<>();
        for (String file : List.of("vectors_simple31", "vectors_simple4", "vectors_simple2")) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    RankingBenchmark.class.getResourceAsStream("/cvss/" + file), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int dash = line.indexOf(" - ");
                    if (dash > 0) {
                        vectors.add(CvssVector.parse(line.substring(0, dash).strip()));
                    }
                }
            }
        }
        List<PriorityInput> inputs = new ArrayList<>(count);
        CompensatingControl waf = new CompensatingControl("WAF virtual patch", new BigDecimal("-15"),
                "change CHG-1234; WAF policy export 2026-09-01");
        for (int i = 0; i < count; i++) {
            List<String> cves = random.nextInt(100) < 3 ? List.of(kevCves.get(random.nextInt(kevCves.size())))
                    : random.nextInt(10) == 0 ? List.of(cvePool.get(random.nextInt(cvePool.size())),
                    cvePool.get(random.nextInt(cvePool.size()))) : List.of(cvePool.get(random.nextInt(cvePool.size())));
            List<CvssVector> vs = random.nextInt(20) == 0 ? List.of()
                    : List.of(vectors.get(random.nextInt(vectors.size())));
            Criticality criticality = random.nextInt(10) == 0 ? null : Criticality.values()[random.nextInt(4)];
            Exposure exposure = random.nextInt(10) == 0 ? null : Exposure.values()[random.nextInt(4) == 0 ? 0 : 1];
            List<CompensatingControl> controls = random.nextInt(20) == 0 ? List.of(waf) : List.of();
            ValidationOutcome validation = random.nextInt(12) == 0
                    ? ValidationOutcome.values()[random.nextInt(5)] : null;
            inputs.add(new PriorityInput(String.format("host-%06d:%s", i / 8, Integer.toHexString(i)), cves, vs,
                    criticality, exposure, controls, validation, null, null, null, null,
                    LocalDate.of(2026, 6, 1).plusDays(random.nextInt(120))));
        }
        return inputs;
    }

    @Benchmark
    public List<Decision> rankWithFactorRecords() {
        return engine.prioritise(inputs, epss, kev, NOW);
    }

    @Benchmark
    public int rankAndWriteEveryRationale() {
        int length = 0;
        for (Decision decision : engine.prioritise(inputs, epss, kev, NOW)) {
            length += decision.rationale().length();
        }
        return length;
    }

    /** Reference: sort 1,000,000 (score, key) pairs by score then key, on both cores. */
    @Benchmark
    public Object[] referenceSortScoreKeyPairs() {
        Object[] pairs = new Object[FINDINGS];
        for (int i = 0; i < FINDINGS; i++) {
            pairs[i] = new Pair(scores[i], keys[i]);
        }
        Arrays.parallelSort(pairs, (a, b) -> {
            Pair x = (Pair) a;
            Pair y = (Pair) b;
            int byScore = Long.compare(y.score, x.score);
            return byScore != 0 ? byScore : x.key.compareTo(y.key);
        });
        return pairs;
    }

    private record Pair(long score, String key) {
    }
}
