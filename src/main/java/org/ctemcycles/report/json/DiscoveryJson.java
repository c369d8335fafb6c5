package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;

import java.time.Instant;
import java.util.List;

/**
 * The JSON forms of discovery's records (surfaces, findings, signals, runs, coverage, import summaries): flat objects
 * with stable field names, enum values as their names, times as ISO-8601 instants.
 */
public final class DiscoveryJson {

    private DiscoveryJson() {
    }

    /** {@code key, cycle, name, kind, businessOwner, criticality, exposure, successCriterion, rules[]}. */
    public static JsonObject surface(Surface surface) {
        JsonObject json = new JsonObject();
        json.addProperty("key", surface.key());
        json.addProperty("cycle", surface.cycleKey());
        json.addProperty("name", surface.name());
        json.addProperty("kind", surface.kind().name());
        json.addProperty("businessOwner", surface.businessOwner());
        json.addProperty("criticality", surface.criticality() == null ? null : surface.criticality().name());
        json.addProperty("exposure", surface.exposure() == null ? null : surface.exposure().name());
        json.addProperty("successCriterion", surface.successCriterion());
        json.add("rules", strings(surface.rules().stream().map(ScopeRule::toString).toList()));
        return json;
    }

    /** {@code enrolled, reopened, verified}: what a discovery run changed in the cycle's register. */
    public static JsonObject intake(DiscoveryIntake.Outcome outcome) {
        JsonObject json = new JsonObject();
        json.addProperty("enrolled", outcome.enrolled());
        json.addProperty("reopened", outcome.reopened());
        json.addProperty("verified", outcome.verified());
        return json;
    }

    /**
     * {@code id, key (the cycle record's finding key), cycle, identity, identityKind, surface (null: out of scope), inScope, asset{kind,key,value}, title,
     * tool, ruleId, location, severity, status, cves[], cwes[], cvssVectors[], firstSeen, lastSeen, firstRun, lastRun,
     * fixCandidate, fixCandidateRun}.
     */
    public static JsonObject finding(Finding finding) {
        JsonObject json = new JsonObject();
        json.addProperty("id", finding.id());
        json.addProperty("key", finding.key());
        json.addProperty("cycle", finding.cycleKey());
        json.addProperty("identity", finding.identity().hash());
        json.addProperty("identityKind", finding.identity().kind().name());
        json.addProperty("surface", finding.surfaceKey());
        json.addProperty("inScope", finding.inScope());
        JsonObject asset = new JsonObject();
        asset.addProperty("kind", finding.asset().kind().name());
        asset.addProperty("key", finding.asset().key());
        asset.addProperty("value", finding.asset().value());
        json.add("asset", asset);
        json.addProperty("title", finding.title());
        json.addProperty("tool", finding.tool());
        json.addProperty("ruleId", finding.ruleId());
        json.addProperty("location", finding.location());
        json.addProperty("severity", finding.severity().name());
        json.addProperty("status", finding.status().name());
        json.add("cves", strings(finding.cves()));
        json.add("cwes", strings(finding.cwes()));
        json.add("cvssVectors", strings(finding.cvssVectors()));
        json.addProperty("firstSeen", finding.firstSeen().toString());
        json.addProperty("lastSeen", finding.lastSeen().toString());
        json.addProperty("firstRun", finding.firstRunId());
        json.addProperty("lastRun", finding.lastRunId());
        json.addProperty("fixCandidate", finding.fixCandidate());
        json.addProperty("fixCandidateRun", finding.fixCandidateRunId() == 0 ? null : finding.fixCandidateRunId());
        return json;
    }

    /**
     * {@code id, finding, run, sourceKind, tool, toolVersion, rawSeverity, severity, seenAt, observations, location,
     * evidence, attributes{}, vex{state,justification,response,detail} or null, live, deletedAt, deletedByRun}.
     */
    public static JsonObject signal(Signal signal) {
        JsonObject json = new JsonObject();
        json.addProperty("id", signal.id());
        json.addProperty("finding", signal.findingId());
        json.addProperty("run", signal.runId());
        json.addProperty("sourceKind", signal.sourceKind().name());
        json.addProperty("tool", signal.tool());
        json.addProperty("toolVersion", signal.toolVersion());
        json.addProperty("rawSeverity", signal.rawSeverity());
        json.addProperty("severity", signal.severity().name());
        json.addProperty("seenAt", signal.seenAt().toString());
        json.addProperty("observations", signal.observations());
        json.addProperty("location", signal.location());
        json.addProperty("evidence", signal.evidence());
        JsonObject attributes = new JsonObject();
        new java.util.TreeMap<>(signal.attributes()).forEach(attributes::addProperty);
        json.add("attributes", attributes);
        if (signal.vex() == null) {
            json.add("vex", null);
        } else {
            JsonObject vex = new JsonObject();
            vex.addProperty("state", signal.vex().state());
            vex.addProperty("justification", signal.vex().justification());
            vex.addProperty("response", signal.vex().response());
            vex.addProperty("detail", signal.vex().detail());
            json.add("vex", vex);
        }
        json.addProperty("live", signal.live());
        json.addProperty("deletedAt", time(signal.deletedAt()));
        json.addProperty("deletedByRun", signal.deletedByRunId() == 0 ? null : signal.deletedByRunId());
        return json;
    }

