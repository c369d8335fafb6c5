package org.ctemcycles.jira.rest;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.jira.sources.JiraSources;
import org.ctemcycles.store.SourceEntity;
import org.ctemcycles.store.SourceRunEntity;
import org.ctemcycles.testing.LocalHttpsServer;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RecordingLogs;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@code /cycles/{key}/sources} and {@code /source-hosts} over real HTTP (the JAX-RS harness), on H2 and PostgreSQL,
 * against a real local HTTPS server: an administrator allows a host; a lead adds a source with a token, runs it now
 * and it feeds the cycle through the one import path; an unchanged report adds nothing; the token is sealed and
 * never answered, logged or stored in the clear; a host off the allow-list, plain http, a redirect to another host
 * and a report over the size limit are refused with errors that name what is wrong; only leads manage sources, only
 * administrators set the hosts (each change in the configuration's log), and state changes need the XSRF rules.
 */
@RunWith(Parameterized.class)
public class SourceResourceTest {

    private static final String TOKEN = "s3cret-rest-token";
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static volatile byte[] report;

    @ClassRule
    public static final LocalHttpsServer SERVER = new LocalHttpsServer();

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;
    private final MutableClock clock = MutableClock.on("2026-07-02");

    public SourceResourceTest(TestDatabase database) {
        api = new RestHarness(database, clock).trustingSourcesWith(SERVER.clientTls());
    }

    @BeforeClass
    public static void serve() {
        SERVER.serve("/report.jsonl", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            LocalHttpsServer.answer(exchange, 200, report);
        });
        SERVER.serve("/other-host", exchange -> LocalHttpsServer.redirect(exchange,
                "https://127.0.0.1:" + SERVER.port() + "/report.jsonl"));
        // declares 2 GiB: the fetcher refuses it by its length, before reading any of it
        SERVER.serve("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 2L << 30);
            exchange.close();
        });
    }

    @Before
    public void aScopedCycle() {
        new RecordApi(api).scoped();
        report = report("web1.corp.example", "web2.corp.example");
        AUTHORIZATIONS.clear();
    }

    private static byte[] report(String... hosts) {
        StringBuilder lines = new StringBuilder("{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n");
        for (String host : hosts) {
            lines.append(new Gson().toJson(ObservationBuilder.nessus().host(host).ruleId("r-" + host).build()))
                    .append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void allow(String... hosts) {
        ok(200, api.put("admin", "/source-hosts", new Gson().toJson(java.util.Map.of("hosts", List.of(hosts)))));
    }

    private Reply add(String path) {
        return api.post("lead", BASE + "/sources", "{\"name\":\"ci export\",\"url\":\"" + SERVER.url(path)
                + "\",\"token\":\"" + TOKEN + "\",\"every\":\"1h\",\"covers\":[\"WEB\"],\"format\":\"ctem-jsonl\"}");
    }

    private Reply runNow(String user, long id) {
        return api.send(user, api.request(BASE + "/sources/" + id + "/run").header(XsrfGuard.HEADER, "no-check")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private int discoveryRuns() {
        return api.services().record().discovery().runs(RecordApi.KEY).size();
    }

    @Test
    public void aLeadAddsASourceWithATokenAndRunsItNowAndTheTokenIsNeverShown() throws Exception {
        RecordingLogs.clear();
        allow("localhost");
        JsonObject added = ok(201, add("/report.jsonl"));
        long id = added.get("id").getAsLong();
        assertEquals("https", added.get("kind").getAsString());
        assertEquals(SERVER.url("/report.jsonl"), added.get("location").getAsString());
        assertEquals("PT1H", added.get("every").getAsString());
        assertTrue(added.get("hasToken").getAsBoolean());
        assertTrue("never ran: due at once", added.get("nextRunAt").isJsonNull());
        assertEquals(0, added.getAsJsonArray("runs").size());

        JsonObject ran = ok(200, runNow("lead", id));
        String outcome = ran.get("lastOutcome").getAsString();
        assertTrue(outcome, outcome.startsWith("imported as run "));
        assertEquals(List.of("Bearer " + TOKEN), AUTHORIZATIONS);
        assertEquals(1, discoveryRuns());
        assertEquals(2, api.services().record().discovery().findings(RecordApi.KEY).size());
        JsonObject run = ran.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("ran", run.get("result").getAsString());
        assertEquals(2, run.get("observations").getAsInt());
        assertEquals(clock.instant().plus(Duration.ofHours(1)).toString(), ran.get("nextRunAt").getAsString());

        JsonObject again = ok(200, runNow("lead", id));
        assertTrue(again.get("lastOutcome").getAsString().startsWith("unchanged, run "));
        assertEquals("an unchanged report adds nothing", 1, discoveryRuns());
        assertEquals("newest first", 2, again.getAsJsonArray("runs").size());

        JsonObject listed = ok(200, api.get("engineer", BASE + "/sources"));
        assertEquals(1, listed.getAsJsonArray("sources").size());
        for (String body : List.of(added.toString(), ran.toString(), listed.toString())) {
            assertFalse("the token is never answered", body.contains(TOKEN));
        }
        SourceEntity[] rows = api.database().database().activeObjects().find(SourceEntity.class);
        assertTrue(rows[0].getSealedToken().startsWith("v1:"));
        assertFalse(rows[0].getSealedToken().contains(TOKEN));
        assertTrue("the key is under the shared home",
                Files.isRegularFile(api.jiraIssues.sharedHome.resolve("ctem").resolve("sources.key")));
        List<LogEntry> log = api.services().record().log().chain(RecordApi.KEY);
        assertEquals(2, log.stream().filter(e -> e.is(LogAction.SOURCE_RAN)).count());
        assertFalse(log.stream().anyMatch(e -> e.after().contains(TOKEN) || e.before().contains(TOKEN)));
        if (RecordingLogs.installed()) {
            assertFalse("the token is never logged", RecordingLogs.lines().stream().anyMatch(l -> l.contains(TOKEN)));
            assertTrue(RecordingLogs.lines().stream().anyMatch(l -> l.contains("with a sealed token")));
        }
    }

    @Test
    public void aHostOffTheListPlainHttpARedirectToAnotherHostAndAnOversizedReportAreRefused() {
        Reply none = add("/report.jsonl");
        assertEquals(none.toString(), 400, none.status());
        assertEquals("invalid-input", none.code());
        assertTrue(none.body(), none.body().contains("host localhost is not on the administrator's allow-list"));
        allow("ci.example.com", "localhost");
        Reply plain = api.post("lead", BASE + "/sources", "{\"name\":\"plain\",\"url\":\"http://localhost:"
                + SERVER.port() + "/report.jsonl\",\"every\":\"1h\"}");
        assertEquals(400, plain.status());
        assertTrue(plain.body(), plain.body().contains("is not an https URL"));
        Reply both = api.post("lead", BASE + "/sources", "{\"name\":\"x\",\"url\":\"" + SERVER.url("/r")
                + "\",\"folder\":\"drop\",\"every\":\"1h\"}");
        assertEquals(400, both.status());
        assertTrue(both.body(), both.body().contains("not both"));
        Reply often = api.post("lead", BASE + "/sources", "{\"name\":\"x\",\"url\":\"" + SERVER.url("/r")
                + "\",\"every\":\"2m\"}");
        assertEquals(400, often.status());
        assertTrue(often.body(), often.body().contains("\"field\":\"every\"") && often.body()
                .contains("at least 5 minutes"));
        Reply seldom = api.post("lead", BASE + "/sources", "{\"name\":\"x\",\"url\":\"" + SERVER.url("/r")
                + "\",\"every\":\"PT9000000000000H\"}");
        assertEquals(seldom.body(), 400, seldom.status());
        assertTrue(seldom.body(), seldom.body().contains("\"field\":\"every\"") && seldom.body()
                .contains("at most 366 days"));
        Reply outside = api.post("lead", BASE + "/sources", "{\"name\":\"x\",\"folder\":\"../../etc\","
                + "\"every\":\"1h\"}");
        assertEquals(400, outside.status());
        assertTrue(outside.body(), outside.body().contains("\"field\":\"folder\""));
        assertEquals("nothing of a refused source is stored", 0,
                api.database().database().activeObjects().count(SourceEntity.class));

        long redirected = ok(201, add("/other-host")).get("id").getAsLong();
        JsonObject refused = ok(200, runNow("lead", redirected));
        assertEquals("refused: url: localhost redirected to https://127.0.0.1; a source follows redirects only to"
                + " https on the same host", refused.get("lastOutcome").getAsString());
        assertEquals("the other host was never asked", List.of(), AUTHORIZATIONS);
        assertEquals(1, refused.get("failures").getAsInt());
        assertEquals("a refused run backs off: the interval doubled", clock.instant().plus(Duration.ofHours(2))
                .toString(), refused.get("nextRunAt").getAsString());

        long huge = ok(201, add("/huge")).get("id").getAsLong();
        String tooBig = ok(200, runNow("lead", huge)).get("lastOutcome").getAsString();
        assertEquals("refused: url: the report at localhost is 2147483648 bytes, more than the limit of 1073741824",
                tooBig);

        // the administrator takes the host off the list: the source is refused at its next run, before any request
        long fine = ok(201, add("/report.jsonl")).get("id").getAsLong();
        allow("ci.example.com");
        String off = ok(200, runNow("lead", fine)).get("lastOutcome").getAsString();
        assertTrue(off, off.startsWith("refused: url: host localhost is not on the administrator's allow-list"));
        assertEquals(List.of(), AUTHORIZATIONS);
        assertEquals(0, discoveryRuns());
    }

    @Test
    public void aFolderSourceIsShownByItsNameUnderTheSourcesFolderNeverByTheServersPath() throws Exception {
        java.nio.file.Path root = api.jiraIssues.sharedHome.resolve("ctem").resolve("sources");
        java.nio.file.Files.createDirectories(root.resolve("team-a").resolve("nightly"));
        JsonObject added = ok(201, api.post("lead", BASE + "/sources", "{\"name\":\"nightly\",\"folder\":"
                + "\"team-a/nightly\",\"every\":\"6h\",\"covers\":[\"WEB\"],\"format\":\"ctem-jsonl\"}"));
        assertEquals("team-a/nightly", added.get("location").getAsString());
        assertEquals("the scheduler still reads the folder where it is", root.resolve("team-a").resolve("nightly")
                .toString(), api.sources().list(RecordApi.KEY).get(0).location());
        for (String reader : List.of("engineer", "auditor", "lead", "admin")) {
            Reply list = api.get(reader, BASE + "/sources");
            assertEquals(reader + ": " + list, 200, list.status());
            assertEquals(reader, "team-a/nightly", list.json().getAsJsonObject().getAsJsonArray("sources").get(0)
                    .getAsJsonObject().get("location").getAsString());
            assertFalse(reader + " never reads the shared home's path", list.body().contains(
                    api.jiraIssues.sharedHome.toString()));
        }
        Reply ran = runNow("lead", added.get("id").getAsLong());
        assertFalse(ran.body(), ran.body().contains(api.jiraIssues.sharedHome.toString()));
    }

    @Test
    public void onlyLeadsManageSourcesOnlyAdministratorsSetHostsAndStateChangesNeedTheXsrfRules() {
        for (String user : List.of("lead", "auditor", "engineer", "outsider")) {
            assertEquals(user, 403, api.put(user, "/source-hosts", "{\"hosts\":[\"localhost\"]}").status());
        }
        assertEquals(401, api.get(null, "/source-hosts").status());
        assertEquals(List.of(), new JiraSourcesProbe(api).hosts());
        Reply bad = api.put("admin", "/source-hosts", "{\"hosts\":[\"localhost\",\"https://ci.example.com/\"]}");
        assertEquals(400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"field\":\"hosts\"") && bad.body().contains("is not a host name"));
        assertEquals("nothing of a refused list is stored", List.of(), new JiraSourcesProbe(api).hosts());
        allow("LocalHost", "localhost");
        assertEquals(List.of("localhost"), ok(200, api.get("admin", "/source-hosts"))
                .getAsJsonArray("hosts").asList().stream().map(h -> h.getAsString()).toList());
        List<LogEntry> changes = api.services().record().configurationChanges().recent(5);
        assertEquals(1, changes.size());
        assertEquals(JiraSources.HOSTS_SUBJECT, changes.get(0).subject());
        assertTrue(changes.get(0).after(), changes.get(0).after().contains("localhost"));
        assertEquals(LogRecord.CONFIGURATION_CHAIN, changes.get(0).cycleKey());

        for (String user : List.of("auditor", "engineer")) {
            assertEquals(user, 403, api.post(user, BASE + "/sources", "{\"name\":\"x\",\"url\":\""
                    + SERVER.url("/report.jsonl") + "\",\"every\":\"1h\"}").status());
        }
        assertEquals(404, api.get("outsider", BASE + "/sources").status());
        assertEquals(0, api.database().database().activeObjects().count(SourceEntity.class));
        long id = ok(201, add("/report.jsonl")).get("id").getAsLong();
        ok(200, runNow("lead", id));
        assertEquals(403, runNow("engineer", id).status());
        assertEquals(403, runNow("auditor", id).status());

        Reply form = api.send("lead", api.request(BASE + "/sources").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertEquals(403, form.status());
        assertEquals("xsrf-check-failed", form.code());
        Reply noHeader = api.send("lead", api.request(BASE + "/sources/" + id).DELETE());
        assertEquals(403, noHeader.status());
        assertEquals("xsrf-check-failed", noHeader.code());
        assertEquals(403, api.send("auditor", api.request(BASE + "/sources/" + id)
                .header(XsrfGuard.HEADER, "no-check").DELETE()).status());
        assertEquals(1, api.database().database().activeObjects().count(SourceEntity.class));

        JsonObject removed = ok(200, api.send("lead", api.request(BASE + "/sources/" + id)
                .header(XsrfGuard.HEADER, "no-check").DELETE()));
        assertEquals(id, removed.get("id").getAsLong());
        assertEquals(0, api.database().database().activeObjects().count(SourceEntity.class));
        assertEquals("its runs go with it", 0, api.database().database().activeObjects()
                .count(SourceRunEntity.class));
        assertEquals(404, api.send("lead", api.request(BASE + "/sources/" + id)
                .header(XsrfGuard.HEADER, "no-check").DELETE()).status());
        assertEquals(404, runNow("lead", 999).status());
        assertEquals(404, runNow("lead", -1).status());
    }

    /** The allow-list as stored in Jira's plugin settings. */
    private record JiraSourcesProbe(RestHarness api) {
        List<String> hosts() {
            return new org.ctemcycles.jira.security.CtemSettings(api.jira.settingsFactory).sourceHosts();
        }
    }
}
