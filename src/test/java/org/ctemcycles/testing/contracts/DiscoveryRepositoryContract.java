package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.discovery.CoverageRecord;
import org.ctemcycles.core.discovery.DiscoveryRepository;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.LiveSignal;
import org.ctemcycles.core.discovery.SourceKey;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.finding.SourceKind;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * What every {@link DiscoveryRepository} promises: a report's content found only through a complete run of the
 * cycle, runs newest scan first, findings found and stored in bulk (more than one chunk of them) and read back
 * equal, a finding's signals oldest first with the soft-deleted ones, live signals only of the source, surfaces and
 * time asked for, and coverage per cycle.
 */
public abstract class DiscoveryRepositoryContract {

    /** More than one chunk of an IN query or a batch insert of every implementation (AO: 500 and 1,000). */
    private static final int MANY = 1_203;
    private static final String T1 = "2026-07-01T09:00:00Z";
    private static final String T2 = "2026-07-08T09:00:00Z";
    private static final String T3 = "2026-07-15T09:00:00Z";

    private DiscoveryRepository discovery;

    protected abstract DiscoveryRepository repository();

    @Before
    public void create() {
        discovery = repository();
    }

    private static RunCounts counts(int warnings) {
        return new RunCounts(5, 3, 2, 1, 1, 0, warnings);
    }

    @Test
    public void aReportsContentIsFoundOnlyThroughACompleteRunOfTheCycle() {
        DiscoveryRun complete = Discovered.run("A", "report-1", true, T1);
        long id = discovery.insertRun(complete);
        assertEquals(Optional.of(Discovered.stored(complete, id, List.of(), RunCounts.NONE)),
                discovery.findRunByContent("A", complete.contentSha256()));
        DiscoveryRun partial = Discovered.run("A", "report-2", false, T1);
        discovery.insertRun(partial);
        assertTrue(partial.partial());
        assertEquals(Optional.empty(), discovery.findRunByContent("A", partial.contentSha256()));
        assertEquals(Optional.empty(), discovery.findRunByContent("B", complete.contentSha256()));
        // the partial report, once fixed, is imported again: a complete run of the same content
        long again = discovery.insertRun(Discovered.run("A", "report-2", true, T2));
        assertEquals(again, discovery.findRunByContent("A", partial.contentSha256()).orElseThrow().id());
    }

    @Test
    public void aRunsCountsAreZeroButItsWarningsUntilItIsCompletedAndRunsAreNewestScanFirst() {
        DiscoveryRun middle = Discovered.run("A", "middle", false, T2);
        DiscoveryRun oldest = Discovered.run("A", "oldest", true, T1);
        DiscoveryRun newest = Discovered.run("A", "newest", true, T3);
        long middleId = discovery.insertRun(middle);
        long oldestId = discovery.insertRun(oldest);
        long newestId = discovery.insertRun(newest);
        discovery.insertRun(Discovered.run("B", "other", true, T3));
        assertEquals(List.of(Discovered.stored(newest, newestId, List.of(), RunCounts.NONE),
                Discovered.stored(middle, middleId, List.of(), new RunCounts(0, 0, 0, 0, 0, 0, 1)),
                Discovered.stored(oldest, oldestId, List.of(), RunCounts.NONE)), discovery.runs("A"));

        discovery.completeRun(oldestId, List.of("WEB", "API"), counts(0));
        discovery.completeRun(middleId, List.of(), counts(1));
        assertEquals(List.of(Discovered.stored(newest, newestId, List.of(), RunCounts.NONE),
                Discovered.stored(middle, middleId, List.of(), counts(1)),
                Discovered.stored(oldest, oldestId, List.of("WEB", "API"), counts(0))), discovery.runs("A"));
        assertEquals(1, discovery.runs("B").size());
        assertEquals(List.of(), discovery.runs("C"));
    }

    @Test
    public void aCycleHasOtherRunsOnlyWhenARunOfItsOwnIsNotTheOneAsked() {
        long first = discovery.insertRun(Discovered.run("A", "first", true, T1));
        discovery.insertRun(Discovered.run("B", "other cycle", true, T2));
        assertFalse("the cycle's only run", discovery.otherRuns("A", first));
        assertFalse("no run at all", discovery.otherRuns("C", first));
        long partial = discovery.insertRun(Discovered.run("A", "partial", false, T2));
        assertTrue("a partial run is a run", discovery.otherRuns("A", first));
        assertTrue(discovery.otherRuns("A", partial));
    }

