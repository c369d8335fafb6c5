package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerState;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** What every {@link RegisterRepository} promises; a subclass per implementation supplies a fresh, empty one. */
public abstract class RegisterRepositoryContract {

    /** The cycles the entries below belong to: a register entry is always one of an existing cycle's. */
    protected static final List<String> CYCLES = List.of("A", "B", "C");

    private RegisterRepository register;

    /** An empty register of the cycles {@link #CYCLES}, which exist. */
    protected abstract RegisterRepository repository();

    @Before
    public void create() {
        register = repository();
    }

    static RegisterEntry entry(String cycle, String finding, String enrolledAt) {
        Instant at = Instant.parse(enrolledAt);
        return new RegisterEntry(cycle, finding, FindingStatus.OPEN, "", null, "", "", "", "", null, "", at, at);
    }

    private static List<String> keys(List<RegisterEntry> entries) {
        return entries.stream().map(e -> e.cycleKey() + "/" + e.findingKey()).toList();
    }

    @Test
    public void entriesReadBackEqualAndTheRegisterIsOrderedByFindingKey() {
        register.insertAll(List.of(entry("A", "F-3", "2026-07-01T09:00:00Z"), entry("A", "F-1", "2026-07-01T09:00:00Z"),
                entry("B", "F-2", "2026-07-01T09:00:00Z")));
        register.insertAll(List.of(entry("A", "F-2", "2026-07-02T09:00:00Z")));
        register.insertAll(List.of());
        assertEquals(List.of("A/F-1", "A/F-2", "A/F-3"), keys(register.list("A")));
        assertEquals(Optional.of(entry("A", "F-3", "2026-07-01T09:00:00Z")), register.find("A", "F-3"));
        assertEquals(Optional.empty(), register.find("B", "F-3"));
        assertEquals(Set.of("F-1", "F-3"), register.enrolled("A", List.of("F-1", "F-3", "F-9")));
        assertEquals(Set.of(), register.enrolled("C", List.of("F-1")));
    }

