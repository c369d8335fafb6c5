package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.cli.embedded.AoTablePrefix;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * One whole CTEM cycle through the {@code ctem} command, as a security lead would type it, with the demo's scanner
 * reports and feeds: scope, import, prioritise, validate, mobilise into the local tracker, checkpoint, close, hand
 * over; the next cycle starts with the residual queue; its evidence pack holds every item; editing or deleting a log
 * row is then detected. No gate is overridden: discovery runs, the register and the decisions feed them. On H2 (the
 * default CTEM_HOME database file) and on PostgreSQL ({@code --db} a JDBC URL).
 */
@RunWith(Parameterized.class)
public class CycleEndToEndTest {

    private static final String Q4 = "CTEM-2026-Q4";
    private static final String Q1 = "CTEM-2027-Q1";

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
    private String err;

    public CycleEndToEndTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void home() {
        cli = new CommandLine(database, folder.getRoot().toPath());
    }

    @After
    public void drop() throws Exception {
        cli.close();
    }

    private int ctem(String... words) {
        int status = cli.ctem(today, words);
        out = cli.out;
        err = cli.err;
        return status;
    }

    private String ok(String... words) {
        out = cli.ok(today, words);
        err = cli.err;
        return out;
    }

    /** The finding keys of the queue, highest first. */
    private List<String> queue(String cycle) {
        List<String> keys = new ArrayList<>();
        for (String line : ok("cycle", "queue", cycle, "--json").split("\n")) {
            keys.add(JsonParser.parseString(line).getAsJsonObject().get("key").getAsString());
        }
        return keys;
    }

    private JsonObject decision(String cycle, String finding) {
        for (String line : ok("cycle", "queue", cycle, "--json").split("\n")) {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            if (json.get("key").getAsString().equals(finding)) {
                return json;
            }
        }
        throw new AssertionError(finding + " is not in the queue of " + cycle);
    }

