package org.ctemcycles.store;

import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.testing.CycleRecordTest;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.ctemcycles.testing.CycleRecordFixture.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The activity log on H2 and PostgreSQL: one chain per cycle with its head, entries about a finding across cycles,
 * and rows edited, deleted or inserted behind the app's back (plain SQL) being detected and named.
 */
@RunWith(Parameterized.class)
public class ActivityLogPersistenceTest extends CycleRecordTest {

    public ActivityLogPersistenceTest(TestDatabase database) {
        super(database, "2026-07-01");
    }

    @Before
    public void open() {
        fixture.open("CTEM-1");
        for (int i = 1; i <= 4; i++) {
            fixture.clock.advance(Duration.ofMinutes(1));
            record.mobilisation().enrol("CTEM-1", List.of("F-" + i), "importer");
        }
        fixture.clock.advance(Duration.ofMinutes(1));
        record.mobilisation().acceptRisk("CTEM-1", "F-1", new AcceptanceDraft("carol", "WAF", "2026-12-31"), LEAD);
        // CTEM-1: 1 opened, 2-5 enrolled, 6 risk accepted
    }

    @Test
    public void eachCycleHasItsOwnChainWithAHead() {
        fixture.open("CTEM-2");
        record.mobilisation().enrol("CTEM-2", List.of("F-1"), "importer");
        List<LogEntry> first = record.log().chain("CTEM-1");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), first.stream().map(LogEntry::sequence).toList());
        assertEquals(LogAction.CYCLE_OPENED.name(), first.get(0).action());
        assertEquals(LogChain.GENESIS, first.get(0).previousHash());
        assertEquals(6, record.log().head("CTEM-1").orElseThrow().length());
        assertEquals(first.get(5).hash(), record.log().head("CTEM-1").orElseThrow().hash());
        assertEquals(List.of(1L, 2L), record.log().chain("CTEM-2").stream().map(LogEntry::sequence).toList());
        assertEquals(List.of("CTEM-1", "CTEM-2"), record.log().chains());
        assertTrue(record.log().verify("CTEM-1").intact());
        assertEquals(6, record.log().verify("CTEM-1").entries());
        List<LogEntry> aboutF1 = record.log().about(LogRecord.findingSubject("F-1"));
        assertEquals(List.of(LogAction.RISK_ACCEPTED.name()), aboutF1.stream().map(LogEntry::action).toList());
    }

    @Test
    public void anEditedRowIsNamed() throws Exception {
        update("UPDATE %s SET \"ACTOR\" = 'mallory' WHERE \"CHAIN_LINK\" = 'CTEM-1#4'");
        assertBreak(ChainReport.Kind.EDITED, 4, "entry 4 was edited: its content no longer matches its hash");
    }

    @Test
    public void aRowEditedAndRehashedIsNamed() throws Exception {
        LogEntry third = record.log().chain("CTEM-1").get(2);
        LogEntry forged = new LogEntry(third.cycleKey(), 3, third.at(), third.actor(), third.action(), third.subject(),
                third.before(), "{\"count\":\"0\"}", third.previousHash(), "");
        try (Connection c = fixture.opened.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE \"" + table() + "\" SET \"AFTER_STATE\" = ?,"
                     + " \"ENTRY_HASH\" = ? WHERE \"CHAIN_LINK\" = 'CTEM-1#3'")) {
            s.setString(1, forged.after());
            s.setString(2, LogChain.hashOf(forged));
            assertEquals(1, s.executeUpdate());
        }
        assertBreak(ChainReport.Kind.EDITED, 3, "entry 3 was edited: entry 4 committed to a different version of it"
                + " (changed and re-hashed)");
    }

    @Test
    public void aDeletedRowIsNamed() throws Exception {
        update("DELETE FROM %s WHERE \"CHAIN_LINK\" = 'CTEM-1#2'");
        assertBreak(ChainReport.Kind.DELETED, 2, "entry 2 was deleted: entry 3 commits to an entry that is no longer"
                + " there");
    }

    @Test
    public void aDeletedLastRowIsNamedThanksToTheHead() throws Exception {
        update("DELETE FROM %s WHERE \"CHAIN_LINK\" = 'CTEM-1#6'");
        assertBreak(ChainReport.Kind.DELETED, 6, "entry 6 was deleted: the chain ends at entry 5 but its head records"
                + " 6 entries");
    }

    @Test
    public void anInsertedRowIsNamed() throws Exception {
        LogEntry last = record.log().chain("CTEM-1").get(5);
        LogEntry forged = LogChain.link(new LogRecord("CTEM-1", last.at().plusSeconds(60), "mallory",
                LogAction.STATUS_CHANGED, "finding:F-2", "{\"status\":\"OPEN\"}", "{\"status\":\"VERIFIED\"}"), 7,
                last.hash());
        try (Connection c = fixture.opened.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO \"" + table() + "\" (\"CHAIN_LINK\", \"CYCLE_KEY\","
                     + " \"SEQ_NO\", \"AT_MILLIS\", \"ACTOR\", \"ACTION\", \"SUBJECT\", \"BEFORE_STATE\", \"AFTER_STATE\","
                     + " \"PREVIOUS_HASH\", \"ENTRY_HASH\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, "CTEM-1#7");
            s.setString(2, "CTEM-1");
            s.setLong(3, 7);
            s.setLong(4, forged.at().toEpochMilli());
            s.setString(5, forged.actor());
            s.setString(6, forged.action());
            s.setString(7, forged.subject());
            s.setString(8, forged.before());
            s.setString(9, forged.after());
            s.setString(10, forged.previousHash());
            s.setString(11, forged.hash());
            assertEquals(1, s.executeUpdate());
        }
        assertBreak(ChainReport.Kind.INSERTED, 7, "entry 7 was inserted: the head records 6 entries but the chain goes"
                + " on to entry 7");
    }

    @Test
    public void aRemovedHeadIsReported() throws Exception {
        try (Connection c = fixture.opened.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM \"" + fixture.opened.database().tablePrefix().value()
                    + "LOG_HEAD\" WHERE \"CHAIN_KEY\" = 'CTEM-1'"));
        }
        ChainReport report = record.log().verify("CTEM-1");
        assertEquals(ChainReport.Kind.HEAD_MISSING, report.firstBreak().kind());
        assertEquals("the chain's head record is missing: the chain has 6 entries, so entries at its end may have"
                + " been removed", report.firstBreak().toString());
        assertEquals("the chain is still listed", List.of("CTEM-1"), record.log().chains());
    }

    private void assertBreak(ChainReport.Kind kind, long sequence, String text) {
        ChainReport report = record.log().verify("CTEM-1");
        assertEquals(kind, report.firstBreak().kind());
        assertEquals(sequence, report.firstBreak().sequence());
        assertEquals(text, report.firstBreak().toString());
    }

    private String table() {
        return fixture.opened.database().tablePrefix().value() + "ACTIVITY_LOG";
    }

    private void update(String statement) throws Exception {
        try (Connection c = fixture.opened.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(String.format(statement, "\"" + table() + "\"")));
        }
    }
}
