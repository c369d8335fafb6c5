package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.discovery.DiscoveryRepository;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.evidence.EvidenceSource;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.Snapshot;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.validation.ValidationMethod;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationRepository;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * What every {@link EvidenceSource} promises: each list read a page at a time from cursor 0 in its stable order
 * (discovery order, rank, the order recorded, sequence), never above the snapshot bound, each page saying whether
 * rows follow it (an exact last page too), findings joined with their sources, newest decision and register entry,
 * and nothing of another cycle. A subclass supplies the source and the repositories that write the same record.
 */
public abstract class EvidenceSourceContract {

    private static final String T1 = "2026-07-01T09:00:00Z";
    private static final String T2 = "2026-07-08T09:00:00Z";
    private static final int FINDINGS = 20;

    private EvidenceSource source;
    private DiscoveryRepository discovery;
    private RegisterRepository register;
    private DecisionRepository decisions;
    private ValidationRepository validations;
    private ActivityLog log;

    protected abstract EvidenceSource evidenceSource();

    protected abstract DiscoveryRepository discovery();

    protected abstract RegisterRepository register();

    protected abstract DecisionRepository decisions();

    protected abstract ValidationRepository validations();

    protected abstract ActivityLog activityLog();

    @Before
    public void create() {
        source = evidenceSource();
        discovery = discovery();
        register = register();
        decisions = decisions();
        validations = validations();
        log = activityLog();
    }

    /**
     * Every row of a list, a page of {@code limit} at a time, checking each page's "more" and, where the rows show
     * their key ({@code cursor} not null), its cursor.
     */
    private static <T> List<T> all(Function<Long, Page<T>> pages, int limit, Function<T, Long> cursor) {
        List<T> rows = new ArrayList<>();
        long after = 0;
        for (int page = 0; ; page++) {
            Page<T> read = pages.apply(after);
            assertTrue("page " + page + " holds at most " + limit, read.rows().size() <= limit);
            if (read.rows().isEmpty()) {
                assertEquals("a page said rows follow it, and none did", 0, page);
                assertFalse("an empty page has nothing after it", read.more());
                assertEquals("an empty page keeps the cursor", after, read.next());
                return rows;
            }
            if (cursor != null) {
                assertEquals("the cursor is the last row's",
                        (long) cursor.apply(read.rows().get(read.rows().size() - 1)), read.next());
            }
            rows.addAll(read.rows());
            if (!read.more()) {
                assertTrue("no rows after a page that says so", pages.apply(read.next()).rows().isEmpty());
                return rows;
            }
            after = read.next();
        }
    }

