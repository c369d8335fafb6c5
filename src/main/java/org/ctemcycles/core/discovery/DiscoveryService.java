package org.ctemcycles.core.discovery;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.core.scope.Scope;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceRepository;
import org.ctemcycles.core.scoring.cvss.CvssVector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Records discovery runs into a cycle: deduplicates their observations into findings (one more signal per source
 * for a finding seen again), maps them to surfaces, records which surfaces each run covered, and turns findings that
 * a later complete run covering their surface no longer sees into fix candidates. Imported reports and manual
 * entries go through the same identity and dedup. Each run is recorded in one transaction; a report whose content
 * the cycle already imported completely changes nothing. A partial run (a report not read whole) records its findings
 * and signals but covers no surface and makes no fix candidates.
 */
public class DiscoveryService {

    /** Manual entries are attributed to this tool. */
    public static final String MANUAL_TOOL = "manual";
    static final int MAX_TITLE_LENGTH = 1_000;
    static final int MAX_EVIDENCE_LENGTH = 1 << 20;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CWE_ID = Pattern.compile("(CWE-)?\\d{1,6}");

    private final DiscoveryRepository repository;
    private final SurfaceRepository surfaces;
    private final CycleRepository cycles;
    private final Transactions transactions;
    private final Clock clock;

    public DiscoveryService(DiscoveryRepository repository, SurfaceRepository surfaces, CycleRepository cycles,
                            Transactions transactions, Clock clock) {
        this.repository = repository;
        this.surfaces = surfaces;
        this.cycles = cycles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts an import into a cycle: checks the cycle is open and that every declared surface is one of its
     * surfaces, and returns a plan that takes the report's observations.
     *
     * @param sourceKindOverride the source kind of every observation, or null to keep what the importer says
     * @param declaredSurfaces   surface keys the scan covered (whatever it found), possibly none
     * @throws NotFoundException     when the cycle does not exist
     * @throws InvalidInputException when the cycle is closed or a declared surface is unknown (field "covers")
     */
    public ImportPlan plan(String cycleKey, SourceKind sourceKindOverride, List<String> declaredSurfaces) {
        Cycle cycle = openCycle(cycleKey);
        List<Surface> scoped = surfaces.list(cycle.key());
        Set<String> known = scoped.stream().map(Surface::key).collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        for (String raw : declaredSurfaces) {
            String key = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (!known.contains(key)) {
                problems.add(new Problem("covers", "cycle " + cycle.key() + " has no surface '" + key + "'"
                        + (known.isEmpty() ? " (it has no surface yet)"
                        : " (its surfaces: " + scoped.stream().map(Surface::key).collect(Collectors.joining(", ")) + ")")));
            }
            declared.add(key);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ImportPlan(cycle.key(), scoped, List.copyOf(declared), sourceKindOverride,
                new Deduplicator(new Scope(scoped), sourceKindOverride));
    }

    /**
     * Records the plan's observations as one run, in one transaction.
     *
     * @throws InvalidInputException when the run's source kind cannot be told (an empty report without one) or its
     *                               scan time lies in the future
     */
    public ImportSummary record(ImportPlan plan, RunRequest request) {
        DedupResult dedup = plan.result();
        SourceKind kind = sourceKind(plan, request, dedup);
        Instant now = clock.instant();
        Instant scannedAt = request.scannedAt() == null ? now : request.scannedAt();
        if (scannedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidInputException("scannedAt", "the scan time " + scannedAt + " is in the future");
        }
        String tool = blank(request.tool())
                ? dedup.mainTool().map(DedupResult.ToolUse::tool).orElse(request.format()) : request.tool().trim();
        String toolVersion = blank(request.toolVersion())
                ? dedup.mainTool().filter(t -> t.tool().equalsIgnoreCase(tool)).map(DedupResult.ToolUse::version).orElse("")
                : request.toolVersion().trim();
        DiscoveryRun run = new DiscoveryRun(0, plan.cycleKey(), kind, tool, toolVersion, request.format(),
                request.fileName(), request.contentSha256() == null ? "" : request.contentSha256(), scannedAt, now,
                request.actor(), request.complete(), plan.declaredSurfaces(), List.of(), RunCounts.NONE,
                request.warnings());
        // another import into the cycle (on this node or another) may commit the same new finding or the same report
        // first: the transaction boundary then rolls this attempt back and runs it again, and it sees the winner's rows
        return transactions.inTransaction(() -> recordRun(plan, dedup, run));
    }

    /**
     * Records a finding from human-led testing as a run of source kind manual test, through the same identity and
     * dedup as imported reports: entering the same issue twice (or an issue a scanner already reported under the same
     * CVE on the same asset) adds a signal to the existing finding.
     */
    public ManualIntakeResult recordManual(ManualFindingDraft draft, String actor) {
        Observation observation = manualObservation(draft);
        ImportPlan plan = plan(draft.cycleKey(), SourceKind.MANUAL_TEST, List.of());
        plan.add(observation);
        String hash = plan.result().findings().get(0).identity().hash();
        ImportSummary summary = record(plan, new RunRequest("manual", "", null, SourceKind.MANUAL_TEST, MANUAL_TOOL,
                "", null, actor, false, List.of()));
        Finding finding = repository.findFindings(plan.cycleKey(), List.of(hash)).get(hash).finding();
        return new ManualIntakeResult(summary, finding);
    }

    public List<Finding> findings(String cycleKey) {
        return repository.findings(cycle(cycleKey).key());
    }

    /** @throws NotFoundException when there is no such finding */
    public Finding finding(long findingId) {
        return repository.finding(findingId)
                .orElseThrow(() -> new NotFoundException("no finding with id " + findingId));
    }

    /** A finding's signals, oldest first, soft-deleted ones included. */
    public List<Signal> signals(long findingId) {
        return repository.signals(finding(findingId).id());
    }

    public List<DiscoveryRun> runs(String cycleKey) {
        return repository.runs(cycle(cycleKey).key());
    }

    /**
     * The cycle's coverage matrix as of now.
     *
     * @param staleAfter how old the latest covering run may be for the coverage to count as current
     */
    public CoverageMatrix coverage(String cycleKey, Duration staleAfter) {
        return coverage(cycleKey, staleAfter, clock.instant());
    }

    /** The coverage matrix as it stood at {@code now} (a closed cycle's, at its closure). */
    public CoverageMatrix coverage(String cycleKey, Duration staleAfter, Instant now) {
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new InvalidInputException("staleAfter", "must be a positive duration");
        }
        String key = cycle(cycleKey).key();
        Map<String, Map<SourceKind, CoverageRecord>> latest = new HashMap<>();
        Map<String, Map<SourceKind, Integer>> counts = new HashMap<>();
        for (CoverageRecord record : repository.coverage(key)) {
            latest.computeIfAbsent(record.surfaceKey(), s -> new EnumMap<>(SourceKind.class))
                    .merge(record.sourceKind(), record, (a, b) -> b.coveredAt().isAfter(a.coveredAt())
                            || b.coveredAt().equals(a.coveredAt()) && b.runId() > a.runId() ? b : a);
            counts.computeIfAbsent(record.surfaceKey(), s -> new EnumMap<>(SourceKind.class))
                    .merge(record.sourceKind(), 1, Integer::sum);
        }
        Instant freshSince = now.minus(staleAfter);
        List<CoverageMatrix.Row> rows = new ArrayList<>();
        for (Surface surface : surfaces.list(key)) {
            List<CoverageMatrix.Cell> cells = new ArrayList<>();
            for (SourceKind kind : SourceKind.values()) {
                CoverageRecord last = latest.getOrDefault(surface.key(), Map.of()).get(kind);
                int runs = counts.getOrDefault(surface.key(), Map.of()).getOrDefault(kind, 0);
                if (last == null) {
                    cells.add(new CoverageMatrix.Cell(kind, CoverageState.NEVER, null, 0, 0));
                } else {
                    CoverageState state = last.coveredAt().isBefore(freshSince) ? CoverageState.STALE : CoverageState.COVERED;
                    cells.add(new CoverageMatrix.Cell(kind, state, last.coveredAt(), last.runId(), runs));
                }
            }
            rows.add(new CoverageMatrix.Row(surface.key(), surface.name(), cells));
        }
        return new CoverageMatrix(key, now, staleAfter, rows);
    }

    // ----- recording a run, inside its transaction -----

    private ImportSummary recordRun(ImportPlan plan, DedupResult dedup, DiscoveryRun draft) {
        String cycleKey = plan.cycleKey();
        if (!draft.contentSha256().isEmpty()) {
            var earlier = repository.findRunByContent(cycleKey, draft.contentSha256());
            if (earlier.isPresent()) {
                return new ImportSummary(earlier.get().id(), true, earlier.get().complete(), earlier.get().sourceKind(),
                        new RunCounts(dedup.observations(), 0, 0, 0, 0, 0, draft.warnings().size()),
                        earlier.get().coveredSurfaces(), draft.warnings());
            }
        }
        long runId = repository.insertRun(draft);
        Instant scannedAt = draft.scannedAt();

        List<String> hashes = dedup.findings().stream().map(f -> f.identity().hash()).toList();
        Map<String, StoredFinding> existing = repository.findFindings(cycleKey, hashes);
        List<StoredFinding> created = new ArrayList<>();
        List<StoredFinding> changed = new ArrayList<>();
        int reappeared = 0;
        for (ObservedFinding observed : dedup.findings()) {
            StoredFinding known = existing.get(observed.identity().hash());
            if (known == null) {
                created.add(newFinding(cycleKey, observed, runId, scannedAt));
            } else {
                if (known.finding().fixCandidate() && !scannedAt.isBefore(known.finding().lastSeen())) {
                    reappeared++;
                }
                changed.add(merge(known, observed, runId, scannedAt));
            }
        }
        Map<String, Long> ids = new HashMap<>(repository.insertFindings(created));
        existing.forEach((hash, known) -> ids.put(hash, known.finding().id()));
        repository.updateFindings(changed);

        List<NewSignal> signals = new ArrayList<>();
        for (ObservedFinding observed : dedup.findings()) {
            long findingId = ids.get(observed.identity().hash());
            for (Sighting sighting : observed.sightings()) {
                signals.add(new NewSignal(findingId, runId, cycleKey, observed.placement().surfaceKey(),
                        observed.coverageKey(), sighting, scannedAt));
            }
        }
        repository.insertSignals(signals);

        // a report not read whole says nothing of what it did not read: it is no coverage
        List<String> covered = draft.partial() ? List.of() : coveredSurfaces(plan, dedup);
        repository.insertCoverage(coverage(plan, dedup, draft, runId, covered));
        int fixCandidates = draft.complete()
                ? retireUnseen(plan, dedup, draft, runId, new HashSet<>(ids.values())) : 0;
        RunCounts counts = new RunCounts(dedup.observations(), created.size(),
                dedup.observations() - created.size(), dedup.outOfScope(), fixCandidates, reappeared,
                draft.warnings().size());
        repository.completeRun(runId, covered, counts);
        return new ImportSummary(runId, false, draft.complete(), draft.sourceKind(), counts, covered,
                draft.warnings());
    }

    private static StoredFinding newFinding(String cycleKey, ObservedFinding observed, long runId, Instant at) {
        Map<SourceKey, ObservedSeverity> bySource = new LinkedHashMap<>();
        for (Sighting sighting : observed.sightings()) {
            bySource.put(sighting.source(), sighting.severity());
        }
        Finding finding = new Finding(0, cycleKey, observed.identity(), observed.placement().surfaceKey(),
                observed.placement().asset(), observed.title(), observed.tool(), observed.ruleId(),
                observed.location(), observed.severity(), FindingStatus.OPEN, observed.cves(), observed.cwes(),
                observed.cvssVectors(), at, at, runId, runId, 0);
        return new StoredFinding(finding, bySource);
    }

    /** A known finding seen again: the latest report's words, the union of identifiers, a reopened fix. */
    private static StoredFinding merge(StoredFinding known, ObservedFinding observed, long runId, Instant at) {
        Finding f = known.finding();
        boolean newer = !at.isBefore(f.lastSeen());
        Map<SourceKey, ObservedSeverity> bySource = new LinkedHashMap<>(known.sourceSeverities());
        for (Sighting sighting : observed.sightings()) {
            if (newer) {
                bySource.put(sighting.source(), sighting.severity());
            } else {
                bySource.putIfAbsent(sighting.source(), sighting.severity());
            }
        }
        ObservedSeverity severity = ObservedSeverity.UNKNOWN;
        for (ObservedSeverity s : bySource.values()) {
            severity = Severities.max(severity, s);
        }
        FindingStatus status = f.status();
        if (newer && (status == FindingStatus.RESOLVED || status == FindingStatus.VERIFIED)) {
            status = FindingStatus.REOPENED;
        }
        Finding merged = new Finding(f.id(), f.cycleKey(), f.identity(),
                newer ? observed.placement().surfaceKey() : f.surfaceKey(),
                newer ? observed.placement().asset() : f.asset(),
                newer ? observed.title() : f.title(), newer ? observed.tool() : f.tool(),
                newer ? observed.ruleId() : f.ruleId(), newer ? observed.location() : f.location(), severity, status,
                List.copyOf(new TreeSet<>(union(f.cves(), observed.cves()))),
                Deduplicator.cwes(union(f.cwes(), observed.cwes()), new TreeSet<>(Deduplicator.CWE_ORDER)),
                List.copyOf(new LinkedHashSet<>(union(f.cvssVectors(), observed.cvssVectors()))),
                at.isBefore(f.firstSeen()) ? at : f.firstSeen(), newer ? at : f.lastSeen(),
                f.firstRunId(), newer ? runId : f.lastRunId(), newer ? 0 : f.fixCandidateRunId());
        return new StoredFinding(merged, bySource);
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Declared surfaces first, then those the observations were mapped to, in registration order. */
    private static List<String> coveredSurfaces(ImportPlan plan, DedupResult dedup) {
        Set<String> inferred = new HashSet<>();
        dedup.surfacesByKind().values().forEach(inferred::addAll);
        List<String> covered = new ArrayList<>(plan.declaredSurfaces());
        for (Surface surface : plan.surfaces()) {
            if (inferred.contains(surface.key()) && !covered.contains(surface.key())) {
                covered.add(surface.key());
            }
        }
        return covered;
    }

    private static List<CoverageRecord> coverage(ImportPlan plan, DedupResult dedup, DiscoveryRun run, long runId,
                                                 List<String> covered) {
        List<CoverageRecord> rows = new ArrayList<>();
        for (String surface : covered) {
            Set<SourceKind> kinds = new java.util.TreeSet<>();
            boolean declared = plan.declaredSurfaces().contains(surface);
            if (declared) {
                kinds.add(run.sourceKind());
            }
            dedup.surfacesByKind().forEach((kind, keys) -> {
                if (keys.contains(surface)) {
                    kinds.add(kind);
                }
            });
            for (SourceKind kind : kinds) {
                rows.add(new CoverageRecord(runId, run.cycleKey(), surface, kind, run.scannedAt(), declared));
            }
        }
        return rows;
    }

    /**
     * Soft-deletes the live signals of this run's sources on the surfaces it covered for findings it no longer saw,
     * and makes the findings left without any live signal fix candidates. On a surface the run was only inferred to
     * cover (no declaration), only findings on assets the run reported are affected: a partial scan says nothing
     * about the hosts it skipped.
     */
    private int retireUnseen(ImportPlan plan, DedupResult dedup, DiscoveryRun run, long runId, Set<Long> seen) {
        Set<SourceKey> sources = new LinkedHashSet<>();
        sources.add(new SourceKey(run.sourceKind(), FindingIdentity.toolKey(run.tool())));
        for (DedupResult.ToolUse use : dedup.tools()) {
            sources.add(new SourceKey(use.kind(), FindingIdentity.toolKey(use.tool())));
        }
        Set<String> declared = new HashSet<>(plan.declaredSurfaces());
        List<Long> toDelete = new ArrayList<>();
        Set<Long> affected = new LinkedHashSet<>();
        for (SourceKey source : sources) {
            Set<String> surfacesOfSource = new LinkedHashSet<>();
            if (source.kind() == run.sourceKind()) {
                surfacesOfSource.addAll(declared);
            }
            surfacesOfSource.addAll(dedup.surfacesByKind().getOrDefault(source.kind(), Set.of()));
            if (surfacesOfSource.isEmpty()) {
                continue;
            }
            for (LiveSignal live : repository.liveSignals(run.cycleKey(), source, surfacesOfSource, run.scannedAt())) {
                if (seen.contains(live.findingId())) {
                    continue;
                }
                boolean coveredWhole = declared.contains(live.surfaceKey()) && source.kind() == run.sourceKind();
                if (!coveredWhole && !dedup.assetsBySurface().getOrDefault(live.surfaceKey(), Set.of())
                        .contains(live.assetKey())) {
                    continue;
                }
                toDelete.add(live.signalId());
                affected.add(live.findingId());
            }
        }
        if (toDelete.isEmpty()) {
            return 0;
        }
        repository.softDeleteSignals(toDelete, runId, run.scannedAt());
        List<Long> orphaned = repository.findingsWithoutLiveSignals(affected);
        repository.markFixCandidates(orphaned, runId);
        return orphaned.size();
    }

    // ----- helpers -----

    private static SourceKind sourceKind(ImportPlan plan, RunRequest request, DedupResult dedup) {
        if (request.sourceKind() != null) {
            return request.sourceKind();
        }
        if (plan.sourceKindOverride() != null) {
            return plan.sourceKindOverride();
        }
        Map<SourceKind, Integer> byKind = new EnumMap<>(SourceKind.class);
        for (DedupResult.ToolUse use : dedup.tools()) {
            byKind.merge(use.kind(), use.observations(), Integer::sum);
        }
        return byKind.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new InvalidInputException("sourceKind", "the report has no observations, so its"
                        + " source kind cannot be told from them: name it (one of " + kinds() + ")"));
    }

    static String kinds() {
        StringBuilder out = new StringBuilder();
        for (SourceKind kind : SourceKind.values()) {
            out.append(out.length() == 0 ? "" : ", ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out.toString();
    }

    private Cycle cycle(String cycleKey) {
        String key = cycleKey == null ? "" : cycleKey.trim().toUpperCase(Locale.ROOT);
        return cycles.find(key).orElseThrow(() -> new NotFoundException("no CTEM cycle with key '" + key + "'"));
    }

    private Cycle openCycle(String cycleKey) {
        Cycle cycle = cycle(cycleKey);
        if (cycle.stage() == Stage.CLOSED) {
            throw new InvalidInputException("cycle", "cycle " + cycle.key() + " is closed: it takes no more discovery runs");
        }
        return cycle;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Observation manualObservation(ManualFindingDraft draft) {
        List<Problem> problems = new ArrayList<>();
        String title = draft.title() == null ? "" : draft.title().trim();
        if (title.isEmpty()) {
            problems.add(new Problem("title", "is required"));
        } else if (title.length() > MAX_TITLE_LENGTH) {
            problems.add(new Problem("title", "is " + title.length() + " characters long; at most " + MAX_TITLE_LENGTH
                    + " are allowed"));
        }
        AssetRef asset = manualAsset(draft.asset(), problems);
        ObservedSeverity severity = null;
        String rawSeverity = draft.severity() == null ? "" : draft.severity().trim();
        if (rawSeverity.isEmpty()) {
            problems.add(new Problem("severity", "is required: info, low, medium, high or critical"));
        } else {
            try {
                severity = ObservedSeverity.valueOf(rawSeverity.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                severity = null;
            }
            if (severity == null || severity == ObservedSeverity.UNKNOWN) {
                problems.add(new Problem("severity", "'" + rawSeverity + "' is not one of info, low, medium, high, critical"));
            }
        }
        List<String> cves = new ArrayList<>();
        for (String raw : nonBlank(draft.cves())) {
            String cve = raw.trim().toUpperCase(Locale.ROOT);
            if (CVE_ID.matcher(cve).matches()) {
                cves.add(cve);
            } else {
                problems.add(new Problem("cves", "'" + raw.trim() + "' is not a CVE id (CVE-YYYY-NNNN)"));
            }
        }
        List<String> cwes = new ArrayList<>();
        for (String raw : nonBlank(draft.cwes())) {
            String cwe = raw.trim().toUpperCase(Locale.ROOT);
            if (CWE_ID.matcher(cwe).matches()) {
                cwes.add("CWE-" + Integer.parseInt(cwe.startsWith("CWE-") ? cwe.substring(4) : cwe));
            } else {
                problems.add(new Problem("cwes", "'" + raw.trim() + "' is not a CWE id (CWE-89 or 89)"));
            }
        }
        List<String> vectors = new ArrayList<>();
        for (String raw : nonBlank(draft.cvssVectors())) {
            try {
                vectors.add(CvssVector.parse(raw.trim()).text());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("cvssVectors", "'" + raw.trim() + "': " + e.getMessage()));
            }
        }
        String reference = draft.reference() == null ? "" : draft.reference().trim();
        if (reference.isEmpty()) {
            if (!cwes.isEmpty()) {
                reference = cwes.get(0);
            } else if (!cves.isEmpty()) {
                reference = cves.get(0);
            } else if (nonBlank(draft.cves()).isEmpty() && nonBlank(draft.cwes()).isEmpty()) {
                problems.add(new Problem("reference", "is required when no CWE or CVE is given: a stable reference"
                        + " for what was tested (for example WSTG-ATHN-04); the title is free text and cannot"
                        + " identify the finding"));
            }
        } else if (reference.length() > 255) {
            problems.add(new Problem("reference", "is " + reference.length() + " characters long; at most 255 are allowed"));
        }
        String evidence = draft.evidence() == null ? "" : draft.evidence();
        if (evidence.length() > MAX_EVIDENCE_LENGTH) {
            problems.add(new Problem("evidence", "is " + evidence.length() + " characters long; at most "
                    + MAX_EVIDENCE_LENGTH + " are allowed"));
        }
        String location = draft.location() == null ? "" : draft.location().trim();
        if (location.length() > 2_000) {
            problems.add(new Problem("location", "is " + location.length() + " characters long; at most 2000 are allowed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Observation(SourceKind.MANUAL_TEST, MANUAL_TOOL, "", reference, null, title, rawSeverity, severity,
                cves, cwes, vectors, asset, location, evidence, Map.of(), null);
    }

    private static List<String> nonBlank(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                out.add(value);
            }
        }
        return out;
    }

    private static AssetRef manualAsset(String raw, List<Problem> problems) {
        String text = raw == null ? "" : raw.trim();
        int colon = text.indexOf(':');
        AssetKind kind = colon > 0 ? assetKind(text.substring(0, colon)) : null;
        String value = colon > 0 ? text.substring(colon + 1).trim() : "";
        if (kind == null || value.isEmpty()) {
            problems.add(new Problem("asset", (text.isEmpty() ? "is required" : "'" + text + "' is not KIND:VALUE")
                    + ": KIND one of host, ip, url, repo, image, package, cloud, other (for example"
                    + " url:https://shop.example.com/login or host:web01.example.com)"));
            return null;
        }
        return new AssetRef(kind, value);
    }

    private static AssetKind assetKind(String prefix) {
        return switch (prefix.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "host" -> AssetKind.HOST;
            case "ip", "ip_address" -> AssetKind.IP_ADDRESS;
            case "url" -> AssetKind.URL;
            case "repo", "repository" -> AssetKind.REPOSITORY;
            case "image", "container_image" -> AssetKind.CONTAINER_IMAGE;
            case "package" -> AssetKind.PACKAGE;
            case "cloud", "cloud_account" -> AssetKind.CLOUD_ACCOUNT;
            case "other" -> AssetKind.OTHER;
            default -> null;
        };
    }
}
