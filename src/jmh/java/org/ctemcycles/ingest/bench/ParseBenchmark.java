package org.ctemcycles.ingest.bench;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.Strictness;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;
import org.ctemcycles.ingest.support.XmlSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.xml.stream.XMLStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Parse and normalise throughput of each importer on a large generated report, against two references measured in
 * the same run on the same bytes: {@code plainRead} (the bytes through a 64 KiB buffer, nothing else) and
 * {@code lexOnly} (the bare parser: Gson skipping every value, the StAX event loop, or reading lines). The forks run
 * with a 256 MiB heap, smaller than the largest reports, and each trial prints the peak heap it used: streaming keeps
 * the heap flat whatever the file size.
 *
 * <p>Reports are generated on first use into {@code target/bench-data/} (never committed; {@code mvn clean} removes
 * them). {@code sizeMb=0} means 256 MB for SARIF and Nessus and 64 MB for the other formats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-XX:+UseG1GC"})
public class ParseBenchmark {

    @Param({"sarif", "nessus", "zap-json", "zap-xml", "trivy", "nuclei", "cyclonedx-json", "cyclonedx-xml", "csv"})
    public String format;

    @Param("0")
    public int sizeMb;

    private Path file;
    private long bytes;
    private long peakHeap;
    private long peakOld;
    private final ReportReader reader = new ReportReader(Importers.standard(), ImportLimits.defaults());

    @Setup(Level.Trial)
    public void generate() throws IOException {
        int megabytes = sizeMb > 0 ? sizeMb : format.equals("sarif") || format.equals("nessus") ? 256 : 64;
        Path folder = Path.of(System.getProperty("ctem.bench.dir", "target/bench-data"));
        Files.createDirectories(folder);
        file = folder.resolve(format + "-" + megabytes + "mb.report");
        if (!Files.exists(file)) {
            Path partial = folder.resolve(file.getFileName() + ".partial");
            ReportGenerator.write(format, megabytes, partial);
            Files.move(partial, file);
        }
        bytes = Files.size(file);
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    @TearDown(Level.Iteration)
    public void recordPeaks() {
        long heap = 0;
        long old = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
                if (pool.getName().contains("Old")) {
                    old = Math.max(old, pool.getPeakUsage().getUsed());
                }
            }
        }
        peakHeap = Math.max(peakHeap, heap);
        peakOld = Math.max(peakOld, old);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[heap] format=%s file=%.1f MB max-heap=%d MB peak-heap-used=%.1f MB peak-old-gen-used=%.1f MB%n",
                format, bytes / 1048576.0, Runtime.getRuntime().maxMemory() >> 20, peakHeap / 1048576.0,
                peakOld / 1048576.0);
    }

    /**
     * Detect, parse and normalise the whole report into observations, through the one reader of reports (what
     * `ctem parse` and an import do; it also hashes the content).
     */
    @Benchmark
    public long parse() throws IOException, ImportException {
        long[] sum = new long[1];
        try (InputStream in = Files.newInputStream(file)) {
            ReportReader.Outcome summary = reader.read(in, null, new ObservationSink() {
                @Override
                public void observation(Observation observation) {
                    sum[0] += observation.ruleId().length() + observation.location().length();
                }

                @Override
                public void warning(String message) {
                    sum[0]++;
                }
            });
            if (summary.observations() == 0) {
                throw new IllegalStateException("no observation read from " + file);
            }
            return sum[0] + summary.observations();
        }
    }

    /**
     * As {@link #parse()}, and each observation's finding identity computed as an import computes it (the asset
     * normalised, then the identity hashed): parse + normalise + identity.
     */
    @Benchmark
    public long parseAndIdentify() throws IOException, ImportException {
        long[] sum = new long[1];
        java.security.MessageDigest sha256 = org.ctemcycles.core.finding.FindingIdentity.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            ReportReader.Outcome summary = reader.read(in, null, new ObservationSink() {
                @Override
                public void observation(Observation observation) {
                    org.ctemcycles.core.scope.Asset asset = org.ctemcycles.core.scope.Asset.of(observation.asset());
                    sum[0] += org.ctemcycles.core.finding.FindingIdentity.of(observation, asset, sha256).hash()
                            .charAt(0);
                }

                @Override
                public void warning(String message) {
                    sum[0]++;
                }
            });
            if (summary.observations() == 0) {
                throw new IllegalStateException("no observation read from " + file);
            }
            return sum[0] + summary.observations();
        }
    }

    /** Reference: the same bytes read through a 64 KiB buffer and summed. */
    @Benchmark
    public long plainRead() throws IOException {
        long sum = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i += 64) {
                    sum += buffer[i];
                }
            }
        }
        return sum;
    }

    /** Reference: the bare parser over the same bytes, building nothing. */
    @Benchmark
    public long lexOnly() throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            switch (format) {
                case "nessus", "zap-xml", "cyclonedx-xml" -> {
                    XMLStreamReader xml = XmlSource.factory().createXMLStreamReader(in);
                    long events = 0;
                    while (xml.hasNext()) {
                        events += xml.next();
                    }
                    return events;
                }
                case "csv" -> {
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
                    long length = 0;
                    String line;
                    while ((line = reader.readLine()) != null) {
                        length += line.length();
                    }
                    return length;
                }
                default -> {
                    JsonReader json = new JsonReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                            1 << 16));
                    json.setStrictness(Strictness.LENIENT); // JSON lines: many top-level values
                    long values = 0;
                    while (json.peek() != JsonToken.END_DOCUMENT) {
                        json.skipValue();
                        values++;
                    }
                    return values;
                }
            }
        }
    }
}
