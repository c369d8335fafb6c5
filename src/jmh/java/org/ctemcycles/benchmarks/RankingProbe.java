package org.ctemcycles.benchmarks;

import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.RankingThreads;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A quick look at where ranking time goes (not a measurement for BENCHMARKS.md: use RankingBenchmark): ranks the
 * benchmark's findings a few times and prints the wall time of each run.
 */
public final class RankingProbe {

    private RankingProbe() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : RankingBenchmark.FINDINGS;
        Path feed = EpssFeedGenerator.write(Files.createTempFile("epss-probe", ".csv.gz"), 330_000, 42);
        EpssFeed epss;
        try (InputStream in = Files.newInputStream(feed)) {
            epss = new EpssCsvReader().read(in, feed.toString(), RankingBenchmark.NOW);
        }
        Files.delete(feed);
        KevCatalog kev;
        try (InputStream in = RankingProbe.class.getResourceAsStream("/kev/known_exploited_vulnerabilities.json.gz")) {
            kev = new KevJsonReader().read(in, "kev.json", RankingBenchmark.NOW);
        }
        List<PriorityInput> inputs = RankingBenchmark.generate(count, epss, kev, 7);
        PriorityEngine engine = PriorityEngine.of(PriorityPolicy.defaults(), RankingThreads.of(2));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            List<Decision> ranked = engine.prioritise(inputs, epss, kev, RankingBenchmark.NOW);
            System.out.printf("run %d: %,d ms wall, %,d ms CPU of the process (%s first)%n", i,
                    (System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000,
                    ranked.get(0).findingKey());
        }
    }
}
