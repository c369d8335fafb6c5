package org.ctemcycles.store.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Query;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.store.AoFindingRecordSource;
import org.ctemcycles.store.AoRegisterRepository;
import org.ctemcycles.store.RegisterEntryEntity;
import org.ctemcycles.store.StoreEntities;
import org.ctemcycles.store.TrackerLinkEntity;
import org.ctemcycles.store.upgrade.v2.UpgradeTo2CycleRecord;
import org.ctemcycles.store.upgrade.v3.UpgradeTo3TrackerLinks;
import org.ctemcycles.testing.TableIndexes;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Model version 2 to 3 on H2 and PostgreSQL (ADR 054): a register whose entries name tracker issues, written before
 * the tracker link table existed, gets a link per such entry, so that tracker events and the issue panel find them
 * through the links; entries without an issue get none, and a second opening adds nothing.
 */
@RunWith(Parameterized.class)
public class TrackerLinkUpgradeTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private TestDatabase.Opened opened;

    public TrackerLinkUpgradeTest(TestDatabase database) {
        this.database = database;
    }

    /** A version-2 database: every table but the tracker links, the entries' tracker columns written directly. */
    @Before
    public void createVersionTwoDatabase() {
        opened = database.open(new EmbeddedDatabase.Options(StoreEntities.ALL.stream()
                .filter(entity -> entity != TrackerLinkEntity.class).toList(), List.of(new UpgradeTo2CycleRecord()),
                UnaryOperator.identity()));
        assertEquals(ModelVersion.valueOf("2"), opened.database().modelVersion());
        ActiveObjects ao = opened.database().activeObjects();
        entry(ao, "Q3", "F-1", 1, "SEC-7", "10007");
        entry(ao, "Q4", "F-1", 2, "SEC-7", "10007");
        entry(ao, "Q3", "F-2", 3, "SEC-8", "");
        entry(ao, "Q3", "F-3", 4, "", "");
        entry(ao, "Q3", "F-4", 5, null, null);
        assertFalse(ao.moduleMetaData().isTablePresent(TrackerLinkEntity.class));
    }

    @After
    public void close() throws Exception {
        opened.close();
    }

    private static void entry(ActiveObjects ao, String cycle, String finding, long enrolled, String issueKey,
                              String issueId) {
        ao.executeInTransaction(() -> {
            ao.create(RegisterEntryEntity.class, List.of(row(cycle, finding, enrolled, issueKey, issueId)));
            return null;
        });
    }

    /** A register row as a version before the links wrote it (no link). */
    private static Map<String, Object> row(String cycle, String finding, long enrolled, String issueKey,
                                           String issueId) {
        Map<String, Object> row = new HashMap<>();
        row.put("ENTRY_KEY", cycle + "/" + finding);
        row.put("CYCLE_KEY", cycle);
        row.put("FINDING_KEY", finding);
        row.put("STATUS", "IN_PROGRESS");
        row.put("ENROLLED_AT_MILLIS", enrolled);
        row.put("UPDATED_AT_MILLIS", enrolled);
        row.put("TRACKER_ISSUE", issueKey);
        row.put("TRACKER_ISSUE_ID", issueId);
        row.put("ACCEPTED_AT_MILLIS", 0L);
        row.put("LOCK_SERIAL", 0L);
        return row;
    }

    @Test
    public void theEntriesNamingAnIssueAreLinkedAndFoundThroughTheLinks() {
        EmbeddedDatabase upgraded = opened.reopen(EmbeddedDatabase.Options.app());
        assertEquals(ModelVersion.valueOf("3"), upgraded.modelVersion());
        ActiveObjects ao = upgraded.activeObjects();
        assertEquals("the three entries naming an issue", 3, ao.count(TrackerLinkEntity.class));
        AoRegisterRepository register = new AoRegisterRepository(ao);
        assertEquals(List.of("Q3/F-1", "Q4/F-1"), keys(register.byTrackerIssue("10007")));
        AoFindingRecordSource records = new AoFindingRecordSource(ao, null);
        assertEquals(List.of("Q3/F-2"), keys(records.trackedBy("10008", "SEC-8")));
        assertEquals(List.of("Q3/F-1", "Q4/F-1"), keys(records.trackedBy(null, "SEC-7")));
        assertEquals(List.of(), keys(records.trackedBy("10009", "SEC-9")));

        EmbeddedDatabase again = opened.reopen(EmbeddedDatabase.Options.app());
        assertEquals(ModelVersion.valueOf("3"), again.modelVersion());
        assertEquals("no link twice", 3, again.activeObjects().count(TrackerLinkEntity.class));
    }

    /**
     * The task itself, twice, on the version-2 database: the register keeps every index it had (the task's frozen
     * copy declares them all), and the second run links nothing more.
     */
    @Test
    public void theTaskLeavesTheRegistersIndexesAndLinksOnce() throws Exception {
        ActiveObjects ao = opened.database().activeObjects();
        List<String> before = registerIndexes();
        UpgradeTo3TrackerLinks task = new UpgradeTo3TrackerLinks();
        ao.executeInTransaction(() -> {
            task.upgrade(ModelVersion.valueOf("2"), ao);
            return null;
        });
        // (this database's register was made by today's entity, without the tracker indexes the task's copy adds)
        assertTrue(before + " -> " + registerIndexes(), registerIndexes().containsAll(before));
        assertTrue(before.toString(), before.contains("[CYCLE_KEY, STATUS, ID]") && before.contains("[CYCLE_KEY, ID]"));
        assertEquals(3, ao.count(TrackerLinkEntity.class));
        ao.executeInTransaction(() -> {
            task.upgrade(ModelVersion.valueOf("3"), ao);
            return null;
        });
        assertEquals("no link twice", 3, ao.count(TrackerLinkEntity.class));
    }

    /** An entry's link follows its issue: moved to another issue, then unlinked, it leaves no link behind. */
    @Test
    public void anEntrysLinkFollowsItsIssue() {
        EmbeddedDatabase upgraded = opened.reopen(EmbeddedDatabase.Options.app());
        ActiveObjects ao = upgraded.activeObjects();
        AoRegisterRepository register = new AoRegisterRepository(ao);
        RegisterEntry q3 = register.find("Q3", "F-1").orElseThrow();
        RegisterEntry moved = withIssue(q3, "OPS-1", "10020");
        ao.executeInTransaction(() -> {
            register.update(moved);
            return null;
        });
        assertEquals(List.of("Q4/F-1"), keys(register.byTrackerIssue("10007")));
        assertEquals(List.of("Q3/F-1"), keys(register.byTrackerIssue("10020")));
        assertEquals(List.of("Q3/F-1"), keys(new AoFindingRecordSource(ao, null).trackedBy(null, "OPS-1")));
        assertEquals(3, ao.count(TrackerLinkEntity.class));
        ao.executeInTransaction(() -> {
            register.update(withIssue(moved, "", ""));
            return null;
        });
        assertEquals(List.of(), keys(register.byTrackerIssue("10020")));
        assertEquals("the unlinked entry's link is gone", 2, ao.count(TrackerLinkEntity.class));
    }

    /**
     * Entries an older version stored into the upgraded database (a register row naming an issue and no link, or a
     * link it left naming the issue before) are not found by their issue; the register tells them from the linked
     * ones, and once linked they are found.
     */
    @Test
    public void anEntryStoredWithoutItsLinkIsFoundOnceLinked() {
        EmbeddedDatabase upgraded = opened.reopen(EmbeddedDatabase.Options.app());
        ActiveObjects ao = upgraded.activeObjects();
        entry(ao, "Q4", "F-5", 6, "SEC-9", "10009");
        TrackerLinkEntity stale = ao.find(TrackerLinkEntity.class, Query.select()
                .where("ENTRY_KEY = ?", "Q3/F-2"))[0];
        stale.setTrackerIssue("SEC-1");
        stale.save();
        AoRegisterRepository register = new AoRegisterRepository(ao);
        assertEquals(List.of(), keys(register.byTrackerIssue("10009")));
        assertEquals(List.of(), keys(new AoFindingRecordSource(ao, null).trackedBy(null, "SEC-8")));
        List<RegisterEntry> all = new ArrayList<>(register.list("Q3"));
        all.addAll(register.list("Q4"));
        List<RegisterEntry> unlinked = register.withoutTrackerLink(all);
        assertEquals(List.of("Q3/F-2", "Q4/F-5"), keys(unlinked).stream().sorted().toList());
        assertEquals("both written or mended", List.of(true, true), link(ao, register, unlinked));
        assertEquals(List.of("Q4/F-5"), keys(register.byTrackerIssue("10009")));
        assertEquals(List.of("Q3/F-2"), keys(new AoFindingRecordSource(ao, null).trackedBy(null, "SEC-8")));
        assertEquals(List.of(), register.withoutTrackerLink(all));
        assertEquals("nothing left to write", List.of(false, false), link(ao, register, unlinked));
        assertEquals("one link per entry naming an issue", 4, ao.count(TrackerLinkEntity.class));
    }

    /** An entry whose issue changed after it was found unlinked: the change wrote its link, so linking adds nothing. */
    @Test
    public void anEntryChangedSinceItWasFoundUnlinkedNeedsNoLink() {
        EmbeddedDatabase upgraded = opened.reopen(EmbeddedDatabase.Options.app());
        ActiveObjects ao = upgraded.activeObjects();
        entry(ao, "Q4", "F-5", 6, "SEC-9", "10009");
        AoRegisterRepository register = new AoRegisterRepository(ao);
        List<RegisterEntry> unlinked = register.withoutTrackerLink(register.list("Q4"));
        assertEquals(List.of("Q4/F-5"), keys(unlinked));
        ao.executeInTransaction(() -> {
            register.update(withIssue(unlinked.get(0), "OPS-2", "10030"));
            return null;
        });
        assertEquals(List.of(false), link(ao, register, unlinked));
        assertEquals(List.of("Q4/F-5"), keys(register.byTrackerIssue("10030")));
    }

    /** The links are read 1,000 keys at a time: an unlinked entry in the second thousand is found, and only it. */
    @Test
    public void entriesPastTheFirstThousandAreCheckedToo() {
        EmbeddedDatabase upgraded = opened.reopen(EmbeddedDatabase.Options.app());
        ActiveObjects ao = upgraded.activeObjects();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            rows.add(row("Q5", String.format("F-%04d", i), i, "SEC-" + i, String.valueOf(20_000 + i)));
        }
        ao.executeInTransaction(() -> {
            ao.create(RegisterEntryEntity.class, rows);
            return null;
        });
        AoRegisterRepository register = new AoRegisterRepository(ao);
        List<RegisterEntry> all = register.list("Q5");
        assertEquals(1_001, register.withoutTrackerLink(all).size());
        assertEquals(List.of(true), link(ao, register, all.subList(0, 1)));
        List<RegisterEntry> left = register.withoutTrackerLink(all);
        assertEquals(1_000, left.size());
        assertEquals("Q5/F-1000", keys(left).get(999));
        assertEquals(List.of(true), link(ao, register, all.subList(1_000, 1_001)));
        assertEquals(999, register.withoutTrackerLink(all).size());
        assertFalse(keys(register.withoutTrackerLink(all)).contains("Q5/F-1000"));
    }

    /** Each entry linked under its lock, as reconciliation does: whether each link had to be written or mended. */
    private static List<Boolean> link(ActiveObjects ao, AoRegisterRepository register, List<RegisterEntry> entries) {
        return ao.executeInTransaction(() -> entries.stream().map(entry -> register.addTrackerLink(
                register.lock(entry.cycleKey(), entry.findingKey()).orElseThrow())).toList());
    }

    private static RegisterEntry withIssue(RegisterEntry entry, String issueKey, String issueId) {
        return new RegisterEntry(entry.cycleKey(), entry.findingKey(), entry.status(), entry.owner(), entry.deadline(),
                entry.changeRecord(), entry.dependency(), entry.verificationStep(), issueKey, entry.acceptance(),
                entry.carriedFrom(), entry.enrolledAt(), entry.updatedAt(), entry.deadlineSetBy(),
                entry.deadlineReason(), issueId, entry.trackerState(), entry.decisionNeeded());
    }

    private List<String> registerIndexes() throws Exception {
        try (java.sql.Connection c = opened.database().dataSource().getConnection()) {
            return TableIndexes.of(c, opened.database().tablePrefix().value() + "REGISTER_ENTRY").columns().stream()
                    .map(Object::toString).sorted().toList();
        }
    }

    private static List<String> keys(List<RegisterEntry> entries) {
        return entries.stream().map(e -> e.cycleKey() + "/" + e.findingKey()).toList();
    }
}
