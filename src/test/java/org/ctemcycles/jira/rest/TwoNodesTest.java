package org.ctemcycles.jira.rest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.Rendezvous;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Two nodes of a Data Center cluster, one database: two composition roots, each with its own connection pool and
 * Active Objects on the same schema, each serving the REST API on its own port, take conflicting requests at the same
 * moment. The interleaving is forced, not hoped for: {@link Rendezvous} holds each request's first conflicting
 * statement until the other request has reached its own, so both transactions are under way together on every run.
 * Raced: advancing the cycle, uploading the same report, uploading two overlapping reports, mobilising the same
 * finding, holding a checkpoint, closing the cycle, handing it over. Each race ends as one of its sequential orders
 * would: one winner, the loser told so (409 {@code conflict} with a message, or the answer the winner already
 * gave), nothing duplicated (runs, findings, register entries, tracker issues, closure summaries, cycles, log
 * entries), and both nodes read the same record afterwards, with every log chain intact.
 *
 * <p>What the nodes share is what Jira keeps cluster-wide: the database, Jira's directory and settings, and the
 * issues the app mobilises into. Nothing else passes between them, which is the point: the code paths raced here
 * hold nothing on a node (ADR 016).
 */
@RunWith(Parameterized.class)
public class TwoNodesTest {

    private static final String CYCLE = "CTEM-1";
    private static final String NEXT = "CTEM-2";
    private static final Path NESSUS = Path.of("demo/reports/nessus-authenticated-2026-10-06.nessus");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final MutableClock clock = MutableClock.on("2026-10-01");
    private final Rendezvous rendezvous = new Rendezvous();
    @Rule
    public final RestHarness one;
    private RestHarness two;
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    public TwoNodesTest(TestDatabase database) {
        one = new RestHarness(database, EmbeddedDatabase.Options.app().withDataSourceWrapper(rendezvous::wrap),
                clock);
    }

    @Before
    public void secondNode() {
        two = one.secondNode(EmbeddedDatabase.Options.app().withDataSourceWrapper(rendezvous::wrap));
    }

    @After
    public void stopSecondNode() {
        clients.shutdownNow();
        two.close();
    }

