package org.ctemcycles.benchmarks;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.store.AoFeedStore;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Peak heap of loading a full 330,000-row EPSS feed, measured with the JVM's memory-pool peak counters (run it with a
 * small -Xmx to show the bound: {@code scripts/benchmarks --main org.ctemcycles.benchmarks.EpssFeedHeap}); with the
 * argument {@code store} it also writes the feed into an H2 database file through Active Objects, as a Jira node
 * does, and reports the time of that one load (a single figure, not a JMH measurement).
 */
public final class EpssFeedHeap {

    private EpssFeedHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path file = EpssFeedGenerator.write(Files.createTempFile("epss-heap", ".csv.gz"), 330_000, 42);
        System.out.printf("feed file: %,d bytes gzip%n", Files.size(file));
        System.gc();
        long before = used();
        resetPeaks();
        EpssFeed feed;
        try (InputStream in = Files.newInputStream(file)) {
            feed = new EpssCsvReader().read(in, file.toString(), Instant.now());
        }
        long peak = peak();
        System.gc();
        long retained = used() - before;
        System.out.printf("rows: %,d; heap before: %,d KiB; peak during load: %,d KiB; retained feed: %,d KiB;"
                + " max heap: %,d KiB%n", feed.size(), before / 1024, peak / 1024, retained / 1024,
                Runtime.getRuntime().maxMemory() / 1024);
        if (args.length > 0 && args[0].equals("store")) {
            Path folder = Files.createTempDirectory("epss-h2");
            try (EmbeddedDatabase db = EmbeddedDatabase.open("jdbc:h2:file:" + folder.resolve("ctem")
                    + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", "PUBLIC")) {
                long start = System.nanoTime();
                new AoFeedStore(db.activeObjects()).loadEpss(feed);
                System.out.printf("stored in H2 through Active Objects: %,d ms%n",
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
        Files.delete(file);
    }

    private static long used() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getUsage().getUsed();
            }
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
