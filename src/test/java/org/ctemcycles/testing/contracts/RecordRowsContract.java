package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.cadence.RecordRows;
import org.ctemcycles.core.cadence.RowLeaf;
import org.ctemcycles.core.discovery.DiscoveryRepository;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * What every {@link RecordRows} promises: each set's rows of one cycle (or run) in the order named, more rows than
 * one page holds, each a leaf that changes when its row changes, read again on every iteration. A subclass supplies
 * the rows and the repositories over the same record; an implementation that keeps no findings or decisions
 * supplies no repository for them, and the tests of those sets are skipped for it.
 */
public abstract class RecordRowsContract {

    /** More than a page of every implementation (AoRecordRows reads 500 at a time). */
    private static final int MANY = 1_203;

    private RecordRows rows;
    private RegisterRepository register;

    protected abstract RecordRows rows();

    /** The register the rows read, the same instance on every call of one test. */
    protected abstract RegisterRepository register();

    /** The discovery store the rows read, or null when the implementation keeps no findings. */
    protected DiscoveryRepository discovery() {
        return null;
    }

    /** The decisions the rows read, or null when the implementation keeps no decisions. */
    protected DecisionRepository decisions() {
        return null;
    }

    @Before
    public void create() {
        rows = rows();
        register = register();
    }

    private static List<RowLeaf> read(Iterable<RowLeaf> leaves) {
        List<RowLeaf> out = new ArrayList<>();
        leaves.forEach(out::add);
        return out;
    }

    private static void assertAscendingIds(List<RowLeaf> leaves) {
        for (int i = 1; i < leaves.size(); i++) {
            assertTrue(leaves.get(i - 1) + " before " + leaves.get(i), leaves.get(i - 1).id() < leaves.get(i).id());
        }
    }

    private static Set<String> keys(List<RowLeaf> leaves) {
        Set<String> keys = new HashSet<>();
        leaves.forEach(leaf -> assertTrue("each row once: " + leaf.key(), keys.add(leaf.key())));
        return keys;
    }

    @Test
    public void anEmptyRecordHasNoRowsNoQueueAndNoRun() {
        assertEquals(List.of(), read(rows.register("A")));
        assertEquals(List.of(), read(rows.findings("A")));
        assertEquals(List.of(), read(rows.decisions("run-1")));
        assertEquals(Optional.empty(), rows.queueRun("A"));
        assertEquals(0, rows.lastRun("A"));
    }

    @Test
    public void theRegisterIsEveryEntryOfTheCycleByRowIdReadAgainOnEachIteration() {
        List<RegisterEntry> entries = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            entries.add(RegisterRepositoryContract.entry("A", "F-" + i, "2026-07-01T09:00:00Z"));
            expected.add("F-" + i);
        }
        register.insertAll(entries);
        register.insertAll(List.of(RegisterRepositoryContract.entry("B", "F-1", "2026-07-01T09:00:00Z")));
        Iterable<RowLeaf> iterable = rows.register("A");
        List<RowLeaf> before = read(iterable);
        assertEquals(MANY, before.size());
        assertAscendingIds(before);
        assertEquals(expected, keys(before));
        before.forEach(leaf -> assertEquals(leaf.key(), 0, leaf.touchedBy()));