    /**
     * {@code id, cycle, sourceKind, tool, toolVersion, format, file, sha256, scannedAt, importedAt, importedBy,
     * complete, declaredSurfaces[], coveredSurfaces[], observations, newFindings, merged, outOfScope, fixCandidates,
     * reappeared, warnings, warningMessages[]}.
     */
    public static JsonObject run(DiscoveryRun run) {
        JsonObject json = new JsonObject();
        json.addProperty("id", run.id());
        json.addProperty("cycle", run.cycleKey());
        json.addProperty("sourceKind", run.sourceKind().name());
        json.addProperty("tool", run.tool());
        json.addProperty("toolVersion", run.toolVersion());
        json.addProperty("format", run.format());
        json.addProperty("file", run.fileName());
        json.addProperty("sha256", run.contentSha256().isEmpty() ? null : run.contentSha256());
        json.addProperty("scannedAt", run.scannedAt().toString());
        json.addProperty("importedAt", time(run.importedAt()));
        json.addProperty("importedBy", run.importedBy());
        json.addProperty("complete", run.complete());
        json.add("declaredSurfaces", strings(run.declaredSurfaces()));
        json.add("coveredSurfaces", strings(run.coveredSurfaces()));
        counts(json, run.counts());
        json.add("warningMessages", strings(run.warnings()));
        return json;
    }

    /**
     * {@code run, alreadyImported, complete, sourceKind, observations, newFindings, merged, outOfScope, fixCandidates,
     * reappeared, warnings, coveredSurfaces[]} (for an import already made: the earlier run, and zero changes;
     * {@code complete} false for a partial run, a report not read whole).
     */
    public static JsonObject summary(ImportSummary summary) {
        JsonObject json = new JsonObject();
        json.addProperty("run", summary.runId());
        json.addProperty("alreadyImported", summary.alreadyImported());
        json.addProperty("complete", summary.complete());
        json.addProperty("sourceKind", summary.sourceKind().name());
        counts(json, summary.counts());
        json.add("coveredSurfaces", strings(summary.coveredSurfaces()));
        return json;
    }

    /**
     * {@code cycle, asOf, staleAfterDays, sourceKinds[], surfaces[{key, name, coverage{KIND: {state, lastCoveredAt,
     * lastRun, runs}}}]}.
     */
    public static JsonObject coverage(CoverageMatrix matrix) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", matrix.cycleKey());
        json.addProperty("asOf", matrix.asOf().toString());
        json.addProperty("staleAfterDays", matrix.staleAfter().toDays());
        JsonArray kinds = new JsonArray();
        for (SourceKind kind : SourceKind.values()) {
            kinds.add(kind.name());
        }
        json.add("sourceKinds", kinds);
        JsonArray rows = new JsonArray();
        for (CoverageMatrix.Row row : matrix.rows()) {
            JsonObject surface = new JsonObject();
            surface.addProperty("key", row.surfaceKey());
            surface.addProperty("name", row.surfaceName());
            JsonObject cells = new JsonObject();
            for (CoverageMatrix.Cell cell : row.cells()) {
                JsonObject c = new JsonObject();
                c.addProperty("state", cell.state().name());
                c.addProperty("lastCoveredAt", time(cell.lastCoveredAt()));
                c.addProperty("lastRun", cell.lastRunId() == 0 ? null : cell.lastRunId());
                c.addProperty("runs", cell.runs());
                cells.add(cell.sourceKind().name(), c);
            }
            surface.add("coverage", cells);
            rows.add(surface);
        }
        json.add("surfaces", rows);
        return json;
    }

    private static void counts(JsonObject json, RunCounts counts) {
        json.addProperty("observations", counts.observations());
        json.addProperty("newFindings", counts.newFindings());
        json.addProperty("merged", counts.merged());
        json.addProperty("outOfScope", counts.outOfScope());
        json.addProperty("fixCandidates", counts.fixCandidates());
        json.addProperty("reappeared", counts.reappeared());
        json.addProperty("warnings", counts.warnings());
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
