package org.ctemcycles.cli;

import org.ctemcycles.cli.embedded.AoTablePrefix;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code ctem cycle} and {@code ctem log} in-process, on an embedded H2 file in a temporary CTEM_HOME, one run per
 * command as a user would type them: a whole cycle from scoping to handover, the log verified, then tampered with.
 */
public class CycleCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final Map<String, String> environment = new HashMap<>();
    private String today = "2026-06-20";
    private String out;
    private String err;

    private int ctem(String... words) {
        environment.put("CTEM_HOME", folder.getRoot().toString());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Ctem ctem = new Ctem(environment, Clock.fixed(LocalDate.parse(today).atTime(9, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        int status = ctem.run(List.of(words), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private void ok(String... words) {
        int status = ctem(words);
        assertEquals(String.join(" ", words) + "\n" + err, 0, status);
    }

    private void scoped() {
        ok("cycle", "create", "--key", "CTEM-2026-Q3", "--name", "Q3 payments", "--start", "2026-07-01", "--end",
                "2026-09-30", "--objective", "Close KEV exposure on payment hosts");
        ok("cycle", "scope", "set", "CTEM-2026-Q3", "--success-criteria", "No KEV older than 14 days on PAY-API");
        ok("cycle", "scope", "add", "CTEM-2026-Q3", "--surface", "PAY-API", "--name", "Payments API", "--kind",
                "customer-facing-system", "--owner", "alice", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "No exploitable KEV at close", "--rule",
                "HOST:api.pay.example.com", "--rule", "URL_PREFIX:https://api.pay.example.com/");
    }

    @Test
    public void aWholeCycleRunsFromTheCommandLineAndTheLogCatchesTampering() throws Exception {
        scoped();
        assertEquals("Surface PAY-API added to CTEM-2026-Q3: Payments API (Customer-facing system, owner alice,"
                + " criticality Critical, Internet-facing, 2 rules)\n", out);
        ok("cycle", "scope", "list", "CTEM-2026-Q3");
        assertTrue(out, out.contains("PAY-API          Customer-facing system   Critical  Internet-facing  alice"));
        assertTrue(out, out.contains("  rule: url:https://api.pay.example.com/"));

        ok("cycle", "advance", "CTEM-2026-Q3");
        assertEquals("CTEM-2026-Q3: Scoping -> Discovery (revision 3)\n", out);

        today = "2026-07-02";
        ok("cycle", "register", "add", "CTEM-2026-Q3", "F-1", "F-2", "F-3");
        assertEquals("3 of 3 findings entered the register of CTEM-2026-Q3\n", out);

        assertEquals(2, ctem("cycle", "advance", "CTEM-2026-Q3"));
        assertEquals("ctem: Prioritisation gate: no discovery run was recorded\n"
                + "ctem: --override: a security lead may pass the Prioritisation gate anyway with --override --reason"
                + " TEXT, which is logged\n", err);
        ok("cycle", "advance", "CTEM-2026-Q3", "--override", "--reason", "scanner runs are recorded by the import");
        assertTrue(out, out.contains("Gate overridden by local:"));
        assertTrue(out, out.contains("  unmet: no discovery run was recorded"));
        ok("cycle", "advance", "CTEM-2026-Q3", "--to", "validation", "--override", "--reason",
                "decisions come from the prioritisation engine");

        ok("cycle", "validate", "CTEM-2026-Q3", "F-1", "--method", "exploit-reproduction", "--outcome",
                "exploitable-confirmed", "--notes", "RCE on staging", "--evidence", "poc/f1.txt", "--evidence",
                "https://wiki.example.com/SEC-42");
        assertEquals("F-1: Exploitable (confirmed) by exploit reproduction; status Open -> Open\n", out);
        ok("cycle", "validate", "CTEM-2026-Q3", "F-2", "--method", "manual-test", "--outcome", "not-exploitable");
        assertTrue(out, out.endsWith("status Open -> False positive\n"));
        ok("cycle", "advance", "CTEM-2026-Q3");
        assertTrue(out, out.contains("Validation -> Mobilisation"));

        ok("cycle", "mobilise", "CTEM-2026-Q3", "F-1", "--owner", "bob", "--deadline", "2026-08-15", "--verify",
                "rerun the nuclei template", "--change", "CHG-1001");
        assertEquals("F-1 mobilised: owner bob, deadline 2026-08-15, tracker issue LOCAL-1\n", out);
        ok("cycle", "mobilise", "CTEM-2026-Q3", "F-3", "--owner", "carol", "--deadline", "2026-08-31", "--verify",
                "config review", "--dependency", "vendor firmware 2.1");
        assertTrue(out, out.endsWith("tracker issue LOCAL-2\n"));
        ok("cycle", "status", "CTEM-2026-Q3", "F-1", "--to", "resolved");
        ok("cycle", "validate", "CTEM-2026-Q3", "F-1", "--method", "retest", "--outcome", "retest-passed");
        assertTrue(out, out.endsWith("status Resolved -> Verified\n"));
        ok("cycle", "register", "list", "CTEM-2026-Q3");
        assertTrue(out, out.contains("F-3                      Open            carol            2026-08-31 LOCAL-2"));

        today = "2026-07-15";
        ok("cycle", "checkpoint", "CTEM-2026-Q3", "--notes", "on track");
        assertTrue(out, out.startsWith("Checkpoint of CTEM-2026-Q3 held on 2026-07-15 (planned for 2026-07-15)\n"));
        assertTrue(out, out.contains("findings: 3 discovered, 0 prioritised, 2 validated, 2 mobilised, 2 closed"));

        today = "2026-08-20";
        ok("cycle", "checkpoints", "CTEM-2026-Q3");
        assertTrue(out, out.contains("  2026-07-15  held on 2026-07-15\n  2026-07-29  missed\n  2026-08-12  missed\n"
                + "  2026-08-26  upcoming\n"));
        assertTrue(out, out.contains("Held: 1; missed: 2"));
        ok("cycle", "show", "CTEM-2026-Q3");
        assertTrue(out, out.contains("Missed checkpoints:  2"));
        assertTrue(out, out.contains("Next gate:           Closed: criteria met"));

        today = "2026-09-30";
        ok("cycle", "close", "CTEM-2026-Q3");
        assertTrue(out, out.contains("Delivered (verified):   1 (F-1)\n"));
        assertTrue(out, out.contains("False positives:        1 (F-2)\n"));
        assertTrue(out, out.contains("Carried over:           1 (F-3) (of which 0 risk accepted)\n"));
        assertTrue(out, out.contains("checkpoints planned 6, held 1, missed 5"));

        ok("cycle", "handover", "CTEM-2026-Q3", "--new-key", "CTEM-2026-Q4", "--name", "Q4 payments", "--start",
                "2026-10-01", "--end", "2026-12-31", "--carry-scope");
        assertEquals("CTEM-2026-Q3 handed over to CTEM-2026-Q4 (Scoping): 1 findings inherited, 1 surfaces carried"
                + " into its scope, 0 recommended items taken\n", out);
        ok("cycle", "register", "list", "CTEM-2026-Q4");
        assertTrue(out, out.contains("F-3                      Open            carol            2026-08-31 LOCAL-2"
                + "    CTEM-2026-Q3"));
        ok("cycle", "show", "CTEM-2026-Q4");
        assertTrue(out, out.contains("Inherits from:       CTEM-2026-Q3"));
        assertTrue(out, out.contains("Surfaces:            1"));

        ok("log", "verify");
        assertTrue(out, out.matches("CTEM-2026-Q3: \\d+ entries, chain intact, keyed anchor verified \\(key"
                + " [0-9a-f]{12}\\)\nCTEM-2026-Q3: 2 record digests verified \\(the checkpoint of 2026-07-15, the"
                + " closure on 2026-09-30\\)\nCTEM-2026-Q3: evidence pack frozen at closure verified \\(html, json\\)"
                + "\nCTEM-2026-Q4: \\d+ entries, chain intact, keyed anchor verified"
                + " \\(key [0-9a-f]{12}\\)\nCTEM-2026-Q4: no record digest yet\n"));

        String table = "\"" + new AoTablePrefix(EmbeddedDatabase.PLUGIN_KEY).value() + "ACTIVITY_LOG\"";
        sql("UPDATE " + table + " SET \"ACTOR\" = 'mallory' WHERE \"CHAIN_LINK\" = 'CTEM-2026-Q3#7'");
        assertEquals(3, ctem("log", "verify", "--cycle", "ctem-2026-q3"));
        assertEquals("CTEM-2026-Q3: chain broken: entry 7 was edited: its content no longer matches its hash\n"
                + "CTEM-2026-Q3: 2 record digests verified (the checkpoint of 2026-07-15, the closure on 2026-09-30)\n"
                + "CTEM-2026-Q3: evidence pack frozen at closure verified (html, json)\n", out);
        sql("DELETE FROM " + table + " WHERE \"CHAIN_LINK\" = 'CTEM-2026-Q4#2'");
        assertEquals(3, ctem("log", "verify"));
        assertTrue(out, out.contains("CTEM-2026-Q4: chain broken: entry 2 was deleted: "));

        // the pack frozen at closure, byte for byte, and a changed stored byte found by the log's verification
        Path frozen = folder.getRoot().toPath().resolve("frozen");
        ok("report", "--cycle", "CTEM-2026-Q3", "--out", frozen.toString(), "--frozen");
        String json = sha256(Files.readAllBytes(frozen.resolve("evidence-pack.json")));
        assertTrue(out, out.startsWith("Evidence pack of CTEM-2026-Q3 as frozen at closure on 2026-09-30T09:00:00Z"
                + " written to "));
        assertTrue(out, out.contains("  evidence-pack.json     SHA-256 " + json + " ("));
        assertTrue(out, out.contains("  evidence-pack.html     SHA-256 "
                + sha256(Files.readAllBytes(frozen.resolve("evidence-pack.html"))) + " ("));
        assertTrue(Files.readString(frozen.resolve("evidence-pack.json")).contains("\"closedAt\""));
        assertEquals(2, ctem("report", "--cycle", "CTEM-2026-Q4", "--out", frozen.toString(), "--frozen"));
        assertTrue(err, err.startsWith("ctem: --frozen: cycle CTEM-2026-Q4 has no evidence pack frozen at closure"));
        sql("UPDATE \"" + new AoTablePrefix(EmbeddedDatabase.PLUGIN_KEY).value() + "FROZEN_CHUNK\" SET \"PIECE\""
                + " = REPLACE(\"PIECE\", 'Q3 payments', 'Q3 paymentz') WHERE \"REPORT_KEY\" = 'CTEM-2026-Q3#json'");
        assertEquals(3, ctem("log", "verify", "--cycle", "CTEM-2026-Q3"));
        assertTrue(out, out.contains("CTEM-2026-Q3: frozen evidence pack changed: the frozen json was changed: its"
                + " stored bytes hash to "));
        assertTrue(out, out.contains("the closure committed " + json + " ("));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    public void badInputIsNamedByItsOptionAndNothingIsStored() {
        scoped();
        assertEquals(2, ctem("cycle", "scope", "add", "CTEM-2026-Q3", "--surface", "HR", "--name", "HR", "--kind",
                "mainframe", "--criticality", "urgent", "--rule", "PORT:22"));
        assertEquals("ctem: --kind: 'mainframe' is not one of business-process, customer-facing-system,"
                + " regulated-data-flow, third-party-connection, identity-surface\n"
                + "ctem: --criticality: 'urgent' is not one of critical, high, medium, low\n"
                + "ctem: --rule [1]: 'PORT:22' does not start with a rule kind: write KIND:PATTERN with KIND one of"
                + " host, ip, url, repo, image, cloud (for example host:*.example.com or ip:10.0.0.0/8)\n", err);
        ok("cycle", "scope", "list", "CTEM-2026-Q3");
        assertTrue("only the first surface", !out.contains("HR"));

        assertEquals(2, ctem("cycle", "advance", "CTEM-2026-Q3", "--reason", "why not"));
        assertEquals("ctem: --reason: goes with --override\n", err);
        assertEquals(2, ctem("cycle", "advance", "CTEM-2026-Q3", "--to", "closed"));
        assertTrue(err, err.contains("a cycle is closed by closing it"));
        assertEquals(2, ctem("cycle", "mobilise", "CTEM-2026-Q3", "F-9", "--owner", "bob", "--deadline", "soon"));
        assertEquals("ctem: --deadline: 'soon' is not a date of the form YYYY-MM-DD\n"
                + "ctem: --verify: is required\n", err);
        assertEquals(2, ctem("cycle", "validate", "CTEM-2026-Q3", "F-9", "--method", "retest", "--outcome",
                "retest-passed"));
        assertEquals("ctem: finding 'F-9' is not in the register of cycle CTEM-2026-Q3\n", err);
        assertEquals(2, ctem("cycle", "launch", "CTEM-2026-Q3"));
        assertEquals("ctem: cycle launch: is not a subcommand (see ctem --help)\n", err);
        assertEquals(2, ctem("log", "verify", "--cycle", "NOPE"));
        assertEquals("ctem: no CTEM cycle with key 'NOPE'\n", err);
    }

    @Test
    public void onlyASecurityLeadOverridesAGate() {
        scoped();
        ok("cycle", "advance", "CTEM-2026-Q3");
        environment.put("CTEM_SECURITY_LEADS", "JIRAUSER10100, JIRAUSER10200");
        assertEquals(2, ctem("cycle", "advance", "CTEM-2026-Q3", "--override", "--reason", "urgent"));
        assertTrue(err, err.startsWith("ctem: --override: only a security lead may override a stage gate; local:"));
        ok("cycle", "show", "CTEM-2026-Q3");
        assertTrue(out, out.contains("Stage:               Discovery"));
    }

    @Test
    public void riskAcceptanceExpiresThroughTheScheduledCheck() {
        scoped();
        ok("cycle", "register", "add", "CTEM-2026-Q3", "F-1");
        ok("cycle", "accept-risk", "CTEM-2026-Q3", "F-1", "--owner", "carol", "--control", "WAF rule 9001",
                "--expiry", "2026-07-31");
        assertEquals("F-1: risk accepted by carol until 2026-07-31\n", out);
        today = "2026-08-01";
        ok("cycle", "expire-acceptances");
        assertEquals("1 expired risk acceptance reactivated\n  F-1 in CTEM-2026-Q3: reopened\n", out);
        ok("cycle", "history", "F-1");
        assertTrue(out, out.contains("  in CTEM-2026-Q3: Reopened"));
        assertTrue(out, out.contains("Risk acceptance expired by local:"));
    }

    @Test
    public void surfacesLiveInTheDatabaseAndTheLocalTrackerBesideIt() throws Exception {
        scoped();
        java.nio.file.Path ports = folder.getRoot().toPath().resolve("ctem.ports.json");
        assertTrue("surfaces are not in the tracker's side file",
                !Files.exists(ports) || !Files.readString(ports).contains("PAY-API"));
        ok("surfaces", "list", "--cycle", "CTEM-2026-Q3");
        assertTrue("discovery sees the scoped surface: " + out, out.contains("PAY-API"));
        ok("log", "show", "CTEM-2026-Q3");
        assertTrue(out, out.startsWith("#1 "));
        assertTrue(out, out.contains("Surface added surface:PAY-API"));
    }

    private void sql(String statement) throws Exception {
        String url = EmbeddedDatabase.h2FileUrl(folder.getRoot().toPath().resolve("ctem"));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            assertEquals(statement, 1, s.executeUpdate(statement));
        }
    }

    @Test
    public void theLocalTrackerWorksBothWaysBetweenRuns() {
        scoped();
        ok("cycle", "advance", "CTEM-2026-Q3");
        today = "2026-07-02";
        ok("cycle", "register", "add", "CTEM-2026-Q3", "F-1", "F-2");
        ok("cycle", "mobilise", "CTEM-2026-Q3", "F-1", "F-2", "--owner", "bob", "--deadline", "2026-08-15",
                "--verify", "rescan");
        ok("cycle", "tracker", "move", "CTEM-2026-Q3", "LOCAL-1", "--to", "done");
        assertTrue(out, out.startsWith("LOCAL-1 is now Done"));
        assertTrue(out, out.contains("CTEM-2026-Q3: 2 linked entries checked, 1 repaired"));
        assertTrue(out, out.contains("F-1 LOCAL-1 (status): Open to Resolved"));
        ok("cycle", "tracker", "move", "CTEM-2026-Q3", "LOCAL-2", "--to", "done", "--resolution", "Won't Fix");
        assertTrue(out, out.contains("F-2 LOCAL-2 (decision-needed)"));
        ok("cycle", "tracker", "delete", "CTEM-2026-Q3", "LOCAL-2");
        assertTrue(out, out.contains("F-2 LOCAL-2 (deleted)"));
        ok("cycle", "reconcile", "CTEM-2026-Q3");
        assertEquals("CTEM-2026-Q3: 1 linked entries checked, 0 repaired\n", out);
        ok("cycle", "register", "list", "CTEM-2026-Q3");
        assertTrue(out, out.contains("Resolved"));
        assertEquals(2, ctem("cycle", "tracker", "move", "CTEM-2026-Q3", "LOCAL-1", "--to", "shipped"));
        assertTrue(err, err.contains("--to"));
    }
}
