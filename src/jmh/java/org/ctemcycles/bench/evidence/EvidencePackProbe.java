package org.ctemcycles.bench.evidence;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.report.evidence.PackJson;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The live heap while a seeded cycle's pack renders: a sink that, every 8 MB of output, collects garbage and samples
 * what is still reachable. Its maximum is what rendering holds (plus the app's baseline, sampled before), the figure
 * that must not grow with the cycle. {@code scripts/benchmarks --main org.ctemcycles.bench.evidence.EvidencePackProbe
 * 100000} (after {@link EvidencePackSeed}).
 */
public final class EvidencePackProbe {

    private static final long SAMPLE_EVERY = 8L << 20;

    private EvidencePackProbe() {
    }

    public static void main(String[] args) throws Exception {
        int findings = Integer.parseInt(args[0]);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(EmbeddedDatabase.h2FileUrl(EvidencePackSeed.database(findings)),
                "sa", "", "PUBLIC")) {
            CycleRecord record = CycleRecord.overStore(db.activeObjects(),
                    new LocalIssueTracker("BENCH"), (user, cycle) -> EvidencePackSeed.LEAD.equals(user),
                    Clock.fixed(Instant.parse("2026-12-31T09:00:00Z"), ZoneOffset.UTC));
            record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD); // warm the caches
            long baseline = live();
            for (String rendering : new String[]{"json", "html"}) {
                long start = System.nanoTime();
                EvidencePack pack = record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
                SamplingWriter out = new SamplingWriter();
                if (rendering.equals("json")) {
                    new PackJson().write(pack, out);
                } else {
                    new HtmlPackWriter().write(pack, out);
                }
                System.out.printf("[live] findings=%d rendering=%s output=%.1f MB time=%d ms baseline-live=%.1f MB"
                                + " max-live-while-rendering=%.1f MB (%d samples)%n", findings, rendering,
                        out.chars / 1048576.0, (System.nanoTime() - start) / 1_000_000, baseline / 1048576.0,
                        out.maxLive / 1048576.0, out.samples);
            }
        }
    }

    private static long live() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Counts what is written and samples the live heap every {@link #SAMPLE_EVERY} characters. */
    private static final class SamplingWriter extends Writer {
        long chars;
        long next = SAMPLE_EVERY;
        long maxLive;
        int samples;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            if (chars >= next) {
                next += SAMPLE_EVERY;
                maxLive = Math.max(maxLive, live());
                samples++;
            }
        }

        @Override
        public void flush() throws IOException {
        }

        @Override
        public void close() {
        }
    }
}
