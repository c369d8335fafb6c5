package org.ctemcycles.store.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.store.CycleEntity;
import org.ctemcycles.store.LogEntryEntity;
import org.ctemcycles.store.RegisterEntryEntity;
import org.ctemcycles.store.upgrade.v2.UpgradeTo2CycleRecord;
import org.ctemcycles.testing.CycleRecordFixture;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.ctemcycles.testing.CycleRecordFixture.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The upgrade-task pattern on H2 and PostgreSQL: a database holding version-1 data (the foundation's cycle table,
 * no model version stored, as Jira leaves an app without upgrade tasks) upgrades to version 2 without loss, gets a
 * verifiable activity log per cycle, and works with every service afterwards; the task does not run twice.
 */
@RunWith(Parameterized.class)
public class UpgradeTaskTest {

    private static final Instant UPGRADED_AT = Instant.parse("2026-11-30T08:00:00Z");
    private static final String HOSTILE = "<b>Q1</b> 'quoted' \"double\" ünïcødé";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private TestDatabase.Opened opened;

    public UpgradeTaskTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void createVersionOneDatabase() {
        opened = database.open(new EmbeddedDatabase.Options(List.of(CycleEntityV1.class), List.of(),
                UnaryOperator.identity()));
        assertEquals(ModelVersion.valueOf(null), opened.database().modelVersion());
        ActiveObjects ao = opened.database().activeObjects();
        v1Cycle(ao, "CTEM-2026-Q1", HOSTILE, "Close KEVs", "2026-01-01", "2026-03-31", "DISCOVERY");
        v1Cycle(ao, "CTEM-2026-Q2", "Q2", null, "2026-04-01", "2026-06-30", "SCOPING");
    }

    @After
    public void close() throws Exception {
        opened.close();
    }

    private static void v1Cycle(ActiveObjects ao, String key, String name, String objective, String start,
                                String end, String stage) {
        ao.create(CycleEntityV1.class, new DBParam("CYCLE_KEY", key), new DBParam("NAME", name),
                new DBParam("OBJECTIVE", objective), new DBParam("START_DATE", start),
                new DBParam("PLANNED_END", end), new DBParam("CHECKPOINT_INTERVAL_DAYS", 14),
                new DBParam("STAGE", stage), new DBParam("CREATED_AT_MILLIS", 1_767_225_600_000L),
                new DBParam("CREATED_BY", "JIRAUSER10100"));
    }

    private EmbeddedDatabase.Options app() {
        return EmbeddedDatabase.Options.app().withUpgradeTasks(List.of(
                new UpgradeTo2CycleRecord(Clock.fixed(UPGRADED_AT, ZoneOffset.UTC))));
    }

