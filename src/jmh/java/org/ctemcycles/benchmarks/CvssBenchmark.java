package org.ctemcycles.benchmarks;

import org.ctemcycles.core.scoring.cvss.CvssCalculator;
import org.ctemcycles.core.scoring.cvss.CvssScores;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CVSS parse + score throughput per version, ours against us.springett:cvss-calculator 1.5.1 (Dependency-Track's
 * choice) on the same vectors in the same run: every vector of the conformance files of that version, taken in turn,
 * one vector per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CvssBenchmark {

    @Param({"2.0", "3.0", "3.1", "4.0"})
    public String version;

    private String[] vectors;
    private int next;
    private final CvssCalculator calculator = new CvssCalculator();

    @Setup
    public void load() throws IOException {
        List<String> files = switch (version) {
            case "2.0" -> List.of("vectors_simple2");
            case "3.0" -> List.of("vectors_simple3");
            case "3.1" -> List.of("vectors_simple31");
            default -> List.of("vectors_simple4", "vectors_threat4", "vectors_security4", "vectors_supplemental4");
        };
        List<String> all = new ArrayList<>();
        for (String file : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    CvssBenchmark.class.getResourceAsStream("/cvss/" + file), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int dash = line.indexOf(" - ");
                    if (dash > 0) {
                        all.add(line.substring(0, dash).strip());
                    }
                }
            }
        }
        vectors = all.toArray(new String[0]);
        // both calculators must accept every vector, or the comparison is not like for like
        for (String vector : vectors) {
            if (Cvss.fromVector(vector) == null) {
                throw new IllegalStateException("us.springett cannot parse " + vector);
            }
            calculator.score(vector);
        }
    }

    private String nextVector() {
        String vector = vectors[next];
        next = next + 1 == vectors.length ? 0 : next + 1;
        return vector;
    }

    @Benchmark
    public CvssScores ours() {
        return calculator.score(CvssVector.parse(nextVector()));
    }

    @Benchmark
    public Score springett() {
        return Cvss.fromVector(nextVector()).calculateScore();
    }
}