    @Test
    public void conflictingChangesFromTwoNodesSettleInTheDatabaseWithoutLossOrDuplicate() throws Exception {
        ok(201, one.post("lead", "/cycles", """
                {"key":"CTEM-1","name":"Q4","objective":"Cut exploitable exposure","projectKey":"SEC",
                 "start":"2026-10-01","plannedEnd":"2026-12-31","checkpointIntervalDays":14}"""));
        ok(200, two.put("lead", path("/scope"), "{\"successCriteria\":\"No KEV open past its due date\"}"));
        ok(201, one.post("lead", path("/surfaces"), """
                {"key":"PAYMENTS-API","name":"Payments API","kind":"customer-facing-system","businessOwner":"alice",
                 "criticality":"critical","exposure":"internet-facing","successCriterion":"No exploitable critical",
                 "rules":["host:api.pay.example.com"]}"""));
        ok(201, two.post("lead", path("/surfaces"), """
                {"key":"DATA-PIPELINE","name":"Data pipeline","kind":"regulated-data-flow","businessOwner":"bob",
                 "criticality":"high","exposure":"internal","successCriterion":"Every high finding owned",
                 "rules":["ip:10.20.0.0/16"]}"""));

        // both nodes advance the cycle from Scoping: both read the same revision, one stores the next
        rendezvous.meet("INSERT", "CYCLE_REVISION", 2);
        Race advance = race(() -> one.post("lead", path("/stage"), "{}"), () -> two.post("lead", path("/stage"), "{}"));
        Reply lost = advance.loser(409);
        assertEquals(lost.toString(), "conflict", lost.code());
        assertTrue(lost.body(), message(lost).contains("was changed by someone else")
                || message(lost).contains("someone moved it there first"));
        assertEquals("DISCOVERY", ok(200, advance.winner()).get("to").getAsString());
        assertEquals("the stage moved once", 1, logged("STAGE_ADVANCED"));
        JsonObject cycle = ok(200, one.get("lead", "/cycles/" + CYCLE));
        assertEquals("DISCOVERY", cycle.get("stage").getAsString());
        assertEquals(cycle, ok(200, two.get("lead", "/cycles/" + CYCLE)));

        // two overlapping reports at once (a shard of two scanners each; the payments host in both): both insert the
        // payments host's new findings, one of them first
        clock.setDay("2026-10-06");
        String full = Files.readString(NESSUS);
        String first = withoutHost(full, "10.20.4.23");
        String second = withoutHost(full, "10.20.4.17");
        rendezvous.meet("INSERT", "FINDING", 2);
        Race overlapping = race(() -> upload(one, "shard-1.nessus", first), () -> upload(two, "shard-2.nessus",
                second));
        for (Reply reply : overlapping.replies()) {
            JsonObject file = ok(200, reply).getAsJsonArray("files").get(0).getAsJsonObject();
            assertFalse(reply.body(), file.get("alreadyImported").getAsBoolean());
        }
        List<JsonObject> findings = all(one, path("/findings"));
        Set<String> keys = new TreeSet<>(texts(findings, "key"));
        assertEquals("no finding twice: " + texts(findings, "key"), findings.size(), keys.size());
        JsonObject log4shell = findings.stream().filter(f -> f.toString().contains("CVE-2021-44228")).findFirst()
                .orElseThrow();
        assertEquals("the shared finding has a signal from each shard", 2,
                ok(200, two.get("lead", path("/findings/" + log4shell.get("key").getAsString())))
                        .getAsJsonArray("signals").size());
        assertEquals(2, all(two, path("/runs")).size());
        assertEquals("each run logged once", 2, logged("IMPORTED"));

        // the whole report from both nodes at once: one run; the other answers that it was already imported and logs
        // nothing twice (a run and its intake are one transaction: the loser's run waits for the winner's commit,
        // fails on the report's unique import key, and is retried as a repeat, so the two intakes never race)
        clock.setDay("2026-10-07");
        rendezvous.meet("INSERT", "DISCOVERY_RUN", 2);
        Race same = race(() -> upload(one, "full.nessus", full), () -> upload(two, "full.nessus", full));
        List<Boolean> already = new ArrayList<>();
        for (Reply reply : same.replies()) {
            already.add(ok(200, reply).getAsJsonArray("files").get(0).getAsJsonObject().get("alreadyImported")
                    .getAsBoolean());
        }
        assertEquals("one imported it, the other was told it already was", Set.of(true, false), Set.copyOf(already));
        assertEquals("one run for the report", 3, all(one, path("/runs")).size());
        assertEquals(keys, new TreeSet<>(texts(all(two, path("/findings")), "key")));
        assertEquals("the report's run logged once", 3, logged("IMPORTED"));
        List<JsonObject> register = all(one, path("/register"));
        assertEquals("one register entry per finding", keys, new TreeSet<>(texts(register, "finding")));

        // prioritised and validated, one step on each node: each reads what the other wrote
        ok(200, two.post("lead", path("/stage"), "{}"));
        ok(200, one.post("lead", path("/queue"), "{}"));
        ok(200, two.post("lead", path("/stage"), "{}"));
        String finding = all(one, path("/queue")).get(0).get("key").getAsString();
        ok(200, two.post("lead", path("/validations"), """
                {"finding":"%s","method":"exploit-reproduction","outcome":"exploitable-confirmed"}"""
                .formatted(finding)));
        assertEquals("MOBILISATION", ok(200, one.post("lead", path("/stage"), "{}")).get("to").getAsString());

        // both nodes mobilise the same finding: one tracker issue, one register change
        clock.setDay("2026-10-14");
        String mobilise = """
                {"findings":["%s"],"owner":"dave","deadline":"2026-11-30","verificationStep":"retest"}"""
                .formatted(finding);
        rendezvous.meet("UPDATE", "LOG_HEAD", 2);
        Race mobilised = race(() -> one.post("lead", path("/register/mobilise"), mobilise),
                () -> two.post("lead", path("/register/mobilise"), mobilise));
        Set<String> issues = new TreeSet<>();
        for (Reply reply : mobilised.replies()) {
            if (reply.status() == 200) {
                issues.add(ok(200, reply).getAsJsonArray("items").get(0).getAsJsonObject().get("trackerIssue")
                        .getAsString());
            } else {
                assertEquals(reply.toString(), 409, reply.status());
            }
        }
        assertEquals("the same issue, or a conflict", 1, issues.size());
        assertEquals("one tracker issue", 1, one.tracker.issues().size());
        assertEquals(issues.iterator().next(), entry(two, finding).get("trackerIssue").getAsString());
        assertEquals("one register change", 1, logged("MOBILISED"));

        // both nodes hold the 15 October checkpoint at once: it is held once; the later hold is an extra one
        clock.setDay("2026-10-15");
        rendezvous.meet("UPDATE", "LOG_HEAD", 2);
        Race checkpoints = race(() -> one.post("lead", path("/checkpoints"), "{\"notes\":\"from node one\"}"),
                () -> two.post("lead", path("/checkpoints"), "{\"notes\":\"from node two\"}"));
        List<String> plannedFor = new ArrayList<>();
        for (Reply reply : checkpoints.replies()) {
            JsonElement planned = ok(200, reply).get("plannedFor");
            plannedFor.add(planned.isJsonNull() ? null : planned.getAsString());
        }
        assertTrue("the planned checkpoint is claimed once: " + plannedFor, plannedFor.contains("2026-10-15")
                && plannedFor.contains(null));
        JsonObject schedule = ok(200, two.get("lead", path("/checkpoints")));
        assertEquals("HELD", schedule.getAsJsonArray("planned").get(0).getAsJsonObject().get("status").getAsString());
        assertEquals(2, schedule.getAsJsonArray("held").size());
        assertEquals(2, logged("CHECKPOINT_RECORDED"));

        // everything still open is mobilised; then both nodes close the cycle at once
        List<String> open = texts(all(one, path("/register?status=open")), "finding");
        ok(200, two.post("lead", path("/register/mobilise"), """
                {"findings":%s,"owner":"erin","deadline":"2026-12-15","verificationStep":"rescan"}"""
                .formatted(new Gson().toJson(open))));
        clock.setDay("2026-12-31");
        rendezvous.meet("INSERT", "CYCLE_REVISION", 2);
        Race closing = race(() -> one.post("lead", path("/closure"), "{}"), () -> two.post("lead", path("/closure"),
                "{}"));
        Reply refused = closing.loser(409);
        assertEquals(refused.toString(), "conflict", refused.code());
        JsonObject summary = ok(200, closing.winner());
        assertEquals(summary, ok(200, one.get("auditor", path("/closure"))));
        assertEquals(summary, ok(200, two.get("auditor", path("/closure"))));
        assertEquals("closed once", 1, logged("CYCLE_CLOSED"));

        // both nodes hand the residual queue over to the same new cycle: it is opened once and inherits once
        rendezvous.meet("INSERT", "CYCLE", 2);
        String handover = """
                {"newCycle":{"key":"CTEM-2","name":"Q1","start":"2027-01-01","plannedEnd":"2027-03-31"}}""";
        Race handovers = race(() -> one.post("lead", path("/handover"), handover),
                () -> two.post("lead", path("/handover"), handover));
        Reply late = handovers.replies().stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        assertTrue(late.toString(), late.status() == 409 || late.status() == 400);
        assertTrue(late.body(), message(late).contains(NEXT));
        JsonObject handed = ok(200, handovers.winner());
        assertEquals(summary.getAsJsonArray("carriedOver").size(), handed.get("inherited").getAsInt());
        assertEquals("handed over once", 1, logged("HANDED_OVER"));
        assertEquals(1, ok(200, one.get("lead", "/cycles")).getAsJsonArray("items").asList().stream()
                .filter(c -> c.getAsJsonObject().get("key").getAsString().equals(NEXT)).count());
        List<JsonObject> inherited = all(two, "/cycles/" + NEXT + "/register");
        assertEquals(new TreeSet<>(texts(summary.getAsJsonArray("carriedOver"))),
                new TreeSet<>(texts(inherited, "finding")));
        assertEquals(1, ok(200, one.get("auditor", "/cycles/" + NEXT + "/log")).getAsJsonArray("items").asList()
                .stream().filter(e -> e.getAsJsonObject().get("action").getAsString().equals("RESIDUAL_INHERITED"))
                .count());

        rendezvous.assertMet();
        // no lost update: both nodes read the same record, and every chain verifies
        for (String read : List.of("/cycles/" + CYCLE, path("/scope"), path("/stage"), path("/checkpoints"),
                path("/closure"), path("/cadence"), "/cycles/" + NEXT, "/cycles/" + NEXT + "/scope")) {
            assertEquals(read, ok(200, one.get("auditor", read)), ok(200, two.get("auditor", read)));
        }
        for (String list : List.of(path("/findings"), path("/runs"), path("/register"), path("/queue"),
                path("/validations"), path("/log"), "/cycles/" + NEXT + "/register", "/cycles/" + NEXT + "/log")) {
            assertEquals(list, all(one, list), all(two, list));
        }
        for (String chain : List.of(CYCLE, NEXT)) {
            for (RestHarness node : List.of(one, two)) {
                JsonObject verification = ok(200, node.get("auditor", "/cycles/" + chain + "/log/verification"));
                assertTrue(verification.toString(), verification.get("intact").getAsBoolean());
                assertTrue(verification.toString(), verification.get("firstBreak").isJsonNull());
            }
        }
    }