    @Test
    public void versionOneDataUpgradesWithoutLoss() throws Exception {
        EmbeddedDatabase upgraded = opened.reopen(app());
        assertEquals(ModelVersion.valueOf("2"), upgraded.modelVersion());
        assertEquals("2", storedModelVersion(upgraded));
        CycleRecordFixture fixture = new CycleRecordFixture(opened, "2026-12-01");
        List<Cycle> cycles = fixture.record.cycles().list();
        assertEquals(List.of("CTEM-2026-Q2", "CTEM-2026-Q1"), cycles.stream().map(Cycle::key).toList());
        Cycle q1 = fixture.record.cycles().get("CTEM-2026-Q1");
        assertEquals(HOSTILE, q1.name());
        assertEquals("Close KEVs", q1.objective());
        assertEquals(LocalDate.parse("2026-01-01"), q1.cadence().start());
        assertEquals(LocalDate.parse("2026-03-31"), q1.cadence().plannedEnd());
        assertEquals(14, q1.cadence().checkpointIntervalDays());
        assertEquals(Stage.DISCOVERY, q1.stage());
        assertEquals(Instant.ofEpochMilli(1_767_225_600_000L), q1.createdAt());
        assertEquals("JIRAUSER10100", q1.createdBy());
        assertEquals("", q1.successCriteria());
        assertEquals(1, q1.version());
        assertEquals("", fixture.record.cycles().get("CTEM-2026-Q2").objective());

        for (String key : List.of("CTEM-2026-Q1", "CTEM-2026-Q2")) {
            List<LogEntry> chain = fixture.record.log().chain(key);
            assertEquals(1, chain.size());
            assertEquals(LogAction.SCHEMA_UPGRADED.name(), chain.get(0).action());
            assertEquals("ctem-upgrade", chain.get(0).actor());
            assertEquals(UPGRADED_AT, chain.get(0).at());
            assertTrue(fixture.record.log().verify(key).intact());
        }
        assertTrue(fixture.record.log().chain("CTEM-2026-Q1").get(0).after().contains("\"name\":\"" + HOSTILE
                .replace("\"", "\\\"") + "\""));
        assertTrue(upgraded.activeObjects().moduleMetaData().isTablePresent(RegisterEntryEntity.class));

        // the upgraded record works: scope, advance, and the log goes on from the upgrade's entry
        fixture.record.cycles().recordScope("CTEM-2026-Q2", new ScopeDraft(null, "criteria", null, null, null), LEAD);
        fixture.record.scope().add("CTEM-2026-Q2", new SurfaceDraft("HR", "HR portal", "business-process", "erin",
                "medium", "internal", "no critical finding open", List.of()), LEAD);
        fixture.record.cycles().recordScope("CTEM-2026-Q2", new ScopeDraft("objective", null, null, null, null), LEAD);
        assertEquals(Stage.DISCOVERY, fixture.record.stages().advance("CTEM-2026-Q2", Stage.DISCOVERY, null, LEAD)
                .cycle().stage());
        assertEquals(5, fixture.record.log().chain("CTEM-2026-Q2").size());
        assertTrue(fixture.record.log().verify("CTEM-2026-Q2").intact());
    }

    @Test
    public void theTaskRunsOnceAndANewerAppOpensTheDatabaseAsIs() {
        opened.reopen(app());
        EmbeddedDatabase again = opened.reopen(app());
        assertEquals(ModelVersion.valueOf("2"), again.modelVersion());
        assertEquals("no second upgrade entry", 2, again.activeObjects().count(LogEntryEntity.class));
        assertEquals(2, again.activeObjects().count(CycleEntity.class));
    }

    @Test
    public void aFreshDatabaseRunsTheTaskOnNothingAndIsAtTheLatestVersion() throws Exception {
        TestDatabase.Opened fresh = database.open();
        try {
            assertEquals(ModelVersion.valueOf("3"), fresh.database().modelVersion());
            assertEquals(0, fresh.database().activeObjects().count(LogEntryEntity.class));
        } finally {
            fresh.close();
        }
    }

    @Test
    public void aFailingUpgradeLeavesTheVersionAndTheDataAsTheyWere() throws Exception {
        ActiveObjectsUpgradeTask failing = new ActiveObjectsUpgradeTask() {
            @Override
            public ModelVersion getModelVersion() {
                return ModelVersion.valueOf("3");
            }

            @Override
            public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
                ao.migrate(CycleEntity.class);
                for (CycleEntity cycle : ao.find(CycleEntity.class)) {
                    cycle.setName("damaged");
                    cycle.save();
                }
                throw new IllegalStateException("upgrade 3 failed half way");
            }
        };
        try {
            opened.reopen(app().withUpgradeTasks(List.of(new UpgradeTo2CycleRecord(Clock.fixed(UPGRADED_AT,
                    ZoneOffset.UTC)), failing)));
            org.junit.Assert.fail("the failing task must stop the upgrade");
        } catch (IllegalStateException e) {
            assertEquals("upgrade 3 failed half way", e.getMessage());
        }
        EmbeddedDatabase reopened = opened.reopen(app());
        assertEquals("version 2 committed, version 3 did not", "2", storedModelVersion(reopened));
        CycleRecordFixture fixture = new CycleRecordFixture(opened, "2026-12-01");
        assertEquals(HOSTILE, fixture.record.cycles().get("CTEM-2026-Q1").name());
    }

    private static String storedModelVersion(EmbeddedDatabase database) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MODEL_VERSION FROM CTEM_MODEL_VERSION")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
