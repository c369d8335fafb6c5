package org.ctemcycles.report.evidence;

import com.google.gson.stream.JsonWriter;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.cadence.RecordBreach;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.ItemStatus;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRecord;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an evidence pack as one JSON document, streamed: the large sections go out a row at a time as the pack's
 * {@link org.ctemcycles.core.evidence.Rows} read them. Field names are stable and documented by
 * {@code docs/evidence-pack.schema.json} ({@value #SCHEMA}); a change that renames or removes one is a new schema
 * version. Times are ISO-8601 instants, dates ISO dates, enums their constant names; absent values are null.
 */
public final class PackJson {

    public static final String SCHEMA = "https://ctemcycles.org/schema/evidence-pack/1.json";
    public static final int SCHEMA_VERSION = 1;

    public void write(EvidencePack pack, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent(" ");
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("generatedAt").value(pack.generatedAt().toString());
        json.name("generatedBy").value(pack.generatedBy());
        json.name("asOf").value(pack.asOf().toString());
        cycle(json, pack.cycle());
        json.name("items").beginArray();
        for (ItemStatus item : pack.items()) {
            json.beginObject().name("item").value(item.item().name()).name("title").value(item.item().title())
                    .name("section").value(item.anchor()).name("present").value(item.present())
                    .name("note").value(item.note()).endObject();
        }
        json.endArray();
        json.name("controls").beginArray();
        for (ControlCoverage c : pack.controls()) {
            json.beginObject().name("framework").value(c.control().framework()).name("id").value(c.control().id())
                    .name("title").value(c.control().title()).name("wording").value(c.control().wording());
            items(json.name("present"), c.present());
            items(json.name("missing"), c.missing());
            json.name("evidenced").value(c.evidenced());
            json.name("objective").beginObject().name("id").value(c.outcome().objective().name())
                    .name("title").value(c.outcome().objective().title()).name("met").value(c.outcome().met())
                    .name("verdict").value(c.outcome().verdict()).name("figures").value(c.outcome().figures())
                    .endObject();
            json.endObject();
        }
        json.endArray();
        scoping(json, pack);
        discovery(json, pack);
        json.name("findings").beginArray();
        for (FindingEvidence f : pack.findings()) {
            finding(json, f);
        }
        json.endArray();
        prioritisation(json, pack);
        json.name("validation").beginArray();
        for (ValidationRecord v : pack.validations()) {
            json.beginObject().name("finding").value(v.findingKey()).name("method").value(v.method().name())
                    .name("outcome").value(v.outcome().name()).name("notes").value(v.notes());
            strings(json.name("evidenceRefs"), v.evidenceRefs());
            json.name("validatedBy").value(v.validatedBy()).name("validatedAt").value(v.validatedAt().toString())
                    .name("statusBefore").value(v.statusBefore().name()).name("statusAfter")
                    .value(v.statusAfter().name()).endObject();
        }
        json.endArray();
        json.name("mobilisation").beginArray();
        for (RegisterItem item : pack.register()) {
            entry(json, item);
        }
        json.endArray();
        closure(json, pack.closure(), pack.recommendation());
        cadence(json, pack.cadence(), pack.checkpoints().held());
        metrics(json.name("metrics"), pack.metrics());
        activityLog(json, pack);
        json.endObject();
        json.flush();
    }

    private static void cycle(JsonWriter json, Cycle c) throws IOException {
        json.name("cycle").beginObject().name("key").value(c.key()).name("name").value(c.name())
                .name("stage").value(c.stage().name()).name("objective").value(c.objective())
                .name("successCriteria").value(c.successCriteria())
                .name("start").value(c.cadence().start().toString())
                .name("plannedEnd").value(c.cadence().plannedEnd().toString())
                .name("checkpointIntervalDays").value(c.cadence().checkpointIntervalDays())
                .name("openedAt").value(c.createdAt().toString()).name("openedBy").value(c.createdBy())
                .name("predecessor").value(blankToNull(c.predecessorKey()))
                .name("successor").value(blankToNull(c.successorKey())).endObject();
    }

    private static void scoping(JsonWriter json, EvidencePack pack) throws IOException {
        json.name("scoping").beginObject()
                .name("scopeRecordedAt").value(text(pack.scopeRecordedAt()))
                .name("discoveryStartedAt").value(text(pack.discoveryStartedAt()))
                .name("recordedBeforeDiscovery").value(pack.scopedBeforeDiscovery());
        json.name("surfaces").beginArray();
        for (Surface s : pack.surfaces()) {
            json.beginObject().name("key").value(s.key()).name("name").value(s.name())
                    .name("kind").value(s.kind().name()).name("businessOwner").value(s.businessOwner())
                    .name("criticality").value(s.criticality() == null ? null : s.criticality().name())
                    .name("exposure").value(s.exposure() == null ? null : s.exposure().name())
                    .name("successCriterion").value(s.successCriterion());
            json.name("rules").beginArray();
            for (ScopeRule rule : s.rules()) {
                json.value(rule.toString());
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("surfaceChanges").beginArray();
        for (LogEntry entry : pack.surfaceChanges()) {
            logEntry(json, entry);
        }
        json.endArray().endObject();
    }

    private static void discovery(JsonWriter json, EvidencePack pack) throws IOException {
        json.name("discovery").beginObject().name("runs").beginArray();
        for (DiscoveryRun r : pack.runs()) {
            json.beginObject().name("id").value(r.id()).name("sourceKind").value(r.sourceKind().name())
                    .name("tool").value(r.tool()).name("toolVersion").value(r.toolVersion())
                    .name("format").value(r.format()).name("file").value(r.fileName())
                    .name("sha256").value(r.contentSha256()).name("scannedAt").value(r.scannedAt().toString())
                    .name("importedAt").value(r.importedAt().toString()).name("importedBy").value(r.importedBy())
                    .name("complete").value(r.complete());
            strings(json.name("coveredSurfaces"), r.coveredSurfaces());
            json.name("counts").beginObject().name("observations").value(r.counts().observations())
                    .name("newFindings").value(r.counts().newFindings()).name("merged").value(r.counts().merged())
                    .name("outOfScope").value(r.counts().outOfScope())
                    .name("fixCandidates").value(r.counts().fixCandidates())
                    .name("reappeared").value(r.counts().reappeared()).name("warnings").value(r.counts().warnings())
                    .endObject().endObject();
        }
        json.endArray();
        CoverageMatrix m = pack.coverage();
        json.name("coverage").beginObject().name("asOf").value(m.asOf().toString())
                .name("staleAfterDays").value(m.staleAfter().toDays()).name("rows").beginArray();
        for (CoverageMatrix.Row row : m.rows()) {
            json.beginObject().name("surface").value(row.surfaceKey()).name("name").value(row.surfaceName())
                    .name("cells").beginArray();
            for (CoverageMatrix.Cell cell : row.cells()) {
                json.beginObject().name("sourceKind").value(cell.sourceKind().name())
                        .name("state").value(cell.state().name())
                        .name("lastCoveredAt").value(text(cell.lastCoveredAt()))
                        .name("runs").value(cell.runs()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject().endObject();
    }

    private static void finding(JsonWriter json, FindingEvidence e) throws IOException {
        Finding f = e.finding();
        json.beginObject().name("key").value(f.key()).name("title").value(f.title())
                .name("asset").beginObject().name("kind").value(f.asset().kind().name())
                .name("value").value(f.asset().value()).endObject()
                .name("surface").value(f.surfaceKey()).name("inScope").value(f.inScope())
                .name("tool").value(f.tool()).name("ruleId").value(f.ruleId()).name("location").value(f.location())
                .name("severity").value(f.severity().name());
        strings(json.name("cves"), f.cves());
        strings(json.name("cwes"), f.cwes());
        strings(json.name("cvssVectors"), f.cvssVectors());
        json.name("firstSeen").value(f.firstSeen().toString()).name("lastSeen").value(f.lastSeen().toString());
        strings(json.name("sources"), e.sources());
        json.name("signals").value(e.signals())
                .name("epss").value(blankToNull(e.epss())).name("kev").value(blankToNull(e.kev()))
                .name("calibration").value(blankToNull(e.calibration()))
                .name("status").value(e.entry() == null ? null : e.entry().status().name())
                .name("tier").value(e.decision() == null ? null : e.decision().tier().name())
                .name("score").value(e.decision() == null ? null : e.decision().scorePoints())
                .endObject();
    }

    private static void prioritisation(JsonWriter json, EvidencePack pack) throws IOException {
        json.name("prioritisation").beginObject().name("policy").value(blankToNull(pack.policy()));
        json.name("feeds").beginArray();
        for (FeedUse feed : pack.feeds()) {
            json.beginObject().name("feed").value(feed.feed()).name("version").value(feed.version())
                    .name("asOf").value(feed.asOf()).name("source").value(feed.source())
                    .name("stale").value(feed.stale()).name("description").value(feed.describe()).endObject();
        }
        json.endArray().name("validationsSinceQueue").value(pack.validationsSinceQueue())
                .name("queue").beginArray();
        for (RankedDecision item : pack.queue()) {
            Decision d = item.decision();
            json.beginObject().name("rank").value(item.rank()).name("finding").value(d.findingKey())
                    .name("score").value(d.scorePoints()).name("tier").value(d.tier().name())
                    .name("ssvc").value(d.ssvc().label())
                    .name("deadline").value(d.deadline().date() == null ? null : d.deadline().date().toString())
                    .name("deadlineRule").value(d.deadline().rule()).name("overdue").value(d.deadline().overdue())
                    .name("rationale").value(d.rationale()).name("decidedAt").value(d.decidedAt().toString())
                    .name("policy").value(d.policyId() + " v" + d.policyVersion())
                    .name("status").value(item.status() == null ? null : item.status().name());
            json.name("laterValidation");
            if (item.laterValidation() == null) {
                json.nullValue();
            } else {
                json.beginObject().name("outcome").value(item.laterValidation().outcome().name())
                        .name("validatedAt").value(item.laterValidation().validatedAt().toString()).endObject();
            }
            json.name("factors").beginArray();
            for (Factor factor : d.factors()) {
                json.beginObject().name("kind").value(factor.kind().name()).name("points").value(factor.points())
                        .name("label").value(factor.label()).name("evidence").value(factor.evidence())
                        .name("source").value(factor.provenance().source()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    private static void entry(JsonWriter json, RegisterItem item) throws IOException {
        RegisterEntry e = item.entry();
        json.beginObject().name("finding").value(e.findingKey()).name("status").value(e.status().name())
                .name("owner").value(blankToNull(e.owner()))
                .name("deadline").value(e.deadline() == null ? null : e.deadline().toString())
                .name("deadlineSetBy").value(blankToNull(e.deadlineSetBy()))
                .name("deadlineReason").value(blankToNull(e.deadlineReason()))
                .name("policyDeadline").value(text(item.policyDeadline()))
                .name("policyDeadlineRule").value(blankToNull(item.policyRule()))
                .name("laterThanPolicy").value(item.laterThanPolicy())
                .name("changeRecord").value(blankToNull(e.changeRecord()))
                .name("dependency").value(blankToNull(e.dependency()))
                .name("verificationStep").value(blankToNull(e.verificationStep()))
                .name("trackerIssue").value(blankToNull(e.trackerIssue()));
        json.name("acceptance");
        if (e.acceptance() == null) {
            json.nullValue();
        } else {
            json.beginObject().name("owner").value(e.acceptance().owner())
                    .name("compensatingControl").value(e.acceptance().compensatingControl())
                    .name("expiry").value(e.acceptance().expiry().toString())
                    .name("acceptedBy").value(e.acceptance().acceptedBy())
                    .name("acceptedAt").value(e.acceptance().acceptedAt().toString()).endObject();
        }
        json.name("carriedFrom").value(blankToNull(e.carriedFrom()))
                .name("enrolledAt").value(e.enrolledAt().toString())
                .name("updatedAt").value(e.updatedAt().toString()).endObject();
    }

    private static void closure(JsonWriter json, ClosureSummary c, List<RecommendedItem> recommended)
            throws IOException {
        json.name("closure");
        if (c == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("closedAt").value(c.closedAt().toString()).name("closedBy").value(c.closedBy());
        strings(json.name("delivered"), c.delivered());
        strings(json.name("falsePositives"), c.falsePositives());
        strings(json.name("carriedOver"), c.carriedOver());
        json.name("riskAccepted").value(c.riskAccepted());
        strings(json.name("surfaceChanges"), c.surfaceChanges());
        strings(json.name("nextScope"), c.nextScope());
        json.name("recommended").beginArray();
        for (RecommendedItem item : recommended) {
            json.beginObject().name("number").value(item.number()).name("kind").value(item.kind().name())
                    .name("subject").value(item.subject()).name("reason").value(item.reason())
                    .name("numbers").beginObject();
            for (Map.Entry<String, Long> number : new TreeMap<>(item.numbers()).entrySet()) {
                json.name(number.getKey()).value(number.getValue());
            }
            json.endObject().name("takenInto").value(blankToNull(item.takenInto()))
                    .name("takenBy").value(blankToNull(item.takenBy()))
                    .name("takenAt").value(item.takenAt() == null ? null : item.takenAt().toString()).endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void cadence(JsonWriter json, CadenceRecord c, Collection<Checkpoint> held) throws IOException {
        json.name("cadence").beginObject().name("start").value(c.start().toString())
                .name("plannedEnd").value(c.plannedEnd().toString()).name("planned").beginArray();
        for (PlannedCheckpoint p : c.planned()) {
            json.beginObject().name("date").value(p.date().toString()).name("status").value(p.status().name())
                    .name("heldOn").value(p.heldOn() == null ? null : p.heldOn().toString()).endObject();
        }
        json.endArray().name("checkpoints").beginArray();
        for (Checkpoint checkpoint : held) {
            json.beginObject().name("heldOn").value(checkpoint.heldOn().toString())
                    .name("plannedFor").value(checkpoint.plannedFor() == null ? null
                            : checkpoint.plannedFor().toString())
                    .name("recordedBy").value(checkpoint.recordedBy()).name("notes").value(checkpoint.notes());
            metrics(json.name("metrics"), checkpoint.metrics());
            json.endObject();
        }
        json.endArray().name("closedOn").value(c.closedOn() == null ? null : c.closedOn().toString())
                .name("nextCycle").value(blankToNull(c.nextCycleKey()));
        strings(json.name("nextScope"), c.nextScope());
        json.endObject();
    }

    private static void metrics(JsonWriter json, MetricsSnapshot m) throws IOException {
        json.beginObject();
        counts(json.name("byStage"), m.byStage());
        counts(json.name("byTier"), m.byTier());
        json.name("byStatus").beginObject();
        for (Map.Entry<?, Integer> e : m.byStatus().entrySet()) {
            json.name(((Enum<?>) e.getKey()).name()).value(e.getValue());
        }
        json.endObject().name("slaBreaches").value(m.slaBreaches()).name("surfacesInScope").value(m.surfacesInScope())
                .name("surfacesCovered").value(m.surfacesCovered()).endObject();
    }

    private static void activityLog(JsonWriter json, EvidencePack pack) throws IOException {
        ChainReport chain = pack.chain();
        json.name("activityLog").beginObject().name("intact").value(chain.intact())
                .name("entries").value(chain.entries())
                .name("anchorKey").value(chain.keyed() ? chain.anchorKeyId() : null).name("firstBreak");
        if (chain.intact()) {
            json.nullValue();
        } else {
            ChainReport.Break b = chain.broken().orElseThrow();
            json.beginObject().name("kind").value(b.kind().name()).name("sequence").value(b.sequence())
                    .name("description").value(b.toString()).endObject();
        }
        RecordReport records = pack.records();
        json.name("recordIntact").value(records.intact()).name("recordDigests").beginArray();
        for (RecordDigest d : records.digests()) {
            json.beginObject().name("kind").value(d.kind().name()).name("day").value(d.day().toString())
                    .name("at").value(d.at().toString()).name("logSequence").value(d.logSequence())
                    .name("chainHead").beginObject()
                    .name("length").value(d.head() == null ? 0 : d.head().length())
                    .name("hash").value(d.head() == null ? null : d.head().hash())
                    .name("anchor").value(d.head() == null ? null : blankToNull(d.head().anchor())).endObject()
                    .name("lastDiscoveryRun").value(d.lastRun()).name("queueRun").value(blankToNull(d.queueRun()));
            for (DigestedSet set : DigestedSet.values()) {
                json.name(set.label()).beginObject().name("rows").value(d.part(set).rows())
                        .name("sha256").value(d.part(set).root()).endObject();
            }
            json.endObject();
        }
        json.endArray().name("recordBreaches").beginArray();
        for (RecordBreach breach : records.breaches()) {
            json.beginObject().name("kind").value(breach.kind().name()).name("description").value(breach.reason())
                    .endObject();
        }
        json.endArray().name("unlistedBreaches").value(records.unlisted());
        json.name("log").beginArray();
        for (LogEntry entry : pack.log()) {
            logEntry(json, entry);
        }
        json.endArray().endObject();
    }

    private static void logEntry(JsonWriter json, LogEntry e) throws IOException {
        json.beginObject().name("sequence").value(e.sequence()).name("at").value(e.at().toString())
                .name("actor").value(e.actor()).name("action").value(e.action()).name("subject").value(e.subject())
                .name("before").value(e.before()).name("after").value(e.after());
        fields(json.name("beforeFields"), e.before());
        fields(json.name("afterFields"), e.after());
        json.name("hash").value(e.hash()).name("anchor").value(blankToNull(e.anchor())).endObject();
    }

    /** A recorded state as an object of its fields (one field named "" when the text is not in the log's format). */
    private static void fields(JsonWriter json, String state) throws IOException {
        json.beginObject();
        for (StateText.Field field : StateText.fields(state)) {
            json.name(field.name()).value(field.value());
        }
        json.endObject();
    }

    private static void items(JsonWriter json, Collection<EvidenceItem> items) throws IOException {
        json.beginArray();
        for (EvidenceItem item : items) {
            json.value(item.name());
        }
        json.endArray();
    }

    private static void strings(JsonWriter json, Collection<String> values) throws IOException {
        json.beginArray();
        for (String value : values) {
            json.value(value);
        }
        json.endArray();
    }

    private static void counts(JsonWriter json, Map<String, Integer> counts) throws IOException {
        json.beginObject();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