    @Test
    public void aWholeCycleRunsEndToEndAndTheNextStartsWithTheResidualQueue() throws Exception {
        today = "2026-10-01";
        ok("cycle", "create", "--key", Q4, "--name", "Q4 payments and identity", "--start", "2026-10-01", "--end",
                "2026-12-31", "--objective", "Cut exploitable exposure on payment and identity surfaces",
                "--checkpoint-days", "14");
        ok("cycle", "scope", "set", Q4, "--success-criteria", "No KEV-listed exposure open past its due date");
        ok("cycle", "scope", "add", Q4, "--surface", "PAYMENTS-API", "--name", "Payments API", "--kind",
                "customer-facing-system", "--owner", "alice", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "No exploitable critical at close",
                "--rule", "host:*.pay.example.com", "--rule", "host:api.pay.example.com",
                "--rule", "url:https://api.pay.example.com/", "--rule", "image:registry.example.com/payments/*");
        ok("cycle", "scope", "add", Q4, "--surface", "DATA-PIPELINE", "--name", "Customer data pipeline", "--kind",
                "regulated-data-flow", "--owner", "bob", "--criticality", "high", "--exposure", "internal",
                "--success-criterion", "Every high code finding owned", "--rule", "ip:10.20.0.0/16",
                "--rule", "repo:https://github.com/example/data-pipeline");
        ok("cycle", "scope", "add", Q4, "--surface", "WORKFORCE-IDENTITY", "--name", "Workforce identity", "--kind",
                "identity-surface", "--owner", "carol", "--criticality", "critical", "--exposure", "internet-facing",
                "--success-criterion", "VPN and SSO patched within KEV due dates", "--rule", "host:sso.example.com",
                "--rule", "host:vpn.example.com", "--rule", "url:https://sso.example.com/",
                "--rule", "url:https://vpn.example.com/");
        assertEquals(2, ctem("cycle", "advance", Q4, "--to", "prioritisation"));
        ok("cycle", "advance", Q4);
        assertEquals(Q4 + ": Scoping -> Discovery (revision 3)\n", out);

        today = "2026-10-09";
        ok("import", "--cycle", Q4, "demo/reports/nessus-authenticated-2026-10-06.nessus",
                "demo/reports/trivy-payments-api-1.4.2.json", "demo/reports/zap-payments-api-2026-10-08.json",
                "demo/reports/codeql-data-pipeline.sarif", "demo/reports/nuclei-identity-edge.jsonl",
                "demo/reports/vex-payments-api-1.4.2.cdx.json");
        String[] lines = out.split("\n");
        assertEquals(7, lines.length);
        int enrolled = 0;
        for (int i = 0; i < 6; i++) {
            JsonObject line = JsonParser.parseString(lines[i]).getAsJsonObject();
            assertTrue(lines[i], !line.has("error"));
            enrolled += line.getAsJsonObject("register").get("enrolled").getAsInt();
        }
        String register = ok("cycle", "register", "list", Q4);
        int registered = register.split("\n").length - 1;
        assertEquals("every in-scope finding entered the register", enrolled, registered);
        String outOfScope = ok("findings", "list", "--cycle", Q4, "--out-of-scope").split("\n")[1];
        assertTrue(outOfScope, outOfScope.contains("sftp.partners.example.com"));
        assertTrue("an out-of-scope finding stays out of the register",
                !register.contains(outOfScope.split(" +")[1]));
        ok("feeds", "load", "--epss", "demo/feeds/epss_scores-2026-10-09.csv", "--kev",
                "demo/feeds/known_exploited_vulnerabilities.json");

        today = "2026-10-10";
        assertEquals(2, ctem("cycle", "advance", Q4, "--to", "validation"));
        ok("cycle", "advance", Q4);
        assertTrue(out, out.contains("Discovery -> Prioritisation"));
        assertEquals(2, ctem("cycle", "advance", Q4));
        assertTrue(err, err.contains("findings have no priority decision"));
        ok("cycle", "prioritise", Q4);
        List<String> queue = queue(Q4);
        assertEquals(registered, queue.size());
        JsonObject top = decision(Q4, queue.get(0));
        assertEquals("CRITICAL", top.get("tier").getAsString());
        assertTrue(top.toString(), top.toString().contains("CISA KEV"));
        ok("cycle", "advance", Q4);
        assertTrue(out, out.contains("Prioritisation -> Validation"));

        today = "2026-10-13";
        String confirmed = queue.get(0);
        String refuted = queue.get(queue.size() - 1);
        double refutedBefore = decision(Q4, refuted).get("score").getAsDouble();
        assertEquals(2, ctem("cycle", "advance", Q4));
        assertTrue(err, err.contains("no finding has a validation record"));
        ok("cycle", "validate", Q4, confirmed, "--method", "exploit-reproduction", "--outcome",
                "exploitable-confirmed", "--notes", "JNDI lookup reproduced from the internet", "--evidence",
                "PENTEST-2026-42");
        ok("cycle", "validate", Q4, refuted, "--method", "attack-path-analysis", "--outcome", "not-exploitable",
                "--notes", "no path from any entry point");
        assertTrue(out, out.contains("-> False positive"));
        ok("cycle", "prioritise", Q4);
        assertTrue("a refuted finding drops in the next prioritisation",
                decision(Q4, refuted).get("score").getAsDouble() < refutedBefore);
        ok("cycle", "advance", Q4);
        assertTrue(out, out.contains("Validation -> Mobilisation"));

        today = "2026-10-15";
        queue = queue(Q4);
        List<String> residual = new ArrayList<>();
        for (String line : ok("cycle", "register", "list", Q4).split("\n")) {
            if (line.startsWith("F-") && line.contains(" Open ")) {
                residual.add(line.substring(0, line.indexOf(' ')));
            }
        }
        assertEquals("mobilising several findings is all or none", 2, ctem("cycle", "mobilise", Q4, residual.get(1),
                refuted, "--owner", "dave", "--deadline", "2026-11-30", "--verify", "retest"));
        assertTrue(err, err.contains("finding " + refuted + " is False positive"));
        assertTrue("no tracker issue was opened", !ok("cycle", "register", "list", Q4).contains("LOCAL-"));
        List<String> mobilise = new ArrayList<>(List.of("cycle", "mobilise", Q4));
        mobilise.addAll(residual.subList(1, residual.size()));
        mobilise.addAll(List.of("--owner", "dave", "--deadline", "2026-11-30", "--verify",
                "rescan the surface and retest", "--change", "CHG-2026-1001"));
        ok(mobilise.toArray(String[]::new));
        assertEquals(residual.size() - 1, out.lines().filter(line -> line.startsWith("F-")).count());
        ok("cycle", "accept-risk", Q4, residual.get(0), "--owner", "alice", "--control",
                "WAF rule 942100 blocks the vector", "--expiry", "2027-03-31");
        ok("cycle", "checkpoint", Q4, "--notes", "first checkpoint: all residual findings owned");
        assertTrue(out, out.contains("held on 2026-10-15 (planned for 2026-10-15)"));
        assertTrue(out, out.contains(registered + " discovered, " + registered + " prioritised, 2 validated"));

        today = "2026-11-20";
        ok("cycle", "status", Q4, confirmed, "--to", "resolved");
        ok("cycle", "validate", Q4, confirmed, "--method", "retest", "--outcome", "retest-passed");
        assertTrue(out, out.contains("status Resolved -> Verified\nNote: 1 finding was validated after this queue was"
                + " ranked (" + confirmed + "): its factors predate the validation. Prioritise again: ctem cycle"
                + " prioritise " + Q4 + "\n"));
        ok("import", "--cycle", Q4, "demo/reports/nessus-authenticated-2026-10-06.nessus",
                "demo/reports/trivy-payments-api-1.4.2.json");
        assertTrue(out, out.contains("\"alreadyImported\":true"));
        assertTrue("re-importing an old report does not replay what it saw: " + out,
                ok("cycle", "register", "list", Q4).lines().anyMatch(l -> l.startsWith(confirmed)
                        && l.contains("Verified")));

        today = "2026-12-31";
        ok("cycle", "close", Q4);
        assertTrue(out, out.contains("Delivered (verified):   1 (" + confirmed + ")\n"));
        assertTrue(out, out.contains("False positives:        1 (" + refuted + ")\n"));
        int carried = registered - 2;
        assertTrue(out, out.contains("Carried over:           " + carried + " ("));
        assertTrue(out, out.contains("(of which 1 risk accepted)"));

        assertTrue(out, out.contains("Recommended next-cycle scope of " + Q4 + ": 11 items\n"));
        ok("cycle", "recommend", Q4);
        assertTrue(out, out.contains("   1. Residual queue                 PAYMENTS-API: 9 findings carried over: 8"
                + " needing work, 1 accepted risks to watch, 8 past their deadline\n"));
        assertTrue(out, out.contains("   8. Stale coverage                 PAYMENTS-API: last covered on 2026-10-09, 83"
                + " days before closure (stale after 30)\n"));
        assertTrue(out, out.contains("  11. Asset outside every scope rule host:sftp.partners.example.com: 1 findings"
                + " on 1 assets no scope rule matched, last seen 2026-10-09\n"));
        ok("cycle", "handover", Q4, "--new-key", Q1, "--name", "Q1 payments and identity", "--start", "2027-01-01",
                "--end", "2027-03-31", "--carry-scope", "--take", "11");
        assertEquals(Q4 + " handed over to " + Q1 + " (Scoping): " + carried + " findings inherited, 3 surfaces"
                + " carried into its scope, 1 recommended items taken\n", out);
        ok("cycle", "recommend", Q4, "--take", "1,8");
        assertTrue(out, out.startsWith("2 items taken into " + Q1 + "\n"));
        assertTrue(out, out.contains("host:sftp.partners.example.com: 1 findings on 1 assets no scope rule matched,"
                + " last seen 2026-10-09 [taken into " + Q1 + " by local:root]\n"));
        assertEquals(3, out.lines().filter(l -> l.contains("[taken into")).count());
        assertEquals(2, ctem("cycle", "recommend", Q4, "--take", "8,12"));
        assertTrue(err, err.contains("item 8 was already taken into " + Q1));
        assertTrue(err, err.contains("recommended no item 12 (items 1 to 11)"));
        ok("cycle", "scope", "list", Q1);
        assertTrue(out, out.contains("NEW-SFTP-PARTNERS-EXAMPLE-COM"));
        ok("cycle", "register", "list", Q1);
        assertEquals(carried, out.split("\n").length - 1);
        assertTrue(out, out.contains(Q4));
        assertTrue(out, !out.contains(confirmed) && !out.contains(refuted));
        ok("cycle", "show", Q1);
        assertTrue(out, out.contains("Inherits from:       " + Q4));
        assertEquals(2, ctem("import", "--cycle", Q4, "demo/reports/nuclei-identity-edge.jsonl"));
        assertTrue(err, err.contains("is closed"));

        ok("report", "--cycle", Q4, "--out", folder.getRoot().toPath().resolve("pack").toString());
        assertTrue(out, out.contains("Evidence items present: 9 of 9"));

        ok("log", "verify");
        assertTrue(out, out.matches(Q4 + ": \\d+ entries, chain intact, keyed anchor verified \\(key [0-9a-f]{12}\\)\n"
                + Q4 + ": 2 record digests verified \\(the checkpoint of 2026-10-15, the closure on 2026-12-31\\)\n"
                + Q4 + ": evidence pack frozen at closure verified \\(html, json\\)\n"
                + Q1 + ": \\d+ entries, chain intact, keyed anchor verified \\(key [0-9a-f]{12}\\)\n"
                + Q1 + ": no record digest yet\n"));
        ok("log", "show", Q4);
        assertTrue(out, out.contains("Discovery output imported"));
        assertTrue(out, out.contains("Priority decision recorded"));

        String table = "\"" + new AoTablePrefix(EmbeddedDatabase.PLUGIN_KEY).value() + "ACTIVITY_LOG\"";
        sql("UPDATE " + table + " SET \"ACTOR\" = 'mallory' WHERE \"CHAIN_LINK\" = '" + Q4 + "#9'");
        assertEquals(3, ctem("log", "verify", "--cycle", Q4));
        assertTrue(out, out.startsWith(Q4 + ": chain broken: entry 9 was edited: its content no longer matches its"
                + " hash\n"));
        sql("DELETE FROM " + table + " WHERE \"CHAIN_LINK\" = '" + Q1 + "#2'");
        assertEquals(3, ctem("log", "verify"));
        assertTrue(out, out.contains(Q1 + ": chain broken: entry 2 was deleted: "));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = cli.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
