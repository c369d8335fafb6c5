package org.ctemcycles.cli;

import org.ctemcycles.cli.embedded.AoTablePrefix;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * What someone with write access to the database (and not to the anchor key beside it) can do to a cycle's record,
 * and {@code ctem log verify} catching each with exit 3: the three edits the hash chain alone let pass (the chain
 * truncated with its head moved back, the chain edited and re-hashed to its end, the whole log deleted) and rows of
 * the register, the findings and the decisions edited after a checkpoint committed to them. A change made through
 * the app after the checkpoint is not a breach. On H2 and on PostgreSQL.
 */
@RunWith(Parameterized.class)
public class TamperEvidenceTest {

    private static final String CYCLE = "CTEM-T";
    private static final String PREFIX = new AoTablePrefix(EmbeddedDatabase.PLUGIN_KEY).value();

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final TestDatabase database;
    private CommandLine cli;
    private String today;
    private String out;
    /** The finding whose status was changed through the app after the checkpoint. */
    private String changedLater;
    private List<String> findings;

    public TamperEvidenceTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void aCycleWithACheckpointAndALaterChange() {
        cli = new CommandLine(database, folder.getRoot().toPath());
        today = "2026-10-01";
        ok("cycle", "create", "--key", CYCLE, "--name", "Tamper", "--start", "2026-10-01", "--end", "2026-12-31",
                "--objective", "Cut exposure on the payments API");
        ok("cycle", "scope", "set", CYCLE, "--success-criteria", "No exploitable critical at close");
        ok("cycle", "scope", "add", CYCLE, "--surface", "PAY", "--name", "Payments API", "--kind",
                "customer-facing-system", "--owner", "alice", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "No exploitable critical", "--rule",
                "image:registry.example.com/payments/*");
        today = "2026-10-02";
        ok("cycle", "advance", CYCLE);
        ok("import", "--cycle", CYCLE, "demo/reports/trivy-payments-api-1.4.2.json");
        ok("feeds", "load", "--epss", "demo/feeds/epss_scores-2026-10-09.csv", "--kev",
                "demo/feeds/known_exploited_vulnerabilities.json");
        ok("cycle", "advance", CYCLE);
        ok("cycle", "prioritise", CYCLE);
        ok("cycle", "advance", CYCLE);
        findings = ok("cycle", "register", "list", CYCLE).lines().filter(l -> l.startsWith("F-"))
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        ok("cycle", "validate", CYCLE, findings.get(0), "--method", "manual-test", "--outcome",
                "exploitable-confirmed");
        ok("cycle", "advance", CYCLE);
        List<String> mobilise = new ArrayList<>(List.of("cycle", "mobilise", CYCLE));
        mobilise.addAll(findings);
        mobilise.addAll(List.of("--owner", "dave", "--deadline", "2026-11-30", "--verify", "rescan"));
        ok(mobilise.toArray(String[]::new));
        today = "2026-10-15";
        ok("cycle", "checkpoint", CYCLE);
        today = "2026-10-20";
        changedLater = findings.get(1);
        ok("cycle", "status", CYCLE, changedLater, "--to", "in-progress");
        ok("log", "verify", "--cycle", CYCLE);
        assertTrue("a change through the app after the checkpoint is no breach: " + out,
                out.contains(CYCLE + ": 1 record digest verified (the checkpoint of 2026-10-15)"));
    }

    @After
    public void drop() throws Exception {
        cli.close();
    }

    @Test
    public void theChainTruncatedWithItsHeadMovedBackIsCaught() throws Exception {
        List<LogEntry> chain = chain();
        LogEntry last = chain.get(chain.size() - 1);
        LogEntry before = chain.get(chain.size() - 2);
        update("DELETE FROM " + table("ACTIVITY_LOG") + " WHERE \"CHAIN_LINK\" = ?", CYCLE + "#" + last.sequence());
        update("UPDATE " + table("LOG_HEAD") + " SET \"ENTRY_COUNT\" = " + before.sequence() + ", \"HEAD_HASH\" = ?"
                + " WHERE \"CHAIN_KEY\" = '" + CYCLE + "'", before.hash());
        assertEquals(3, ctem("log", "verify", "--cycle", CYCLE));
        assertTrue(out, out.contains(CYCLE + ": chain broken: the chain's head was rewritten: it records "
                + before.sequence() + " entries ending in entry " + before.sequence() + " but its keyed anchor does"
                + " not match"));
        assertTrue("the removed status change leaves the register row unexplained: " + out, out.contains(CYCLE
                + ": record changed: the register entry of " + changedLater + " (row "));
    }

    @Test
    public void theChainEditedAndRehashedToItsEndIsCaught() throws Exception {
        List<LogEntry> chain = chain();
        LogEntry mobilised = chain.stream().filter(e -> e.action().equals("MOBILISED")).findFirst().orElseThrow();
        rehashFrom(mobilised.sequence(), mobilised.after().replace("\"dave\"", "\"mallory\""));
        assertEquals(3, ctem("log", "verify", "--cycle", CYCLE));
        assertTrue(out, out.contains(CYCLE + ": chain broken: entry " + mobilised.sequence() + " was changed and"
                + " re-hashed: its keyed anchor does not match its hash"));
        assertTrue("the checkpoint's recorded head no longer matches either: " + out, out.contains("is not the entry"
                + " the checkpoint of 2026-10-15 recorded as the head of the chain"));
    }

