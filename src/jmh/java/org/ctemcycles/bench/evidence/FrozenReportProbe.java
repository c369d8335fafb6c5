package org.ctemcycles.bench.evidence;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.core.audit.AnchorKeySource;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.report.evidence.PackJson;
import org.ctemcycles.store.AoTransactions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The live heap while a seeded cycle's evidence pack is frozen as after its closure (ADR 083, 084): the pack owed,
 * then {@code FrozenReports.finish} renders the JSON and the HTML and stores them in pieces with their SHA-256, a
 * statement at a time, and commits them in one last transaction, on a copy of {@link EvidencePackSeed}'s database. A
 * thread collects garbage and samples what is still reachable every second; its maximum over the baseline is what
 * freezing holds. {@code scripts/benchmarks --main org.ctemcycles.bench.evidence.FrozenReportProbe 10000} (after
 * {@link EvidencePackSeed}), in a JVM of {@code -Xmx128m}. {@code -Dprobe.trace=true} prints every sample;
 * {@code -Dprobe.oneTransaction=true} runs the same freeze inside one enclosing transaction, as the closure did
 * before ADR 084, and {@code -Dprobe.renderOnly=true} renders both in one transaction and stores nothing: together
 * they tell what one transaction holds from what storing holds (BENCHMARKS.md).
 */
public final class FrozenReportProbe {

    private FrozenReportProbe() {
    }

    public static void main(String[] args) throws Exception {
        int findings = Integer.parseInt(args[0]);
        Path seed = EvidencePackSeed.database(findings);
        Path copy = seed.resolveSibling(seed.getFileName() + "-frozen");
        Files.copy(seed.resolveSibling(seed.getFileName() + ".mv.db"), copy.resolveSibling(copy.getFileName()
                + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(EmbeddedDatabase.h2FileUrl(copy), "sa", "", "PUBLIC")) {
            Instant at = Instant.parse("2026-12-31T09:00:00Z");
            CycleRecord record = CycleRecord.overStore(db.activeObjects(), new LocalIssueTracker("BENCH"),
                    (user, cycle) -> EvidencePackSeed.LEAD.equals(user), Clock.fixed(at, ZoneOffset.UTC),
                    AnchorKeySource.none(), entry -> { },
                    (pack, facts, writer) -> new HtmlPackWriter().write(pack, facts, writer));
            record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD); // warm the caches
            long baseline = live();
            Sampler sampler = new Sampler();
            sampler.start();
            long start = System.nanoTime();
            // in one transaction, as inside the closure
            if (Boolean.getBoolean("probe.renderOnly")) {
                // the same renderings inside one transaction, stored nowhere: what the transaction's reads hold
                new AoTransactions(db.activeObjects()).inTransaction(() -> {
                    try {
                        EvidencePack pack = record.evidence().assemble(
                                EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
                        new PackJson().write(pack, Writer.nullWriter());
                        new HtmlPackWriter().write(pack, Writer.nullWriter());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
                sampler.interrupt();
                sampler.join();
                System.out.printf("[live] render-only in one transaction: baseline-live=%.1f MB max-live=%.1f MB%n",
                        baseline / 1048576.0, sampler.maxLive / 1048576.0);
                return;
            }
            // as the closure leaves it: the pack owed, then frozen after the closure's commit (ADR 084)
            record.frozenReports().owe(EvidencePackSeed.CYCLE, at, EvidencePackSeed.LEAD);
            if (Boolean.getBoolean("probe.oneTransaction")) {
                // the freeze inside one enclosing transaction, as the closure ran it before ADR 084
                new AoTransactions(db.activeObjects()).inTransaction(() -> {
                    record.frozenReports().finish(EvidencePackSeed.CYCLE);
                    return null;
                });
            } else {
                record.frozenReports().finish(EvidencePackSeed.CYCLE);
            }
            List<FrozenReport> frozen = record.frozenReports().list(EvidencePackSeed.CYCLE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            for (FrozenReport report : frozen) {
                System.out.printf("[frozen] findings=%d rendering=%s bytes=%.1f MB sha256=%s%n", findings,
                        report.rendering(), report.bytes() / 1048576.0, report.sha256());
            }
            long copyStart = System.nanoTime();
            for (FrozenReport report : frozen) {
                record.frozenReports().copy(EvidencePackSeed.CYCLE, report.rendering(), OutputStream.nullOutputStream());
            }
            System.out.printf("[live] findings=%d freeze=%d ms serve-both=%d ms max-heap=%.0f MB baseline-live=%.1f MB"
                            + " max-live-while-freezing=%.1f MB (%d samples)%n",
                    findings, millis, (System.nanoTime() - copyStart) / 1_000_000,
                    Runtime.getRuntime().maxMemory() / 1048576.0, baseline / 1048576.0, sampler.maxLive / 1048576.0,
                    sampler.samples);
        } finally {
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + ".mv.db"));
        }
    }

    private static long live() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Samples the live heap every second until interrupted. */
    private static final class Sampler extends Thread {
        volatile long maxLive;
        volatile int samples;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long live = live();
                maxLive = Math.max(maxLive, live);
                samples++;
                if (Boolean.getBoolean("probe.trace")) {
                    System.out.printf("[sample] %d %.1f MB%n", samples, live / 1048576.0);
                }
            }
        }
    }
}