    private Map<String, StoredFinding> storeMany(String cycle, long run) {
        List<StoredFinding> found = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            found.add(Discovered.finding(cycle, i, run, T1));
        }
        Map<String, Long> ids = discovery.insertFindings(found);
        assertEquals(MANY, ids.size());
        Map<String, StoredFinding> stored = new HashMap<>();
        for (StoredFinding f : found) {
            String hash = f.finding().identity().hash();
            stored.put(hash, Discovered.withId(f, ids.get(hash)));
        }
        return stored;
    }

    @Test
    public void findingsAreStoredAndFoundInBulkAndReadBackEqual() {
        long run = discovery.insertRun(Discovered.run("A", "report-1", true, T1));
        long otherRun = discovery.insertRun(Discovered.run("B", "report-1", true, T1));
        Map<String, StoredFinding> stored = storeMany("A", run);
        StoredFinding other = Discovered.finding(424_242, "B", 1, otherRun, T1, "Finding 1");
        long otherId = discovery.insertFindings(List.of(other)).get(Discovered.hash(1));
        assertNotEquals("the id given is ignored", 424_242, otherId);
        assertNotEquals(stored.get(Discovered.hash(1)).finding().id(), otherId);

        List<String> asked = new ArrayList<>(stored.keySet());
        asked.add(Discovered.hash(MANY + 5));
        assertEquals(stored, discovery.findFindings("A", asked));
        assertEquals(Map.of(Discovered.hash(1), Discovered.withId(other, otherId)),
                discovery.findFindings("B", asked));
        assertEquals(Map.of(), discovery.findFindings("C", asked));
        assertEquals(Map.of(), discovery.findFindings("A", List.of()));

        Set<Finding> all = new HashSet<>();
        stored.values().forEach(f -> all.add(f.finding()));
        List<Finding> read = discovery.findings("A");
        assertEquals(MANY, read.size());
        assertEquals(all, new HashSet<>(read));
        assertEquals(List.of(), discovery.findings("C"));
        StoredFinding one = stored.get(Discovered.hash(7));
        assertEquals(Optional.of(one.finding()), discovery.finding(one.finding().id()));
        assertEquals(Optional.empty(), discovery.finding(otherId + 10_000));
        assertEquals(Map.of(), discovery.insertFindings(List.of()));
    }

    @Test
    public void anUpdateWritesTheChangedFieldsAndAFixCandidateIsMarked() {
        long run = discovery.insertRun(Discovered.run("A", "report-1", true, T1));
        long later = discovery.insertRun(Discovered.run("A", "report-2", true, T2));
        Map<String, StoredFinding> stored = storeMany("A", run);
        StoredFinding before = stored.get(Discovered.hash(3));
        Finding f = before.finding();
        Finding changed = new Finding(f.id(), f.cycleKey(), f.identity(), "API", f.asset(), "Renamed", "ZAP", "42",
                "/login", ObservedSeverity.CRITICAL, FindingStatus.IN_PROGRESS, List.of("CVE-2024-1003",
                "CVE-2025-1"), List.of("CWE-79", "CWE-89"), List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                f.firstSeen(), Instant.parse(T2), f.firstRunId(), later, 0);
        StoredFinding update = new StoredFinding(changed, Map.of(Discovered.NESSUS, ObservedSeverity.HIGH,
                Discovered.ZAP, ObservedSeverity.CRITICAL));
        discovery.updateFindings(List.of(update), later);
        // when a finding was last seen, and by which run, is its newest signal, not a column of its row
        discovery.insertSignals(List.of(Discovered.signal(update, later, Discovered.NESSUS, T2)));
        assertEquals(Optional.of(changed), discovery.finding(f.id()));
        StoredFinding found = discovery.findFindings("A", List.of(Discovered.hash(3))).get(Discovered.hash(3));
        assertEquals(update.sourceSeverities(), found.sourceSeverities());
        assertEquals("the row as written (the write path reads no signals: which later scan saw it is asked apart)",
                row(changed), row(found.finding()));
        StoredFinding untouched = stored.get(Discovered.hash(4));
        assertEquals(Optional.of(untouched.finding()), discovery.finding(untouched.finding().id()));

        List<Long> candidates = new ArrayList<>();
        stored.values().forEach(s -> candidates.add(s.finding().id()));
        discovery.markFixCandidates(candidates, later);
        for (long id : List.of(f.id(), untouched.finding().id())) {
            assertEquals(later, discovery.finding(id).orElseThrow().fixCandidateRunId());
        }
    }

    @Test
    public void signalsAreOldestFirstWithTheSoftDeletedOnesAndOnlyLiveOnesOfTheSourceAreLive() {
        long first = discovery.insertRun(Discovered.run("A", "report-1", true, T1));
        long second = discovery.insertRun(Discovered.run("A", "report-2", true, T2));
        Map<String, StoredFinding> stored = storeMany("A", first);
        StoredFinding web = stored.get(Discovered.hash(1));
        StoredFinding alone = stored.get(Discovered.hash(2));
        long otherRun = discovery.insertRun(Discovered.run("B", "report-1", true, T1));
        long otherId = discovery.insertFindings(List.of(Discovered.finding("B", 1, otherRun, T1)))
                .get(Discovered.hash(1));
        StoredFinding other = Discovered.withId(Discovered.finding("B", 1, otherRun, T1), otherId);

        discovery.insertSignals(List.of(Discovered.signal(web, second, Discovered.NESSUS, T2),
                Discovered.signal(web, first, Discovered.ZAP, T1),
                Discovered.signal(alone, first, Discovered.NESSUS, T1),
                Discovered.signal(other, otherRun, Discovered.NESSUS, T1)));
        List<Signal> signals = discovery.signals(web.finding().id());
        assertEquals(List.of(Instant.parse(T1), Instant.parse(T2)), signals.stream().map(Signal::seenAt).toList());
        assertEquals(List.of(SourceKind.EXTERNAL_SCAN, SourceKind.AUTHENTICATED_SCAN),
                signals.stream().map(Signal::sourceKind).toList());
        assertEquals(Map.of("port", "443"), signals.get(0).attributes());
        assertEquals(List.of(), discovery.signals(otherId + 10_000));

        List<LiveSignal> live = live("A", Discovered.NESSUS, List.of("WEB"), Instant.parse(T3));
        assertEquals(Set.of(web.finding().id(), alone.finding().id()),
                new HashSet<>(live.stream().map(LiveSignal::findingId).toList()));
        live.forEach(s -> assertEquals("WEB", s.surfaceKey()));
        assertEquals("seen before", 1, live("A", Discovered.NESSUS, List.of("WEB"),
                Instant.parse(T2)).size());
        assertEquals(List.of(), live("A", Discovered.NESSUS, List.of("API"), Instant.parse(T3)));
        assertEquals(List.of(), live("A", Discovered.NESSUS, List.of(), Instant.parse(T3)));

        long aloneSignal = discovery.signals(alone.finding().id()).get(0).id();
        discovery.softDeleteSignals(List.of(aloneSignal), second, Instant.parse(T3));
        Signal deleted = discovery.signals(alone.finding().id()).get(0);
        assertEquals(Instant.parse(T3), deleted.deletedAt());
        assertEquals(second, deleted.deletedByRunId());
        assertNull(discovery.signals(web.finding().id()).get(0).deletedAt());
        assertEquals(List.of(web.finding().id()), live("A", Discovered.NESSUS, List.of("WEB"),
                Instant.parse(T3)).stream().map(LiveSignal::findingId).toList());
        assertEquals(List.of(alone.finding().id()), discovery.findingsWithoutLiveSignals(
                List.of(web.finding().id(), alone.finding().id())));
    }

    /** A finding without its last sighting, which is read from its signals, not from its row. */
    private static Finding row(Finding f) {
        return new Finding(f.id(), f.cycleKey(), f.identity(), f.surfaceKey(), f.asset(), f.title(), f.tool(),
                f.ruleId(), f.location(), f.severity(), f.status(), f.cves(), f.cwes(), f.cvssVectors(),
                f.firstSeen(), f.firstSeen(), f.firstRunId(), f.firstRunId(), f.fixCandidateRunId());
    }

    private List<LiveSignal> live(String cycleKey, SourceKey source, List<String> surfaces, Instant before) {
        List<LiveSignal> out = new ArrayList<>();
        discovery.liveSignals(cycleKey, source, surfaces, before, id -> false, out::add);
        return out;
    }

    @Test
    public void coverageIsReadPerCycle() {
        long run = discovery.insertRun(Discovered.run("A", "report-1", true, T1));
        long otherRun = discovery.insertRun(Discovered.run("B", "report-1", true, T1));
        List<CoverageRecord> coverage = List.of(
                new CoverageRecord(run, "A", "WEB", SourceKind.AUTHENTICATED_SCAN, Instant.parse(T1), true),
                new CoverageRecord(run, "A", "API", SourceKind.AUTHENTICATED_SCAN, Instant.parse(T1), false),
                new CoverageRecord(otherRun, "B", "WEB", SourceKind.EXTERNAL_SCAN, Instant.parse(T1), true));
        discovery.insertCoverage(coverage);
        discovery.insertCoverage(List.of());
        assertEquals(new HashSet<>(coverage.subList(0, 2)), new HashSet<>(discovery.coverage("A")));
        assertEquals(2, discovery.coverage("A").size());
        assertEquals(List.of(coverage.get(2)), discovery.coverage("B"));
        assertEquals(List.of(), discovery.coverage("C"));
    }
}