    @Test
    public void anUpdateReplacesTheEntryAndAnUnknownOneIsNotFound() {
        register.insertAll(List.of(entry("A", "F-1", "2026-07-01T09:00:00Z")));
        RiskAcceptance acceptance = new RiskAcceptance("owner", "WAF rule 7", LocalDate.parse("2026-08-01"), "lead",
                Instant.parse("2026-07-03T10:00:00Z"));
        RegisterEntry changed = new RegisterEntry("A", "F-1", FindingStatus.RISK_ACCEPTED, "alice",
                LocalDate.parse("2026-08-15"), "CHG-1", "vendor patch", "rerun the scan", "SEC-1", acceptance, "",
                Instant.parse("2026-07-01T09:00:00Z"), Instant.parse("2026-07-03T10:00:00Z"));
        register.update(changed);
        assertEquals(Optional.of(changed), register.find("A", "F-1"));
        try {
            register.update(entry("A", "F-9", "2026-07-01T09:00:00Z"));
            fail();
        } catch (NotFoundException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("F-9"));
        }
    }

    @Test
    public void expiredAcceptancesOfEveryCycleAreListedByCycleThenFinding() {
        register.insertAll(List.of(entry("B", "F-1", "2026-07-01T09:00:00Z"), entry("A", "F-2", "2026-07-01T09:00:00Z"),
                entry("A", "F-1", "2026-07-01T09:00:00Z"), entry("A", "F-3", "2026-07-01T09:00:00Z")));
        accept("B", "F-1", "2026-07-30");
        accept("A", "F-2", "2026-07-30");
        accept("A", "F-1", "2026-07-31");
        accept("A", "F-3", "2026-08-01");
        assertEquals(List.of("A/F-1", "A/F-2", "B/F-1"), keys(register.acceptancesExpiredBefore(
                LocalDate.parse("2026-08-01"))));
        assertEquals(List.of(), register.acceptancesExpiredBefore(LocalDate.parse("2026-07-30")));
    }

    private void accept(String cycle, String finding, String expiry) {
        RegisterEntry e = register.find(cycle, finding).orElseThrow();
        register.update(new RegisterEntry(cycle, finding, FindingStatus.RISK_ACCEPTED, e.owner(), e.deadline(),
                e.changeRecord(), e.dependency(), e.verificationStep(), e.trackerIssue(), new RiskAcceptance("o",
                "control", LocalDate.parse(expiry), "lead", Instant.parse("2026-07-02T09:00:00Z")), "",
                e.enrolledAt(), Instant.parse("2026-07-02T09:00:00Z")));
    }

    @Test
    public void aFindingsEntriesAreOldestEnrolmentFirst() {
        register.insertAll(List.of(entry("B", "F-1", "2026-10-01T09:00:00Z")));
        register.insertAll(List.of(entry("A", "F-1", "2026-07-01T09:00:00Z"), entry("A", "F-2", "2026-07-01T09:00:00Z")));
        register.insertAll(List.of(entry("C", "F-1", "2026-06-01T09:00:00Z")));
        assertEquals("by enrolment, not by cycle or insertion", List.of("C/F-1", "A/F-1", "B/F-1"),
                keys(register.byFinding("F-1")));
        assertEquals(List.of(), register.byFinding("F-9"));
    }

    @Test
    public void aBatchOfThousandsIsEnteredWhole() {
        List<RegisterEntry> many = IntStream.range(0, 2_500)
                .mapToObj(i -> entry("A", String.format("F-%05d", i), "2026-07-01T09:00:00Z")).toList();
        register.insertAll(many);
        List<RegisterEntry> listed = register.list("A");
        assertEquals(2_500, listed.size());
        assertEquals(many, listed);
    }

    @Test
    public void anEntryLinkedToATrackerIssueKeepsItsIdStateAndDecisionAndIsFoundByTheId() {
        register.insertAll(List.of(entry("A", "F-1", "2026-07-01T09:00:00Z"), entry("A", "F-2", "2026-07-01T09:00:00Z")));
        TrackerState state = new TrackerState("SEC-7", "SEC", TrackerStatus.DONE, "Done", "Won't Fix", true,
                "alice", LocalDate.parse("2026-08-01"));
        RegisterEntry linked = register.find("A", "F-1").orElseThrow().withTracker(new TrackerIssue("10007", "F-1",
                "A", "Fix F-1", state), Instant.parse("2026-07-02T09:00:00Z"))
                .withDecisionNeeded("resolved as Won't Fix", Instant.parse("2026-07-02T09:00:00Z"));
        register.update(linked);
        assertEquals(Optional.of(linked), register.find("A", "F-1"));
        assertEquals("SEC-7", linked.trackerIssue());
        assertEquals(List.of(linked), register.byTrackerIssue("10007"));
        assertEquals(List.of(), register.byTrackerIssue("10008"));
        assertEquals(List.of(), register.byTrackerIssue(""));
        // handed over, the next cycle's entry keeps the issue: both are found, the older first
        register.insertAll(List.of(linked.carriedInto("B", Instant.parse("2026-10-01T09:00:00Z"))));
        assertEquals(List.of("A/F-1", "B/F-1"), keys(register.byTrackerIssue("10007")));
        register.update(linked.unlinked(Instant.parse("2026-07-03T09:00:00Z")));
        assertEquals(List.of("B/F-1"), keys(register.byTrackerIssue("10007")));
        assertEquals("", register.find("A", "F-1").orElseThrow().trackerIssue());
        assertEquals(null, register.find("A", "F-1").orElseThrow().trackerState());
    }

    /** What the register stored, through any of its writes, its issues find: no entry lacks its link. */
    @Test
    public void entriesStoredThroughTheRegisterLackNoTrackerLink() {
        register.insertAll(List.of(entry("A", "F-1", "2026-07-01T09:00:00Z"),
                entry("A", "F-2", "2026-07-01T09:00:00Z"), entry("A", "F-3", "2026-07-01T09:00:00Z")));
        TrackerState state = new TrackerState("SEC-7", "SEC", TrackerStatus.TO_DO, "To Do", "", false, "", null);
        Instant at = Instant.parse("2026-07-02T09:00:00Z");
        RegisterEntry f1 = register.find("A", "F-1").orElseThrow().withTracker(new TrackerIssue("10007", "F-1", "A",
                "Fix F-1", state), at);
        RegisterEntry f2 = register.find("A", "F-2").orElseThrow().withTracker(new TrackerIssue("10008", "F-2", "A",
                "Fix F-2", state), at);
        register.update(f1);
        register.update(f2);
        register.update(f2.unlinked(at));
        register.insertAll(List.of(f1.carriedInto("B", Instant.parse("2026-10-01T09:00:00Z"))));
        List<RegisterEntry> all = new ArrayList<>(register.list("A"));
        all.addAll(register.list("B"));
        assertEquals(List.of(), register.withoutTrackerLink(all));
        assertFalse("a linked entry needs no link", register.addTrackerLink(register.lock("B", "F-1")
                .orElseThrow()));
        assertEquals(List.of("A/F-1", "B/F-1"),
                keys(register.byTrackerIssue("10007")));
        assertEquals(List.of(), register.byTrackerIssue("10008"));
    }

    @Test
    public void lockingAnEntryReadsItAndAnUnknownOneIsEmpty() {
        register.insertAll(List.of(entry("A", "F-1", "2026-07-01T09:00:00Z")));
        assertEquals(register.find("A", "F-1"), register.lock("A", "F-1"));
        assertEquals(Optional.empty(), register.lock("A", "F-9"));
    }
}
