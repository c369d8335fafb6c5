package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import of scanner reports answers, one object per file and one for all of them: the lines {@code ctem
 * import} prints and the body of the REST upload, built here once so both say the same.
 */
public final class ImportJson {

    /** At most this many of a report's warnings are listed (all are counted). */
    public static final int MAX_LISTED_WARNINGS = 100;

    private ImportJson() {
    }

    /**
     * {@code file, format,} the run's summary ({@link DiscoveryJson#summary}){@code , register{enrolled, reopened,
     * verified}, warningMessages[]} for a report that was read and recorded.
     */
    public static JsonObject imported(String file, String format, ImportSummary summary,
                                      DiscoveryIntake.Outcome intake, List<String> warnings) {
        JsonObject line = new JsonObject();
        line.addProperty("file", file);
        line.addProperty("format", format);
        DiscoveryJson.summary(summary).entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
        line.add("register", DiscoveryJson.intake(intake));
        JsonArray messages = new JsonArray();
        warnings.stream().limit(MAX_LISTED_WARNINGS).forEach(messages::add);
        line.add("warningMessages", messages);
        return line;
    }

    /** {@code file, error} for a report that was rejected: nothing of it was stored. */
    public static JsonObject rejected(String file, String error) {
        JsonObject line = new JsonObject();
        line.addProperty("file", file);
        line.addProperty("error", error);
        return line;
    }

    /** What all reports of one import added up to. */
    public static final class Totals {
        private int files;
        private int imported;
        private int alreadyImported;
        private int rejected;
        private int partial;
        private int observations;
        private int newFindings;
        private int merged;
        private int outOfScope;
        private int fixCandidates;
        private int warnings;
        private final List<Long> runs = new ArrayList<>();

        public void add(ImportSummary summary) {
            files++;
            if (summary.alreadyImported()) {
                alreadyImported++;
            } else {
                imported++;
                partial += summary.complete() ? 0 : 1;
                runs.add(summary.runId());
                newFindings += summary.counts().newFindings();
                merged += summary.counts().merged();
                outOfScope += summary.counts().outOfScope();
                fixCandidates += summary.counts().fixCandidates();
            }
            observations += summary.counts().observations();
            warnings += summary.counts().warnings();
        }

        public void addRejected() {
            files++;
            rejected++;
        }

        public int rejected() {
            return rejected;
        }

        /** How many reports were read only in part (partial runs). */
        public int partial() {
            return partial;
        }

        public int files() {
            return files;
        }

        /**
         * {@code files, imported, alreadyImported, rejected, partial, observations, newFindings, merged, outOfScope,
         * fixCandidates, warnings, runs[]}.
         */
        public JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("files", files);
            json.addProperty("imported", imported);
            json.addProperty("alreadyImported", alreadyImported);
            json.addProperty("rejected", rejected);
            json.addProperty("partial", partial);
            json.addProperty("observations", observations);
            json.addProperty("newFindings", newFindings);
            json.addProperty("merged", merged);
            json.addProperty("outOfScope", outOfScope);
            json.addProperty("fixCandidates", fixCandidates);
            json.addProperty("warnings", warnings);
            JsonArray runIds = new JsonArray();
            runs.forEach(runIds::add);
            json.add("runs", runIds);
            return json;
        }
    }
}