    /** Discovers {@code count} findings in the cycle in one run, each seen by Nessus; answers them in id order. */
    private List<StoredFinding> discover(String cycle, String report, int count) {
        long run = discovery.insertRun(Discovered.run(cycle, report, true, T1));
        List<StoredFinding> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            found.add(Discovered.finding(cycle, i, run, T1));
        }
        Map<String, Long> ids = discovery.insertFindings(found);
        List<StoredFinding> stored = found.stream().map(f -> Discovered.withId(f, ids.get(f.finding().identity()
                .hash()))).sorted((a, b) -> Long.compare(a.finding().id(), b.finding().id())).toList();
        discovery.insertSignals(stored.stream().map(f -> Discovered.signal(f, run, Discovered.NESSUS, T1)).toList());
        return stored;
    }

    private static List<Decision> rank(List<StoredFinding> findings, String at) {
        List<PriorityInput> inputs = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            inputs.add(finding(findings.get(i).finding().key()).cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:"
                    + (i % 3 == 0 ? "H" : "L") + "/I:N/A:N").build());
        }
        return PriorityEngine.of(PriorityPolicy.defaults()).prioritise(inputs, null, null, Instant.parse(at));
    }

    private static RegisterEntry entry(String cycle, String findingKey) {
        return RegisterRepositoryContract.entry(cycle, findingKey, T1);
    }

    private static ValidationRecord validation(String cycle, String findingKey, String at) {
        return new ValidationRecord(cycle, findingKey, ValidationMethod.EXPLOIT_REPRODUCTION,
                ValidationOutcome.EXPLOITABLE_CONFIRMED, "reproduced", List.of("PT-1"), "tester", Instant.parse(at),
                FindingStatus.OPEN, FindingStatus.IN_PROGRESS);
    }

    private static LogRecord logged(String cycle, int n) {
        return new LogRecord(cycle, Instant.parse(T1).plusSeconds(n), "lead", LogAction.CYCLE_OPENED,
                "cycle:" + cycle, "", "{\"n\":" + n + "}");
    }

    @Test
    public void anEmptyCycleReadsNothing() {
        discover("B", "other", 3);
        assertEquals(new Snapshot(0, 0, 0, 0), source.snapshot("A"));
        Page<FindingEvidence> page = source.findings("A", 0, Long.MAX_VALUE / 2, 10);
        assertEquals(new Page<>(List.of(), 0, false), page);
        assertEquals(new Page<>(List.<RegisterEntry>of(), 0, false), source.register("A", 0, 1_000, 10));
        assertEquals(new Page<>(List.<RegisterEntry>of(), 0, false),
                source.register("A", FindingStatus.OPEN, 0, 10));
        assertEquals(new Page<>(List.<ValidationRecord>of(), 0, false), source.validations("A", 0, 1_000, 10));
        assertEquals(new Page<>(List.<DiscoveryRun>of(), 0, false), source.runs("A", 0, 10));
        assertEquals(new Page<>(List.<LogEntry>of(), 0, false), source.log("A", 0, 1_000, 10));
        assertEquals(Optional.empty(), source.queueRun("A"));
        assertEquals(new Page<>(List.<RankedDecision>of(), 0, false), source.queue("run-1", 0, 10));
        assertEquals(Map.of(), source.latestDecisions("A", List.of()));
        assertEquals(Map.of(), source.registerEntries("A", List.of()));
        assertEquals(Map.of(), source.latestValidations("A", List.of()));
    }

    @Test
    public void findingsReadInDiscoveryOrderUpToTheSnapshotJoinedAndOfTheirCycleOnly() {
        List<StoredFinding> other = discover("B", "other", 4);
        List<StoredFinding> found = discover("A", "report-1", FINDINGS);
        register.insertAll(found.stream().map(f -> entry("A", f.finding().key())).toList());
        register.insertAll(other.stream().map(f -> entry("B", f.finding().key())).toList());
        List<Decision> older = rank(found, T1);
        List<Decision> newer = rank(found, T2);
        decisions.appendToCycle("A", "run-1", older);
        decisions.appendToCycle("A", "run-2", newer);
        decisions.appendToCycle("B", "run-3", rank(other, T2));
        // a second source, seen earlier than the first although recorded after it
        long zapRun = discovery.insertRun(Discovered.run("A", "zap", true, "2026-06-30T09:00:00Z"));
        discovery.insertSignals(List.of(Discovered.signal(found.get(2), zapRun, Discovered.ZAP,
                "2026-06-30T09:00:00Z")));

        Snapshot snapshot = source.snapshot("A");
        assertEquals(found.get(FINDINGS - 1).finding().id(), snapshot.findingId());
        for (int limit : List.of(7, 10, FINDINGS, FINDINGS + 1)) {
            List<FindingEvidence> read = all(after -> source.findings("A", after, snapshot.findingId(), limit),
                    limit, f -> f.finding().id());
            assertEquals("limit " + limit, found.stream().map(StoredFinding::finding).toList(),
                    read.stream().map(FindingEvidence::finding).toList());
        }
        Map<String, Decision> newest = new java.util.HashMap<>();
        newer.forEach(d -> newest.put(d.findingKey(), d));
        for (FindingEvidence f : all(after -> source.findings("A", after, snapshot.findingId(), 10), 10,
                f -> f.finding().id())) {
            assertEquals(newest.get(f.key()), f.decision());
            assertEquals(entry("A", f.key()), f.entry());
            if (f.finding().id() == found.get(2).finding().id()) {
                assertEquals("in the order first seen", List.of("ZAP (External scan)",
                        "Nessus (Authenticated scan)"), f.sources());
                assertEquals(2, f.signals());
            } else {
                assertEquals(List.of("Nessus (Authenticated scan)"), f.sources());
                assertEquals(1, f.signals());
            }
        }
        long bound = found.get(11).finding().id();
        assertEquals(12, all(after -> source.findings("A", after, bound, 5), 5, f -> f.finding().id()).size());

        FindingEvidence one = source.finding("A", found.get(5).finding().key()).orElseThrow();
        assertEquals(found.get(5).finding(), one.finding());
        assertEquals(newest.get(one.key()), one.decision());
        assertEquals(entry("A", one.key()), one.entry());
        assertEquals("discovered in another cycle only", Optional.empty(),
                source.finding("A", Finding.keyOf(Discovered.hash(FINDINGS + 1))));
        assertEquals(Optional.empty(), source.finding("A", "F-not-a-key"));
        assertEquals(Optional.empty(), source.finding("C", found.get(5).finding().key()));
    }

    @Test
    public void theQueueIsTheNewestRankingReadInRankOrder() {
        List<StoredFinding> found = discover("A", "report-1", 5);
        decisions.appendToCycle("A", "run-1", rank(found, T1));
        List<Decision> newer = rank(found.subList(0, 3), T2);
        decisions.appendToCycle("A", "run-2", newer);
        decisions.appendToCycle("B", "run-3", rank(found, T2));
        assertEquals(Optional.of("run-2"), source.queueRun("A"));
        List<RankedDecision> queue = all(after -> source.queue("run-2", after, 2), 2, d -> (long) d.rank());
        assertEquals(List.of(1, 2, 3), queue.stream().map(RankedDecision::rank).toList());
        assertEquals(newer, queue.stream().map(RankedDecision::decision).toList());
        assertEquals(5, all(after -> source.queue("run-1", after, 5), 5, d -> (long) d.rank()).size());
    }

    @Test
    public void registerValidationsRunsAndLogReadInTheOrderRecordedUpToTheirBounds() {
        register.insertAll(List.of(entry("A", "F-3"), entry("A", "F-1")));
        register.insertAll(List.of(entry("B", "F-2")));
        register.insertAll(List.of(entry("A", "F-2")));
        validations.insert(validation("A", "F-3", "2026-07-02T09:00:00Z"));
        validations.insert(validation("B", "F-3", "2026-07-03T09:00:00Z"));
        validations.insert(validation("A", "F-1", "2026-07-04T09:00:00Z"));
        for (int n = 1; n <= 5; n++) {
            log.append(logged("A", n));
            log.append(logged("B", n));
        }
        DiscoveryRun later = Discovered.run("A", "later", true, T2);
        DiscoveryRun earlier = Discovered.run("A", "earlier", true, T1);
        long laterId = discovery.insertRun(later);
        long earlierId = discovery.insertRun(earlier);
        discovery.insertRun(Discovered.run("B", "other", true, T1));

        Snapshot snapshot = source.snapshot("A");
        assertEquals(5, snapshot.logSequence());
        register.insertAll(List.of(entry("A", "F-0")));
        validations.insert(validation("A", "F-2", "2026-07-05T09:00:00Z"));
        log.append(logged("A", 6));

        List<RegisterEntry> entries = all(after -> source.register("A", after, snapshot.registerId(), 2), 2, null);
        assertEquals(List.of("F-3", "F-1", "F-2"), entries.stream().map(RegisterEntry::findingKey).toList());
        List<ValidationRecord> validated = all(after -> source.validations("A", after, snapshot.validationId(), 1),
                1, null);
        assertEquals(List.of(validation("A", "F-3", "2026-07-02T09:00:00Z"),
                validation("A", "F-1", "2026-07-04T09:00:00Z")), validated);
        List<LogEntry> logged = all(after -> source.log("A", after, snapshot.logSequence(), 2), 2,
                LogEntry::sequence);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), logged.stream().map(LogEntry::sequence).toList());
        assertEquals(log.chain("A").subList(0, 5), logged);
        assertEquals(3, all(after -> source.log("A", after, 3, 10), 10, LogEntry::sequence).size());
        List<DiscoveryRun> runs = all(after -> source.runs("A", after, 1), 1, DiscoveryRun::id);
        assertEquals(List.of(Discovered.stored(later, laterId, List.of(), RunCounts.NONE),
                Discovered.stored(earlier, earlierId, List.of(), RunCounts.NONE)), runs);
    }

    @Test
    public void theRegisterByStatusIsInTheOrderEntered() {
        register.insertAll(List.of(entry("A", "F-3"), entry("A", "F-1"), entry("A", "F-4")));
        register.insertAll(List.of(entry("A", "F-2"), entry("B", "F-9")));
        for (String key : List.of("F-2", "F-3", "F-4")) {
            RegisterEntry e = register.find("A", key).orElseThrow();
            register.update(new RegisterEntry("A", key, FindingStatus.IN_PROGRESS, "alice", e.deadline(),
                    e.changeRecord(), e.dependency(), e.verificationStep(), e.trackerIssue(), null, "",
                    e.enrolledAt(), Instant.parse(T2)));
        }
        List<RegisterEntry> working = all(after -> source.register("A", FindingStatus.IN_PROGRESS, after, 2), 2,
                null);
        assertEquals(List.of("F-3", "F-4", "F-2"), working.stream().map(RegisterEntry::findingKey).toList());
        assertEquals(List.of("F-1"), all(after -> source.register("A", FindingStatus.OPEN, after, 5), 5, null)
                .stream().map(RegisterEntry::findingKey).toList());
        assertEquals(List.of(), all(after -> source.register("A", FindingStatus.VERIFIED, after, 5), 5, null));
    }

    @Test
    public void theNewestDecisionRegisterEntryAndValidationOfEachFindingAreThoseOfItsCycle() {
        List<StoredFinding> found = discover("A", "report-1", 3);
        List<String> keys = found.stream().map(f -> f.finding().key()).toList();
        List<Decision> newer = rank(found.subList(0, 2), T2);
        decisions.appendToCycle("A", "run-1", rank(found, T1));
        decisions.appendToCycle("A", "run-2", newer);
        decisions.appendToCycle("B", "run-3", rank(found, "2026-07-09T09:00:00Z"));
        register.insertAll(List.of(entry("A", keys.get(0)), entry("B", keys.get(1))));
        validations.insert(validation("A", keys.get(0), "2026-07-02T09:00:00Z"));
        validations.insert(validation("A", keys.get(0), "2026-07-04T09:00:00Z"));
        validations.insert(validation("B", keys.get(1), "2026-07-05T09:00:00Z"));

        List<String> asked = new ArrayList<>(keys);
        asked.add("F-0000000000000000");
        Map<String, Decision> latest = source.latestDecisions("A", asked);
        assertEquals(3, latest.size());
        assertEquals(newer.stream().filter(d -> d.findingKey().equals(keys.get(0))).findFirst().orElseThrow(),
                latest.get(keys.get(0)));
        assertEquals("ranked only by the older run", Instant.parse(T1), latest.get(keys.get(2)).decidedAt());
        assertEquals(Map.of(keys.get(0), entry("A", keys.get(0))), source.registerEntries("A", asked));
        assertEquals(Map.of(keys.get(0), validation("A", keys.get(0), "2026-07-04T09:00:00Z")),
                source.latestValidations("A", asked));
        assertEquals(Map.of(), source.latestValidations("C", asked));
        assertNull(source.registerEntries("A", asked).get(keys.get(1)));
    }
}
