package org.ctemcycles.ingest.bench;

import com.google.gson.stream.JsonReader;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;
import org.ctemcycles.ingest.support.XmlSource;

import javax.xml.stream.XMLStreamReader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What reading a report costs over its bare parser, measured on a loaded machine: each step is timed in turn, round
 * after round in one JVM, and the minimum of the rounds is kept (the run least disturbed by other processes), with the
 * median beside it. Steps: the bare parser (the StAX event loop over the bytes, Gson skipping every value, or
 * readLine), for XML the same event loop behind {@link XmlSource} (its decoding, {@code XmlGuard} and depth checks),
 * and the whole read through {@link ReportReader} (gzip check, SHA-256, detection, parse, normalise). Run with
 * {@code scripts/benchmarks --main org.ctemcycles.ingest.bench.ReaderCostProbe target/bench-data 15} after
 * ParseBenchmark has generated the files (sizeMb=32).
 */
public final class ReaderCostProbe {

    private ReaderCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        for (String format : List.of("nessus", "zap-xml", "sarif", "csv")) {
            Path file = folder.resolve(format + "-32mb.report");
            boolean xml = !format.equals("sarif") && !format.equals("csv");
            List<Long> bare = new ArrayList<>();
            List<Long> guarded = new ArrayList<>();
            List<Long> read = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                bare.add(time(() -> bare(file, format)));
                if (xml) {
                    guarded.add(time(() -> guarded(file)));
                }
                read.add(time(() -> read(file)));
            }
            System.out.printf("%-8s %5.1f MB  bare parser min %5d ms (median %5d)  XmlSource loop min %5s ms  "
                            + "whole read min %5d ms (median %5d)  read / bare (min) %.2f%n", format,
                    Files.size(file) / 1048576.0, min(bare), median(bare), xml ? String.valueOf(min(guarded)) : "-",
                    min(read), median(read), (double) min(read) / min(bare));
        }
    }

    private interface Step {
        long run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long start = System.nanoTime();
        long result = step.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result < 0) {
            throw new IllegalStateException("nothing read");
        }
        return ms;
    }

    private static long min(List<Long> times) {
        return Collections.min(times);
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long bare(Path file, String format) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            switch (format) {
                case "sarif" -> {
                    JsonReader json = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    json.skipValue();
                    return 1;
                }
                case "csv" -> {
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                            1 << 16);
                    long n = 0;
                    while (lines.readLine() != null) {
                        n++;
                    }
                    return n;
                }
                default -> {
                    XMLStreamReader xml = XmlSource.factory().createXMLStreamReader(in);
                    long events = 0;
                    while (xml.hasNext()) {
                        events += xml.next();
                    }
                    return events;
                }
            }
        }
    }

    private static long guarded(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            XmlSource xml = XmlSource.open(in, ImportLimits.defaults());
            xml.root();
            xml.finish();
            return 1;
        }
    }

    private static long read(Path file) throws Exception {
        long[] count = {0};
        try (InputStream in = Files.newInputStream(file)) {
            new ReportReader(Importers.standard(), ImportLimits.defaults()).read(in, null, new ObservationSink() {
                @Override
                public void observation(Observation observation) {
                    count[0]++;
                }

                @Override
                public void warning(String message) {
                }
            });
        }
        return count[0];
    }
}
