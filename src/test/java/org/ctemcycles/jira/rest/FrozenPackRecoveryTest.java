package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.KEY;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * The evidence pack is frozen after the closure commits (ADR 084), over real HTTP on both databases: a freeze that
 * fails leaves the cycle closed and its pack "unfinished" (the log verification says so); an attempt that died
 * holding the claim, with pieces half-stored, blocks a retry until its lease lapses; the retry then removes what was
 * half-stored and freezes once; two nodes finishing the same freeze at the same moment freeze it once; and the
 * REST API's log verification re-hashes the frozen pack as {@code ctem log verify} does, naming a changed, missing
 * or uncommitted rendering.
 */
@RunWith(Parameterized.class)
public class FrozenPackRecoveryTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final MutableClock clock = MutableClock.on("2026-07-02");
    private final Rendezvous rendezvous = new Rendezvous();
    @Rule
    public final RestHarness api;
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    public FrozenPackRecoveryTest(TestDatabase database) {
        api = new RestHarness(database, EmbeddedDatabase.Options.app().withDataSourceWrapper(rendezvous::wrap),
                clock);
    }

    @Before
    public void aCycleReadyToClose() throws Exception {
        RecordApi record = new RecordApi(api).scoped();
        record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
        record.advanceTo("MOBILISATION");
        clock.setDay("2026-09-30");
    }

    @After
    public void stopClients() {
        clients.shutdownNow();
    }

    @Test
    public void anInterruptedFreezeIsFinishedOnceByARetryAndTheChainVerifies() throws Exception {
        // the freeze cannot store its renderings' rows: the closure still commits, and the pack is not yet frozen
        sql("ALTER TABLE " + table("FROZEN_REPORT") + " ADD CONSTRAINT CTEM_TEST_NO_FREEZE CHECK (\"CHUNKS\" < 0)");
        Reply failed = api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}");
        assertNotEquals(failed.toString(), 200, failed.status());
        assertEquals("the closure committed", "CLOSED",
                ok(200, api.get("lead", "/cycles/" + KEY)).get("stage").getAsString());
        assertEquals(1, logged(LogAction.CYCLE_CLOSED));
        assertEquals("nothing frozen, nothing logged as frozen", 0, logged(LogAction.REPORT_FROZEN));
        assertEquals("and nothing half-stored left by the failed attempt", 0, count("FROZEN_CHUNK", ""));
        assertEquals(404, download(BASE + "/evidence.json?frozen=true").statusCode());
        JsonObject unfinished = ok(200, api.get("auditor", BASE + "/log/verification"));
        assertEquals("unfinished", unfinished.getAsJsonObject("frozenPack").get("state").getAsString());
        assertTrue("not frozen yet is no breach", unfinished.get("intact").getAsBoolean());
        sql("ALTER TABLE " + table("FROZEN_REPORT") + " DROP CONSTRAINT CTEM_TEST_NO_FREEZE");

        // then a node dies while it freezes: its claim stays, with pieces of both renderings half-stored
        sql("UPDATE " + table("FROZEN_CLAIM") + " SET \"ATTEMPT\" = 'dead0000', \"CLAIMED_AT_MILLIS\" = "
                + clock.instant().toEpochMilli() + " WHERE \"CYCLE_KEY\" = '" + KEY + "'");
        for (String piece : List.of(KEY + "#json", KEY + "#html")) {
            sql("INSERT INTO " + table("FROZEN_CHUNK") + " (\"REPORT_KEY\", \"SEQ\", \"PIECE\") VALUES ('" + piece
                    + "', 0, '{\"half')");
        }
        Reply held = api.post("lead", BASE + "/closure", "{}");
        assertEquals(held.toString(), 409, held.status());
        assertTrue(held.body(), held.body().contains("is being frozen by another request"));

        // its lease lapses: the retry removes what it half-stored and freezes the pack once
        clock.advance(Duration.ofMinutes(11));
        JsonObject summary = ok(200, api.post("lead", BASE + "/closure", "{}"));
        assertEquals(summary, ok(200, api.get("auditor", BASE + "/closure")));
        assertEquals(1, logged(LogAction.REPORT_FROZEN));
        assertEquals("closed once", 1, logged(LogAction.CYCLE_CLOSED));
        assertFrozenOnceAndIntact();
        JsonObject verified = ok(200, api.get("auditor", BASE + "/log/verification"));
        assertTrue(verified.toString(), verified.get("intact").getAsBoolean());
        assertEquals("frozen", verified.getAsJsonObject("frozenPack").get("state").getAsString());
        assertEquals("[\"html\",\"json\"]", verified.getAsJsonObject("frozenPack").get("verified").toString());

        Reply again = api.post("lead", BASE + "/closure", "{}");
        assertEquals(again.toString(), 400, again.status());
        assertTrue(again.body(), again.body().contains("is already closed"));
        assertEquals(1, logged(LogAction.REPORT_FROZEN));
    }

    @Test
    public void twoNodesFinishingTheSameFreezeAtOnceFreezeItOnce() throws Exception {
        sql("ALTER TABLE " + table("FROZEN_REPORT") + " ADD CONSTRAINT CTEM_TEST_NO_FREEZE CHECK (\"CHUNKS\" < 0)");
        assertEquals(500, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}")
                .status());
        assertEquals("CLOSED", ok(200, api.get("lead", "/cycles/" + KEY)).get("stage").getAsString());
        sql("ALTER TABLE " + table("FROZEN_REPORT") + " DROP CONSTRAINT CTEM_TEST_NO_FREEZE");

        RestHarness two = api.secondNode(EmbeddedDatabase.Options.app().withDataSourceWrapper(rendezvous::wrap));
        try {
            // both take the claim at the same moment: both reach the compare-and-set delete before either goes on
            rendezvous.meet("DELETE", "FROZEN_CLAIM", 2);
            Future<Reply> a = clients.submit(() -> api.post("lead", BASE + "/closure", "{}"));
            Future<Reply> b = clients.submit(() -> two.post("lead", BASE + "/closure", "{}"));
            List<Reply> replies = List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS));
            rendezvous.assertMet();
            assertEquals(replies.toString(), 1, replies.stream().filter(r -> r.status() == 200).count());
            Reply lost = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertEquals(lost.toString(), 409, lost.status());
            assertEquals(1, logged(LogAction.REPORT_FROZEN));
            assertFrozenOnceAndIntact();
            for (RestHarness node : List.of(api, two)) {
                JsonObject verified = ok(200, node.get("auditor", BASE + "/log/verification"));
                assertTrue(verified.toString(), verified.get("intact").getAsBoolean());
                assertEquals("frozen", verified.getAsJsonObject("frozenPack").get("state").getAsString());
            }
        } finally {
            two.close();
        }
    }

    @Test
    public void theLogVerificationOverHttpNamesAChangedMissingOrUncommittedRendering() throws Exception {
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
        JsonObject intact = ok(200, api.get("auditor", BASE + "/log/verification"));
        assertTrue(intact.toString(), intact.get("intact").getAsBoolean());
        assertEquals("[\"html\",\"json\"]", intact.getAsJsonObject("frozenPack").get("verified").toString());
        assertEquals("[]", intact.getAsJsonObject("frozenPack").get("breaches").toString());
        assertTrue(intact.getAsJsonObject("records").get("intact").getAsBoolean());

        // a changed byte in the JSON's pieces
        sql("UPDATE " + table("FROZEN_CHUNK") + " SET \"PIECE\" = \"PIECE\" || ' ' WHERE \"REPORT_KEY\" = '" + KEY
                + "#json'");
        JsonObject changed = ok(200, api.get("auditor", BASE + "/log/verification"));
        assertFalse(changed.get("intact").getAsBoolean());
        assertTrue("the chain itself is intact", changed.get("firstBreak").isJsonNull());
        assertEquals("[\"html\"]", changed.getAsJsonObject("frozenPack").get("verified").toString());
        String breach = changed.getAsJsonObject("frozenPack").getAsJsonArray("breaches").get(0).getAsString();
        assertTrue(breach, breach.startsWith("the frozen json was changed: its stored bytes hash to "));
        assertEquals("ctem log verify judges it by the same code", List.of(breach),
                api.services().record().verification().verify(KEY).frozenPack().breaches());

        // the HTML's row gone
        sql("DELETE FROM " + table("FROZEN_REPORT") + " WHERE \"REPORT_KEY\" = '" + KEY + "#html'");
        List<String> breaches = texts(ok(200, api.get("auditor", BASE + "/log/verification"))
                .getAsJsonObject("frozenPack"));
        assertTrue(breaches.toString(), breaches.contains("the frozen html committed at closure is missing"));

        // a rendering stored that no REPORT_FROZEN entry committed
        sql("INSERT INTO " + table("FROZEN_REPORT") + " (\"REPORT_KEY\", \"CYCLE_KEY\", \"RENDERING\","
                + " \"FROZEN_AT_MILLIS\", \"SHA256\", \"BYTE_LENGTH\", \"CHUNKS\") VALUES ('" + KEY + "#csv', '" + KEY
                + "', 'csv', 0, '" + "0".repeat(64) + "', 0, 0)");
        breaches = texts(ok(200, api.get("auditor", BASE + "/log/verification")).getAsJsonObject("frozenPack"));
        assertTrue(breaches.toString(), breaches.contains("the frozen csv was not committed by the closure's log"
                + " entry"));
        assertEquals(3, breaches.size());
        assertEquals("an engineer may not read the verification", 403,
                api.get("engineer", BASE + "/log/verification").status());
    }

    /** One frozen JSON and HTML, their pieces all under their own keys, matching the hashes REPORT_FROZEN logged. */
    private void assertFrozenOnceAndIntact() throws Exception {
        LogEntry frozen = api.services().record().log().chain(KEY).stream().filter(e -> e.is(LogAction.REPORT_FROZEN))
                .findFirst().orElseThrow();
        Map<String, String> committed = StateText.fields(frozen.after()).stream()
                .collect(Collectors.toMap(StateText.Field::name, StateText.Field::value));
        for (String rendering : List.of("json", "html")) {
            HttpResponse<byte[]> reply = download(BASE + "/evidence." + rendering + "?frozen=true");
            assertEquals(rendering, 200, reply.statusCode());
            assertEquals(rendering, committed.get(rendering + "Sha256"), HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(reply.body())));
            assertFalse("no half-stored piece in it", new String(reply.body(), "UTF-8").contains("{\"half"));
        }
        assertEquals("only the committed renderings' pieces are stored, as many as their rows say",
                counts("SELECT \"REPORT_KEY\", \"CHUNKS\" FROM " + table("FROZEN_REPORT")),
                counts("SELECT \"REPORT_KEY\", COUNT(*) FROM " + table("FROZEN_CHUNK") + " GROUP BY \"REPORT_KEY\""));
        assertEquals(List.of(KEY + "#html", KEY + "#json"), new ArrayList<>(counts("SELECT \"REPORT_KEY\", 0 FROM "
                + table("FROZEN_REPORT")).keySet()));
        assertEquals(new org.ctemcycles.app.FrozenReports.Verification("frozen", List.of("html", "json"), List.of()),
                api.services().record().frozenReports().verify(KEY));
    }

    private Map<String, Integer> counts(String query) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = api.database().database().dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static List<String> texts(JsonObject frozenPack) {
        List<String> texts = new ArrayList<>();
        frozenPack.getAsJsonArray("breaches").forEach(b -> texts.add(b.getAsString()));
        return texts;
    }

    private long logged(LogAction action) {
        return api.services().record().log().chain(KEY).stream().filter(e -> e.is(action)).count();
    }

    private String table(String name) {
        return "\"" + api.database().database().tablePrefix().value() + name + "\"";
    }

    private void sql(String statement) throws Exception {
        try (Connection c = api.database().database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String name, String where) throws Exception {
        try (Connection c = api.database().database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table(name) + where);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header(RestHarness.USER_HEADER, "auditor").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