    // ----- racing two requests -----

    /** The answers of two requests sent at once, one to each node. */
    private record Race(List<Reply> replies) {

        Reply winner() {
            return replies.stream().filter(r -> r.status() == 200).reduce((a, b) -> {
                throw new AssertionError("both won: " + replies);
            }).orElseThrow(() -> new AssertionError("nobody won: " + replies));
        }

        Reply loser(int status) {
            winner();
            return replies.stream().filter(r -> r.status() != 200).findFirst()
                    .filter(r -> r.status() == status)
                    .orElseThrow(() -> new AssertionError("the loser should get " + status + ": " + replies));
        }
    }

    private Race race(Supplier<Reply> onOne, Supplier<Reply> onTwo)
            throws InterruptedException, ExecutionException, TimeoutException {
        Future<Reply> a = clients.submit(onOne::get);
        Future<Reply> b = clients.submit(onTwo::get);
        Race race = new Race(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)));
        rendezvous.assertMet();
        return race;
    }

    // ----- what a client reads -----

    private static String path(String path) {
        return "/cycles/" + CYCLE + path;
    }

    private static Reply upload(RestHarness node, String fileName, String report) {
        return node.send("lead", MultipartBody.post(node.request(path("/imports")),
                new MultipartBody().file(fileName, report.getBytes(StandardCharsets.UTF_8)).bytes()));
    }

    /** The report without one of its hosts. */
    private static String withoutHost(String report, String host) {
        int start = report.indexOf("<ReportHost name=\"" + host + "\">");
        int end = report.indexOf("</ReportHost>", start) + "</ReportHost>\n".length();
        assertTrue(host, start > 0);
        return report.substring(0, start) + report.substring(end);
    }

    private static String message(Reply reply) {
        return reply.json().getAsJsonObject().get("message").getAsString();
    }

    private static JsonObject entry(RestHarness node, String finding) {
        return ok(200, node.get("lead", path("/findings/" + finding))).getAsJsonObject("register");
    }

    /** How many entries of this action the cycle's log holds, as node one reads it. */
    private long logged(String action) {
        return all(one, path("/log")).stream().filter(e -> e.get("action").getAsString().equals(action)).count();
    }

    /** Every item of a paged list as the lead reads it from a node. */
    private static List<JsonObject> all(RestHarness node, String path) {
        List<JsonObject> all = new ArrayList<>();
        String after = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonObject page = ok(200, node.get("lead", path + separator + "limit=100"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))));
            page.getAsJsonArray("items").forEach(i -> all.add(i.getAsJsonObject()));
            after = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
        } while (after != null);
        return all;
    }
}
