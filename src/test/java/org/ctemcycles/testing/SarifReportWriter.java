package org.ctemcycles.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a SARIF 2.1.0 report shaped like CodeQL's: 200 rules with short descriptions, CWE tags and security
 * severities, and results with a message, a location and a partial fingerprint in one repository
 * ({@code github.com/example/shop}). Deterministic: the same arguments give the same bytes. A later scan of the same
 * code is the same findings with new message text ({@code scan} changes only the messages), so it is a re-scan of
 * unchanged findings. Each finding can be reported several times (other lines of the same flow), as reports repeat
 * one finding.
 */
public final class SarifReportWriter {

    /** The repository every result is in: a surface rule {@code repo:github.com/example/shop} takes them in. */
    public static final String REPOSITORY = "https://github.com/example/shop";
    private static final int RULES = 200;

    private SarifReportWriter() {
    }

    /** {@code SarifReportWriter FILE FINDINGS OBSERVATIONS-EACH SCAN}: writes a report (scripts/import-benchmark). */
    public static void main(String[] args) {
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    /**
     * @param findings            distinct findings
     * @param observationsEach    results per finding (1: every result is its own finding)
     * @param scan                which scan of the code this is (only the message text depends on it)
     */
    public static void write(Path file, int findings, int observationsEach, int scan) {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            write(out, findings, observationsEach, scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Writer out, int findings, int observationsEach, int scan) throws IOException {
        out.write("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{"
                + "\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":\"2.19.3\",\"rules\":[");
        for (int r = 0; r < RULES; r++) {
            out.write((r > 0 ? "," : "") + "{\"id\":\"js/rule-" + r + "\",\"name\":\"js/rule-" + r
                    + "\",\"shortDescription\":{\"text\":\"Rule number " + r + "\"},\"defaultConfiguration\":"
                    + "{\"level\":\"" + (r % 3 == 0 ? "error" : "warning") + "\"},\"properties\":{\"tags\":"
                    + "[\"security\",\"external/cwe/cwe-0" + (20 + r % 80) + "\"],\"precision\":\"high\","
                    + "\"security-severity\":\"" + (r % 10) + "." + (r % 7) + "\"}}");
        }
        out.write("]}},\"versionControlProvenance\":[{\"repositoryUri\":\"" + REPOSITORY + "\"}],\"results\":[\n");
        boolean first = true;
        for (int repeat = 0; repeat < observationsEach; repeat++) {
            for (long i = 0; i < findings; i++) {
                int rule = (int) (i % RULES);
                out.write((first ? "" : ",\n") + "{\"ruleId\":\"js/rule-" + rule + "\",\"ruleIndex\":" + rule
                        + ",\"message\":{\"text\":\"This query depends on a user-provided value in call " + i
                        + " (scan " + scan + ", path " + repeat + ").\"},\"locations\":[{\"physicalLocation\":"
                        + "{\"artifactLocation\":{\"uri\":\"src/module" + (i % 977) + "/file" + (i % 31)
                        + ".js\"},\"region\":{\"startLine\":" + (i % 4000 + 1 + repeat) + ",\"startColumn\":5}}}],"
                        + "\"partialFingerprints\":{\"primaryLocationLineHash\":\"" + Long.toHexString(i * 2654435761L)
                        + ":1\"}}");
                first = false;
            }
        }
        out.write("\n]}]}\n");
    }
}
