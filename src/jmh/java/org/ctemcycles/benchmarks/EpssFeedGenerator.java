package org.ctemcycles.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a realistic FIRST EPSS bulk feed for the benchmarks (never kept in the repository): 330,000 CVEs spread over
 * the years 1999-2026 as NVD's are (most in recent years), probabilities heavy-tailed like EPSS v4/v5 (about 77% below
 * 0.01, a few near 0.97), percentiles from the rank, five decimals, sorted by CVE text as FIRST publishes it.
 */
public final class EpssFeedGenerator {

    public static final String MODEL_LINE = "#model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z";

    private EpssFeedGenerator() {
    }

    /** The CVE ids of a feed of {@code rows} CVEs, deterministic for a seed. */
    public static String[] cves(int rows, long seed) {
        // relative CVE counts per year, 1999 to 2026 (NVD's growth, rounded)
        int[] weight = {9, 10, 16, 21, 15, 25, 45, 66, 65, 56, 50, 46, 42, 53, 52, 79, 64, 64, 145, 165, 173, 183,
                205, 250, 290, 400, 420, 300};
        long total = Arrays.stream(weight).sum();
        String[] ids = new String[rows];
        Random random = new Random(seed);
        int at = 0;
        for (int y = 0; y < weight.length && at < rows; y++) {
            int count = y == weight.length - 1 ? rows - at : (int) Math.min(rows - at, rows * weight[y] / total);
            int number = 1;
            for (int i = 0; i < count; i++) {
                number += 1 + random.nextInt(3);
                ids[at++] = "CVE-" + (1999 + y) + "-" + (number < 1000 ? String.format("%04d", number) : number);
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    /** Writes the feed, gzip-compressed, and returns its path. */
    public static Path write(Path file, int rows, long seed) throws IOException {
        String[] ids = cves(rows, seed);
        Random random = new Random(seed + 1);
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble();
            p[i] = Math.round(Math.min(0.97, Math.pow(10, -4 + 4 * Math.pow(u, 2.5))) * 100_000) / 100_000.0;
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(MODEL_LINE);
            writer.write("\ncve,epss,percentile\n");
            for (int i = 0; i < rows; i++) {
                // percentile: share of CVEs with the same or a lower probability
                int upTo = upperBound(sorted, p[i]);
                writer.write(ids[i]);
                writer.write(',');
                writer.write(String.format("%.5f", p[i]));
                writer.write(',');
                writer.write(String.format("%.5f", upTo / (double) rows));
                writer.write('\n');
            }
        }
        return file;
    }

    private static int upperBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