    @Test
    public void aDeletedLogIsCaught() throws Exception {
        update("DELETE FROM " + table("ACTIVITY_LOG") + " WHERE \"CYCLE_KEY\" = ?", CYCLE);
        update("DELETE FROM " + table("LOG_HEAD") + " WHERE \"CHAIN_KEY\" = ?", CYCLE);
        assertEquals(3, ctem("log", "verify"));
        assertTrue(out, out.contains(CYCLE + ": chain broken: the cycle's activity log is missing: the cycle has no"
                + " log entry, not even its opening"));
        assertTrue(out, out.contains(CYCLE + ": record changed: the digest of the checkpoint of 2026-10-15 names log"
                + " entry "));
    }

    @Test
    public void rowsEditedAfterTheCheckpointAreNamed() throws Exception {
        String untouched = findings.get(2);
        update("UPDATE " + table("REGISTER_ENTRY") + " SET \"OWNER\" = 'mallory' WHERE \"ENTRY_KEY\" = ?",
                CYCLE + "/" + untouched);
        update("UPDATE " + table("FINDING") + " SET \"SEVERITY\" = 'LOW' WHERE \"CYCLE_KEY\" = ? AND"
                + " \"IDENTITY_HASH\" LIKE ?", CYCLE, untouched.substring(2) + "%");
        update("UPDATE " + table("DECISION") + " SET \"SCORE\" = 1 WHERE \"CYCLE_KEY\" = ? AND \"FINDING_KEY\" = ?",
                CYCLE, findings.get(3));
        assertEquals(3, ctem("log", "verify", "--cycle", CYCLE));
        assertTrue("the chain itself is intact: " + out, out.contains(CYCLE + ": " + chain().size()
                + " entries, chain intact, keyed anchor verified"));
        assertTrue(out, out.contains("record changed: the register entry of " + untouched + " (row "));
        assertTrue(out, out.contains(") was changed after the checkpoint of 2026-10-15, with no logged change to"
                + " it"));
        assertTrue(out, out.contains("record changed: the finding of " + untouched + " (row "));
        assertTrue(out, out.contains("with no discovery run to account for it"));
        assertTrue(out, out.contains("record changed: the decision on " + findings.get(3) + " at rank "));
        assertTrue(out, !out.contains("the register entry of " + changedLater));
    }

    @Test
    public void anotherKeyIsNotTheAnchorKey() throws Exception {
        cli.environment.put("CTEM_ANCHOR_KEY", folder.getRoot().toPath().resolve("other.key").toString());
        assertEquals(3, ctem("log", "verify", "--cycle", CYCLE));
        assertTrue(out, out.contains(CYCLE + ": chain broken: entry 1 was changed and re-hashed: its keyed anchor does"
                + " not match its hash, so it was changed without the anchor key (or the key at hand is not the one"
                + " the log was written with)"));
    }

    // ----- the command and the database -----

    private int ctem(String... words) {
        int status = cli.ctem(today, words);
        out = cli.out;
        return status;
    }

    private String ok(String... words) {
        out = cli.ok(today, words);
        return out;
    }

    private Connection connect() throws SQLException {
        return cli.connect();
    }

    private static String table(String name) {
        return "\"" + PREFIX + name + "\"";
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertTrue(sql, s.executeUpdate() > 0);
        }
    }

    /** The cycle's log as stored, read with plain SQL. */
    private List<LogEntry> chain() throws SQLException {
        List<LogEntry> chain = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT \"SEQ_NO\", \"AT_MILLIS\", \"ACTOR\", \"ACTION\", \"SUBJECT\","
                     + " \"BEFORE_STATE\", \"AFTER_STATE\", \"PREVIOUS_HASH\", \"ENTRY_HASH\" FROM "
                     + table("ACTIVITY_LOG") + " WHERE \"CYCLE_KEY\" = '" + CYCLE + "' ORDER BY \"SEQ_NO\"")) {
            while (rows.next()) {
                chain.add(new LogEntry(CYCLE, rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getString(9)));
            }
        }
        return chain;
    }

    /**
     * What an editor without the key does: changes entry {@code from}'s after-state, re-hashes it and every entry
     * after it so that each links to the one before, and moves the head to the new last hash. The anchors stay as
     * they were, since writing new ones needs the key.
     */
    private void rehashFrom(long from, String after) throws SQLException {
        String previous = null;
        for (LogEntry e : chain()) {
            if (e.sequence() < from) {
                previous = e.hash();
                continue;
            }
            LogEntry changed = new LogEntry(CYCLE, e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                    e.before(), e.sequence() == from ? after : e.after(), previous, "");
            String hash = LogChain.hashOf(changed);
            update("UPDATE " + table("ACTIVITY_LOG") + " SET \"AFTER_STATE\" = ?, \"PREVIOUS_HASH\" = ?,"
                    + " \"ENTRY_HASH\" = ? WHERE \"CHAIN_LINK\" = ?", changed.after(), previous, hash,
                    CYCLE + "#" + e.sequence());
            previous = hash;
        }
        update("UPDATE " + table("LOG_HEAD") + " SET \"HEAD_HASH\" = ? WHERE \"CHAIN_KEY\" = ?", previous, CYCLE);
    }
}
