package org.ctemcycles.benchmarks;

import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.ingest.epss.EpssCsvReader;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Loading a full 330,000-row EPSS feed ({@code .csv.gz}, generated for the run, never kept) into the validated
 * in-memory feed. Reference in the same run: only decompressing the file and splitting it into lines, the floor of
 * any reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class EpssLoadBenchmark {

    private Path feed;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        feed = EpssFeedGenerator.write(Files.createTempFile("epss-bench", ".csv.gz"), 330_000, 42);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        Files.deleteIfExists(feed);
    }

    @Benchmark
    public EpssFeed loadFeed() throws Exception {
        try (InputStream in = Files.newInputStream(feed)) {
            return new EpssCsvReader().read(in, feed.toString(), Instant.EPOCH);
        }
    }

    @Benchmark
    public int referenceGunzipAndSplitLines() throws IOException {
        int lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(feed), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }
}