        RegisterEntry changed = register.find("A", "F-7").orElseThrow();
        register.update(new RegisterEntry("A", "F-7", FindingStatus.IN_PROGRESS, "alice", changed.deadline(),
                changed.changeRecord(), changed.dependency(), changed.verificationStep(), changed.trackerIssue(),
                null, "", changed.enrolledAt(), Instant.parse("2026-07-02T09:00:00Z")));
        List<RowLeaf> after = read(iterable);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            assertEquals(before.get(i).key(), after.get(i).key());
            if (before.get(i).key().equals("F-7")) {
                assertNotEquals("the changed entry's leaf", before.get(i).leaf(), after.get(i).leaf());
            } else {
                assertEquals(before.get(i).key(), before.get(i).leaf(), after.get(i).leaf());
            }
        }
        assertEquals(1, read(rows.register("B")).size());
    }

    @Test
    public void theFindingsAreEveryFindingOfTheCycleByRowIdWithTheRunThatLastTouchedThem() {
        DiscoveryRepository discovery = discovery();
        Assume.assumeTrue("the implementation keeps no findings", discovery != null);
        long run = discovery.insertRun(Discovered.run("A", "first", true, "2026-07-01T09:00:00Z"));
        List<StoredFinding> found = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            found.add(Discovered.finding("A", i, run, "2026-07-01T09:00:00Z"));
        }
        Map<String, Long> ids = discovery.insertFindings(found);
        long other = discovery.insertRun(Discovered.run("B", "other", true, "2026-07-01T09:00:00Z"));
        discovery.insertFindings(List.of(Discovered.finding("B", 1, other, "2026-07-01T09:00:00Z")));

        Iterable<RowLeaf> iterable = rows.findings("A");
        List<RowLeaf> before = read(iterable);
        assertEquals(MANY, before.size());
        assertAscendingIds(before);
        Set<String> expected = new HashSet<>();
        ids.keySet().forEach(hash -> expected.add(Finding.keyOf(hash)));
        assertEquals(expected, keys(before));
        for (RowLeaf leaf : before) {
            assertEquals(leaf.key(), run, leaf.touchedBy());
        }
        assertEquals(new HashSet<>(ids.values()), new HashSet<>(before.stream().map(RowLeaf::id).toList()));

        long later = discovery.insertRun(Discovered.run("A", "second", true, "2026-07-08T09:00:00Z"));
        long candidate = ids.get(Discovered.hash(5));
        discovery.markFixCandidates(List.of(candidate), later);
        List<RowLeaf> after = read(iterable);
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).id() == candidate) {
                assertNotEquals("the changed finding's leaf", before.get(i).leaf(), after.get(i).leaf());
                assertEquals(later, after.get(i).touchedBy());
            } else {
                assertEquals(before.get(i), after.get(i));
            }
        }
        assertEquals(later, rows.lastRun("A"));
        assertEquals(other, rows.lastRun("B"));
    }

    @Test
    public void aRunsDecisionsAreByRankAndTheQueueIsTheNewestRanking() {
        DecisionRepository decisions = decisions();
        Assume.assumeTrue("the implementation keeps no decisions", decisions != null);
        List<PriorityInput> inputs = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            inputs.add(finding("F-" + i).cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:" + (i % 2 == 0 ? "H" : "N")
                    + "/A:N").build());
        }
        PriorityEngine engine = PriorityEngine.of(PriorityPolicy.defaults());
        List<Decision> first = engine.prioritise(inputs, null, null, Instant.parse("2026-07-01T09:00:00Z"));
        List<Decision> second = engine.prioritise(inputs.subList(0, 3), null, null,
                Instant.parse("2026-07-02T09:00:00Z"));
        decisions.appendToCycle("A", "run-1", first);
        decisions.appendToCycle("A", "run-2", second);
        decisions.appendToCycle("B", "run-3", second);

        List<RowLeaf> leaves = read(rows.decisions("run-1"));
        assertEquals(MANY, leaves.size());
        for (int rank = 1; rank <= MANY; rank++) {
            RowLeaf leaf = leaves.get(rank - 1);
            assertEquals(rank, leaf.id());
            assertEquals(first.get(rank - 1).findingKey(), leaf.key());
        }
        assertEquals(3, read(rows.decisions("run-2")).size());
        assertEquals(List.of(), read(rows.decisions("run-9")));
        assertEquals(Optional.of("run-2"), rows.queueRun("A"));
        assertEquals(Optional.of("run-3"), rows.queueRun("B"));
        assertEquals(Optional.empty(), rows.queueRun("C"));
    }
}
