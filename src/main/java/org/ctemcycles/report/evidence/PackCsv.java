package org.ctemcycles.report.evidence;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.report.csv.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes each register of an evidence pack as its own CSV file (for auditors who filter in a spreadsheet), streamed
 * row by row through {@link CsvWriter}, which neutralises cells a spreadsheet would run as formulas. Column names
 * match the JSON rendering's field names.
 */
public final class PackCsv {

    /** The files written, in the order of the pack's sections. */
    public static final List<String> FILES = List.of("surfaces.csv", "discovery-runs.csv", "coverage.csv",
            "findings.csv", "queue.csv", "validation.csv", "mobilisation-register.csv", "activity-log.csv",
            "controls.csv");

    private interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    /** Where the files go: each one is opened, written whole and closed before the next is opened. */
    public interface Target {
        Writer open(String fileName) throws IOException;
    }

    /** Writes the files into {@code folder}. */
    public void write(EvidencePack pack, Path folder) throws IOException {
        write(pack, name -> Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8));
    }

    /** Writes the files, in the order of {@link #FILES}, one after the other into {@code target}. */
    public void write(EvidencePack pack, Target folder) throws IOException {
        file(folder, "surfaces.csv", List.of("key", "name", "kind", "businessOwner", "criticality", "exposure",
                "successCriterion", "rules"), csv -> {
            for (Surface s : pack.surfaces()) {
                csv.row(List.of(s.key(), s.name(), s.kind().name(), s.businessOwner(),
                        s.criticality() == null ? "" : s.criticality().name(),
                        s.exposure() == null ? "" : s.exposure().name(), s.successCriterion(),
                        s.rules().stream().map(Object::toString).collect(Collectors.joining(" "))));
            }
        });
        file(folder, "discovery-runs.csv", List.of("id", "sourceKind", "tool", "toolVersion", "format", "file",
                "sha256", "scannedAt", "importedAt", "importedBy", "coveredSurfaces", "observations", "newFindings",
                "merged", "outOfScope", "fixCandidates"), csv -> {
            for (DiscoveryRun r : pack.runs()) {
                csv.row(List.of(r.id(), r.sourceKind().name(), r.tool(), r.toolVersion(), r.format(), r.fileName(),
                        r.contentSha256(), r.scannedAt(), r.importedAt(), r.importedBy(),
                        String.join(" ", r.coveredSurfaces()), r.counts().observations(), r.counts().newFindings(),
                        r.counts().merged(), r.counts().outOfScope(), r.counts().fixCandidates()));
            }
        });
        file(folder, "coverage.csv", List.of("surface", "sourceKind", "state", "lastCoveredAt", "runs"), csv -> {
            for (CoverageMatrix.Row row : pack.coverage().rows()) {
                for (CoverageMatrix.Cell cell : row.cells()) {
                    csv.row(List.of(row.surfaceKey(), cell.sourceKind().name(), cell.state().name(),
                            cell.lastCoveredAt() == null ? "" : cell.lastCoveredAt(), cell.runs()));
                }
            }
        });
        file(folder, "findings.csv", List.of("key", "title", "assetKind", "asset", "surface", "tool", "ruleId",
                "location", "severity", "cves", "cwes", "cvssVectors", "sources", "signals", "epss", "kev",
                "calibration", "status", "tier", "score", "firstSeen", "lastSeen"), csv -> {
            for (FindingEvidence e : pack.findings()) {
                Finding f = e.finding();
                csv.row(List.of(f.key(), f.title(), f.asset().kind().name(), f.asset().value(),
                        f.surfaceKey() == null ? "" : f.surfaceKey(), f.tool(), f.ruleId(), f.location(),
                        f.severity().name(), String.join(" ", f.cves()), String.join(" ", f.cwes()),
                        String.join(" ", f.cvssVectors()), String.join("; ", e.sources()), e.signals(), e.epss(),
                        e.kev(), e.calibration(), e.entry() == null ? "" : e.entry().status().name(),
                        e.decision() == null ? "" : e.decision().tier().name(),
                        e.decision() == null ? "" : e.decision().scorePoints(), f.firstSeen(), f.lastSeen()));
            }
        });
        file(folder, "queue.csv", List.of("rank", "finding", "score", "tier", "ssvc", "deadline", "deadlineRule",
                "overdue", "policy", "decidedAt", "rationale", "status", "laterValidation", "laterValidationAt"),
                csv -> {
            for (RankedDecision item : pack.queue()) {
                Decision d = item.decision();
                ValidationRecord later = item.laterValidation();
                csv.row(List.of(item.rank(), d.findingKey(), d.scorePoints(), d.tier().name(), d.ssvc().label(),
                        d.deadline().date() == null ? "" : d.deadline().date(), d.deadline().rule(),
                        d.deadline().overdue(), d.policyId() + " v" + d.policyVersion(), d.decidedAt(),
                        d.rationale(), item.status() == null ? "" : item.status().name(),
                        later == null ? "" : later.outcome().name(),
                        later == null ? "" : later.validatedAt()));
            }
        });
        file(folder, "validation.csv", List.of("finding", "method", "outcome", "notes", "evidenceRefs",
                "validatedBy", "validatedAt", "statusBefore", "statusAfter"), csv -> {
            for (ValidationRecord v : pack.validations()) {
                csv.row(List.of(v.findingKey(), v.method().name(), v.outcome().name(), v.notes(),
                        String.join(" ", v.evidenceRefs()), v.validatedBy(), v.validatedAt(), v.statusBefore().name(),
                        v.statusAfter().name()));
            }
        });
        file(folder, "mobilisation-register.csv", List.of("finding", "status", "owner", "deadline", "deadlineSetBy",
                "deadlineReason", "policyDeadline", "policyDeadlineRule", "laterThanPolicy", "changeRecord",
                "dependency", "verificationStep", "trackerIssue", "acceptanceOwner", "compensatingControl",
                "acceptanceExpiry", "carriedFrom", "enrolledAt", "updatedAt"), csv -> {
            for (RegisterItem item : pack.register()) {
                RegisterEntry e = item.entry();
                csv.row(List.of(e.findingKey(), e.status().name(), e.owner(), e.deadline() == null ? ""
                                : e.deadline(), e.deadlineSetBy(), e.deadlineReason(),
                        item.policyDeadline() == null ? "" : item.policyDeadline(), item.policyRule(),
                        item.laterThanPolicy(), e.changeRecord(), e.dependency(), e.verificationStep(),
                        e.trackerIssue(),
                        e.acceptance() == null ? "" : e.acceptance().owner(),
                        e.acceptance() == null ? "" : e.acceptance().compensatingControl(),
                        e.acceptance() == null ? "" : e.acceptance().expiry(), e.carriedFrom(), e.enrolledAt(),
                        e.updatedAt()));
            }
        });
        file(folder, "activity-log.csv", List.of("sequence", "at", "actor", "action", "subject", "before", "after",
                "hash", "anchor"), csv -> {
            for (LogEntry e : pack.log()) {
                csv.row(List.of(e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        StateText.readable(e.before()), StateText.readable(e.after()), e.hash(), e.anchor()));
            }
        });
        file(folder, "controls.csv", List.of("framework", "id", "title", "present", "missing", "evidenced",
                "objective", "objectiveVerdict", "objectiveFigures"), csv -> {
            for (ControlCoverage c : pack.controls()) {
                csv.row(List.of(c.control().framework(), c.control().id(), c.control().title(),
                        names(c.present()), names(c.missing()), c.evidenced(), c.outcome().objective().title(),
                        c.outcome().verdict(), c.outcome().figures()));
            }
        });
    }

    private static String names(List<? extends Enum<?>> items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.name()));
        return String.join(" ", names);
    }

    private static void file(Target folder, String name, List<String> header, Rows rows) throws IOException {
        try (Writer out = folder.open(name)) {
            rows.write(new CsvWriter(out, header));
        }
    }
}
