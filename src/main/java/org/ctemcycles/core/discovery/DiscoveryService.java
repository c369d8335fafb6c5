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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
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
        return record(plan, request, (runId, findings) -> { });
    }

    /**
     * Records the plan's observations as one run, in one transaction, handing the findings it wrote to
     * {@code written} a chunk at a time (inside the transaction), so that the register can take them in without
     * reading them back. A repeat of an imported report writes nothing and hands over nothing.
     *
     * @throws InvalidInputException as {@link #record(ImportPlan, RunRequest)}
     */
    public ImportSummary record(ImportPlan plan, RunRequest request, RunWriteListener written) {
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
        return transactions.inTransaction(() -> recordRun(plan, dedup, run, written));
    }

    /** Receives the findings a run wrote, a chunk at a time, while the run is recorded. */
    @FunctionalInterface
    public interface RunWriteListener {

        /**
         * @param findings the chunk's findings as stored: their ids set; {@link Finding#lastRunId()} is the run's own
         *                 id when the run is their newest sighting
         */
        void written(long runId, List<Finding> findings);
    }

    /**
     * Records a finding from human-led testing as a run of source kind manual test, through the same identity and
     * dedup as imported reports: entering the same issue twice (or an issue a scanner already reported under the same
     * CVE on the same asset) adds a signal to the existing finding.
     */
    public ManualIntakeResult recordManual(ManualFindingDraft draft, String actor) {
        Observation observation = manualObservation(draft);
        try (ImportPlan plan = plan(draft.cycleKey(), SourceKind.MANUAL_TEST, List.of())) {
            plan.add(observation);
            String hash = plan.result().findings().iterator().next().identity().hash();
            ImportSummary summary = record(plan, new RunRequest("manual", "", null, SourceKind.MANUAL_TEST,
                    MANUAL_TOOL, "", null, actor, false, List.of()));
            long id = repository.findFindings(plan.cycleKey(), List.of(hash)).get(hash).finding().id();
            return new ManualIntakeResult(summary, repository.finding(id).orElseThrow());
        }
    }

    public List<Finding> findings(String cycleKey) {
        return repository.findings(cycle(cycleKey).key());
    }

    /**
     * The findings a run saw, a page at a time in id order (each page one query for the run's signals and one for
     * the findings), so that taking a run of any size into the register holds one page in memory.
     */
    public void findingsOfRun(String cycleKey, long runId, int pageSize, Consumer<List<Finding>> page) {
        String key = cycle(cycleKey).key();
        inPages(after -> repository.findingsOfRun(key, runId, after, pageSize), page);
    }

    /** The findings a run made fix candidates (it covered their surface and no longer saw them), a page at a time. */
    public void fixCandidatesOfRun(String cycleKey, long runId, int pageSize, Consumer<List<Finding>> page) {
        String key = cycle(cycleKey).key();
        inPages(after -> repository.fixCandidatesOfRun(key, runId, after, pageSize), page);
    }

    /** Reads pages of findings by id until one is empty, handing each over. */
    private static void inPages(java.util.function.LongFunction<List<Finding>> read, Consumer<List<Finding>> page) {
        long after = 0;
        for (List<Finding> findings = read.apply(after); !findings.isEmpty(); findings = read.apply(after)) {
            page.accept(findings);
            after = findings.get(findings.size() - 1).id();
        }
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

    /**
     * Findings are written a chunk at a time, in identity order, so that an import of any size holds one chunk in
     * memory and costs a few statements per chunk: the chunk's known findings (one IN query), which of them a later
     * scan already saw (one), a batch insert of the new ones and the read-back of their ids, a batch insert of the
     * signals. A known finding's row is written only when what it says changed (its words, severities, identifiers,
     * status or placement): being seen again is recorded by the signal alone, so a re-scan of unchanged findings
     * writes no finding row.
     */
    static final int CHUNK = 1_000;

    private ImportSummary recordRun(ImportPlan plan, DedupResult dedup, DiscoveryRun draft,
                                    RunWriteListener listener) {
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
        // a report usually is the cycle's newest scan: then no finding was seen later, and no chunk asks
        Written written = new Written(repository.scannedAfter(cycleKey, draft.scannedAt()));
        writeFindings(cycleKey, dedup, runId, draft.scannedAt(), listener, written);

        // a report not read whole says nothing of what it did not read: it is no coverage
        List<String> covered = draft.partial() ? List.of() : coveredSurfaces(plan, dedup);
        repository.insertCoverage(coverage(plan, dedup, draft, runId, covered));
        int fixCandidates = draft.complete() ? retireUnseen(plan, dedup, draft, runId, written.seen) : 0;
        RunCounts counts = new RunCounts(dedup.observations(), written.created,
                dedup.observations() - written.created, dedup.outOfScope(), fixCandidates, written.reappeared,
                draft.warnings().size());
        repository.completeRun(runId, covered, counts);
        return new ImportSummary(runId, false, draft.complete(), draft.sourceKind(), counts, covered,
                draft.warnings());
    }

    /** What writing a run's findings did: how many were new, how many fix candidates reappeared, which were seen. */
    private static final class Written {
        final FindingIds seen = new FindingIds();
        /** whether a run of the cycle scanned later than this one (so that a finding may have been seen later) */
        final boolean laterScans;
        int created;
        int reappeared;

        Written(boolean laterScans) {
            this.laterScans = laterScans;
        }
    }

    private void writeFindings(String cycleKey, DedupResult dedup, long runId, Instant scannedAt,
                               RunWriteListener listener, Written written) {
        List<ObservedFinding> chunk = new ArrayList<>(CHUNK);
        for (ObservedFinding observed : dedup.findings()) {
            chunk.add(observed);
            if (chunk.size() == CHUNK) {
                listener.written(runId, writeChunk(cycleKey, chunk, runId, scannedAt, written));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            listener.written(runId, writeChunk(cycleKey, chunk, runId, scannedAt, written));
        }
    }

    /** @return the chunk's findings as stored */
    private List<Finding> writeChunk(String cycleKey, List<ObservedFinding> chunk, long runId, Instant scannedAt,
                                     Written written) {
        List<String> hashes = new ArrayList<>(chunk.size());
        chunk.forEach(f -> hashes.add(f.identity().hash()));
        Map<String, StoredFinding> existing = repository.findFindings(cycleKey, hashes);
        Set<Long> seenLater = existing.isEmpty() || !written.laterScans ? Set.of() : repository.seenAfter(
                existing.values().stream().map(known -> known.finding().id()).toList(), scannedAt);
        List<StoredFinding> created = new ArrayList<>();
        List<StoredFinding> changed = new ArrayList<>();
        Map<String, Finding> stored = new HashMap<>();
        for (ObservedFinding observed : chunk) {
            StoredFinding known = existing.get(observed.identity().hash());
            if (known == null) {
                created.add(newFinding(cycleKey, observed, runId, scannedAt));
            } else {
                boolean newer = !seenLater.contains(known.finding().id());
                if (known.finding().fixCandidate() && newer) {
                    written.reappeared++;
                }
                StoredFinding merged = merge(known, observed, runId, scannedAt, newer);
                if (!sameRow(known, merged)) {
                    changed.add(merged);
                }
                stored.put(observed.identity().hash(), merged.finding());
            }
        }
        Map<String, Long> ids = new HashMap<>(repository.insertFindings(created));
        for (StoredFinding fresh : created) {
            Finding f = fresh.finding();
            stored.put(f.identity().hash(), withId(f, ids.get(f.identity().hash())));
        }
        existing.forEach((hash, known) -> ids.put(hash, known.finding().id()));
        repository.updateFindings(changed, runId);
        written.created += created.size();

        List<NewSignal> signals = new ArrayList<>(chunk.size());
        List<Finding> findings = new ArrayList<>(chunk.size());
        for (ObservedFinding observed : chunk) {
            long findingId = ids.get(observed.identity().hash());
            written.seen.add(findingId);
            findings.add(stored.get(observed.identity().hash()));
            for (Sighting sighting : observed.sightings()) {
                signals.add(new NewSignal(findingId, runId, cycleKey, observed.placement().surfaceKey(),
                        observed.coverageKey(), sighting, scannedAt));
            }
        }
        repository.insertSignals(signals);
        return findings;
    }

    private static Finding withId(Finding f, long id) {
        return new Finding(id, f.cycleKey(), f.identity(), f.surfaceKey(), f.asset(), f.title(), f.tool(),
                f.ruleId(), f.location(), f.severity(), f.status(), f.cves(), f.cwes(), f.cvssVectors(),
                f.firstSeen(), f.lastSeen(), f.firstRunId(), f.lastRunId(), f.fixCandidateRunId());
    }

    /** Whether a merged finding stores exactly what its row holds (when and by which run it was seen aside). */
    private static boolean sameRow(StoredFinding known, StoredFinding merged) {
        Finding a = known.finding();
        Finding b = merged.finding();
        return known.sourceSeverities().equals(merged.sourceSeverities())
                && Objects.equals(a.surfaceKey(), b.surfaceKey()) && a.asset().equals(b.asset())
                && a.title().equals(b.title()) && a.tool().equals(b.tool()) && a.ruleId().equals(b.ruleId())
                && a.location().equals(b.location()) && a.severity() == b.severity() && a.status() == b.status()
                && a.cves().equals(b.cves()) && a.cwes().equals(b.cwes()) && a.cvssVectors().equals(b.cvssVectors())
                && a.firstSeen().equals(b.firstSeen()) && a.fixCandidateRunId() == b.fixCandidateRunId();
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

    /**
     * A known finding seen again: the latest report's words, the union of identifiers, a reopened fix.
     *
     * @param newer whether this run's scan is at least as recent as every earlier sighting of the finding
     */
    private static StoredFinding merge(StoredFinding known, ObservedFinding observed, long runId, Instant at,
                                       boolean newer) {
        Finding f = known.finding();
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
    private int retireUnseen(ImportPlan plan, DedupResult dedup, DiscoveryRun run, long runId, FindingIds seen) {
        // every finding of a cycle with no other run is this run's and was seen: nothing to retire, no signal to read
        if (!repository.otherRuns(run.cycleKey(), runId)) {
            return 0;
        }
        Set<SourceKey> sources = new LinkedHashSet<>();
        sources.add(new SourceKey(run.sourceKind(), FindingIdentity.toolKey(run.tool())));
        for (DedupResult.ToolUse use : dedup.tools()) {
            sources.add(new SourceKey(use.kind(), FindingIdentity.toolKey(use.tool())));
        }
        Set<String> declared = new HashSet<>(plan.declaredSurfaces());
        List<Long> toDelete = new ArrayList<>();
        FindingIds affected = new FindingIds();
        for (SourceKey source : sources) {
            Set<String> surfacesOfSource = new LinkedHashSet<>();
            if (source.kind() == run.sourceKind()) {
                surfacesOfSource.addAll(declared);
            }
            surfacesOfSource.addAll(dedup.surfacesByKind().getOrDefault(source.kind(), Set.of()));
            if (surfacesOfSource.isEmpty()) {
                continue;
            }
            // streamed: a re-scan of a large surface has as many live signals as findings
            repository.liveSignals(run.cycleKey(), source, surfacesOfSource, run.scannedAt(), seen::contains, live -> {
                if (seen.contains(live.findingId())) {
                    return;
                }
                boolean coveredWhole = declared.contains(live.surfaceKey()) && source.kind() == run.sourceKind();
                if (!coveredWhole && !dedup.assetsBySurface().getOrDefault(live.surfaceKey(), Set.of())
                        .contains(live.assetKey())) {
                    return;
                }
                toDelete.add(live.signalId());
                affected.add(live.findingId());
                if (toDelete.size() == CHUNK) {
                    repository.softDeleteSignals(toDelete, runId, run.scannedAt());
                    toDelete.clear();
                }
            });
        }
        if (!toDelete.isEmpty()) {
            repository.softDeleteSignals(toDelete, runId, run.scannedAt());
        }
        // only once every source retired its signals can a finding be said to have none left
        int[] fixCandidates = {0};
        affected.forEachChunk(CHUNK, chunk -> {
            List<Long> orphaned = repository.findingsWithoutLiveSignals(chunk);
            repository.markFixCandidates(orphaned, runId);
            fixCandidates[0] += orphaned.size();
        });
        return fixCandidates[0];
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
