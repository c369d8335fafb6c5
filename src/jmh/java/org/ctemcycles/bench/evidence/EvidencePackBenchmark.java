package org.ctemcycles.bench.evidence;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.report.evidence.PackJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Renders the evidence pack of a seeded cycle (see {@link EvidencePackSeed}) in a 128 MB heap: if any rendering held
 * the 100,000 findings, their decisions (each with its factors and rationale) or the log whole, it would not fit. The
 * reference in the same run, {@code plainRead}, streams the same cycle's finding and decision rows through plain JDBC
 * into the same kind of sink, so the ratio shows what assembling and rendering add over reading the record once.
 * Peak heap use per iteration is printed as {@code [heap] ...}.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
public class EvidencePackBenchmark {

    @Param({"10000", "100000"})
    public int findings;

    private EmbeddedDatabase db;
    private CycleRecord record;
    private Path csvFolder;
    private long peakHeap;
    private long peakOld;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path file = EvidencePackSeed.database(findings);
        if (!Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"))) {
            throw new IllegalStateException("no seeded database at " + file + ".mv.db: run scripts/benchmarks --main "
                    + EvidencePackSeed.class.getName() + " " + findings + " first");
        }
        db = EmbeddedDatabase.open(EmbeddedDatabase.h2FileUrl(file), "sa", "", "PUBLIC");
        record = CycleRecord.overStore(db.activeObjects(), new LocalIssueTracker("BENCH"),
                (user, cycle) -> EvidencePackSeed.LEAD.equals(user), Clock.fixed(Instant.parse("2026-12-31T09:00:00Z"), ZoneOffset.UTC));
        csvFolder = Files.createTempDirectory("ctem-bench-csv");
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
        System.out.printf("%n[heap] findings=%d max-heap=%d MB peak-heap-used=%.1f MB peak-old-gen-used=%.1f MB%n",
                findings, Runtime.getRuntime().maxMemory() >> 20, peakHeap / 1048576.0, peakOld / 1048576.0);
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @TearDown(Level.Iteration)
    public void recordPeaks() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old")) {
                    peakOld = Math.max(peakOld, pool.getPeakUsage().getUsed());
                }
            }
        }
        peakHeap = Math.max(peakHeap, heap);
    }

    /** Assemble from the live record and write the whole pack as JSON. */
    @Benchmark
    public long json() throws IOException {
        EvidencePack pack = record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
        CountingWriter out = new CountingWriter();
        new PackJson().write(pack, out);
        return out.chars;
    }

    /** Assemble and render the HTML report through the Velocity template. */
    @Benchmark
    public long html() throws IOException {
        EvidencePack pack = record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
        CountingWriter out = new CountingWriter();
        new HtmlPackWriter().write(pack, out);
        return out.chars;
    }

    /** Assemble and write the nine CSV files. */
    @Benchmark
    public long csv() throws IOException {
        EvidencePack pack = record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
        new PackCsv().write(pack, csvFolder);
        return Files.size(csvFolder.resolve("findings.csv"));
    }

    /** The reference: every finding and decision row of the cycle read once through plain JDBC into a sink. */
    @Benchmark
    public long plainRead() throws Exception {
        CountingWriter out = new CountingWriter();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[]{"FINDING", "DECISION"}) {
                try (ResultSet rows = s.executeQuery("SELECT * FROM \"" + db.tablePrefix().value() + table
                        + "\" WHERE \"CYCLE_KEY\" = '" + EvidencePackSeed.CYCLE + "'")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.write(String.valueOf(rows.getObject(i)));
                        }
                    }
                }
            }
        }
        return out.chars;
    }

    /** Counts what a rendering writes, keeping nothing. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void write(String text) {
            chars += text.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
