package org.ctemcycles.jira.rest;

import org.ctemcycles.app.FrozenReports;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.jira.admin.PageHarness;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.KEY;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * The evidence pack frozen at closure (ADR 083), over real HTTP on both databases: the closure stores the pack's JSON
 * and HTML with their SHA-256 and commits the hashes in the chain; the frozen downloads are the stored bytes exactly;
 * a later change of the record shows in the live pack and never in the frozen one; the report view shows the frozen
 * pack by default, says so, and switches to the live record; a changed stored byte is found by the verification.
 */
@RunWith(Parameterized.class)
public class FrozenReportTest {

    /** A title that must come out inert in the frozen document as in the live one. */
    private static final String HOSTILE = "<script>alert('frozen')</script> on the login form";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final MutableClock clock = MutableClock.on("2026-07-02");
    @Rule
    public final RestHarness api;
    private RecordApi record;
    private PageHarness pages;

    public FrozenReportTest(TestDatabase database) {
        api = new RestHarness(database, clock);
    }

    @Before
    public void aClosedCycle() throws Exception {
        record = new RecordApi(api).scoped();
        record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").title(HOSTILE).host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
        record.advanceTo("MOBILISATION");
        pages = new PageHarness(api);
        assertEquals("no frozen pack while the cycle runs", 404,
                download("auditor", BASE + "/evidence.json?frozen=true").statusCode());
        clock.setDay("2026-09-30");
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
    }

    @Test
    public void theFrozenDownloadsAreTheStoredBytesWithTheHashTheClosureLogged() throws Exception {
        List<LogEntry> chain = api.services().record().log().chain(KEY);
        LogEntry frozen = chain.get(chain.size() - 1);
        assertEquals(LogAction.REPORT_FROZEN.name(), frozen.action());
        assertEquals("the closure's entries, then what it froze", LogAction.CYCLE_CLOSED.name(),
                chain.stream().filter(e -> e.sequence() < frozen.sequence() && e.is(LogAction.CYCLE_CLOSED))
                        .findFirst().orElseThrow().action());
        Map<String, String> committed = StateText.fields(frozen.after()).stream()
                .collect(Collectors.toMap(StateText.Field::name, StateText.Field::value));
        assertEquals("json html", committed.get("renderings"));

        for (String rendering : List.of("json", "html")) {
            HttpResponse<byte[]> reply = download("auditor", BASE + "/evidence." + rendering + "?frozen=true");
            assertEquals(rendering, 200, reply.statusCode());
            byte[] bytes = reply.body();
            String hash = sha256(bytes);
            assertEquals(rendering, committed.get(rendering + "Sha256"), hash);
            assertEquals(rendering, committed.get(rendering + "Bytes"), String.valueOf(bytes.length));
            assertEquals(rendering, hash, reply.headers().firstValue(EvidenceResource.FROZEN_SHA256).orElse(""));
            assertEquals(rendering, rendering.equals("html") ? EvidenceResource.FROZEN_HTML_POLICY : "",
                    reply.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals("attachment; filename=\"" + KEY + "-frozen-evidence-pack." + rendering + "\"",
                    reply.headers().firstValue("Content-Disposition").orElse(""));
            assertArrayEquals("served again, the same bytes", bytes,
                    download("lead", BASE + "/evidence." + rendering + "?frozen=true").body());
        }
        String json = new String(download("auditor", BASE + "/evidence.json?frozen=true").body(),
                StandardCharsets.UTF_8);
        assertTrue("the pack holds its closure", json.contains("\"closedBy\": \"" + RecordApi.LEAD_KEY + "\""));
        assertTrue("and the closure's log entry",
                json.contains("\"action\": \"" + LogAction.CYCLE_CLOSED.name() + "\""));
        String html = new String(download("auditor", BASE + "/evidence.html?frozen=true").body(),
                StandardCharsets.UTF_8);
        assertFalse(html.contains(HOSTILE));
        assertTrue(html, html.contains("&lt;script&gt;alert(&#39;frozen&#39;)&lt;/script&gt; on the login form"));

        assertEquals("an engineer may not read the evidence", 403,
                download("engineer", BASE + "/evidence.json?frozen=true").statusCode());
        assertEquals(new FrozenReports.Verification("frozen", List.of("html", "json"), List.of()),
                api.services().record().frozenReports().verify(KEY));
    }

    @Test
    public void aChangeAfterClosureShowsInTheLiveRecordNotInTheSignedOffPack() throws Exception {
        byte[] signedOff = download("auditor", BASE + "/evidence.json?frozen=true").body();
        String frozenPage = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY).body();

        // the record goes on after closure: the residual queue handed over, the next cycle's key in the closed one
        clock.setDay("2026-10-02");
        ok(200, api.post("lead", BASE + "/handover", """
                {"newCycle":{"key":"CTEM-2","name":"Q4","start":"2026-10-01","plannedEnd":"2026-12-31"}}"""));

        byte[] later = download("auditor", BASE + "/evidence.json?frozen=true").body();
        assertArrayEquals("the frozen pack is what was signed off", signedOff, later);
        assertFalse(new String(later, StandardCharsets.UTF_8).contains("\"CTEM-2\""));
        String live = new String(download("auditor", BASE + "/evidence.json").body(), StandardCharsets.UTF_8);
        assertTrue("the live pack has the handover", live.contains("\"CTEM-2\""));
        assertTrue(live.contains("\"action\": \"" + LogAction.HANDED_OVER.name() + "\""));

        String page = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY).body();
        assertEquals("the view of the frozen pack does not change", frozenPage, page);
        String liveView = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY + "&view=live").body();
        assertTrue(liveView, liveView.contains("data-source=\"live\""));
        assertTrue(liveView, liveView.contains(LogAction.HANDED_OVER.label()));
        assertTrue("the way back", liveView.contains("href=\"CtemCycleReport.jspa?key=" + KEY + "\""));
    }

    @Test
    public void theReportViewShowsTheFrozenPackByDefaultAndSaysSo() throws Exception {
        String hash = sha256(download("auditor", BASE + "/evidence.json?frozen=true").body());
        HttpResponse<String> page = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html, html.contains("data-source=\"frozen\""));
        assertTrue(html, html.contains("Frozen at closure on 2026-09-30,</strong> <span class=\"ctem-hash\">SHA-256 "
                + hash + "</span>"));
        assertTrue("a page of it, in a sandboxed frame (ADR 095)", html.contains("sandbox=\"\" title=\"The evidence pack"
                + " frozen at closure: Title and contents, page 1 of 1\" src=\"../rest/ctem/1.0/cycles/" + KEY
                + "/frozen-section.html?section=title&amp;page=1\""));
        assertTrue(html.contains("href=\"CtemCycleReport.jspa?key=" + KEY + "&amp;view=live\""));
        assertTrue(html.contains("id=\"ctem-download-frozen-json\""));
        assertFalse("read only", html.contains("<form"));
        assertFalse("the live report is not rendered beside the frozen one", html.contains("class=\"ctem-report\""));
        assertFalse(html.contains(HOSTILE));

        HttpResponse<byte[]> frame = download("auditor", BASE + "/evidence.html?frozen=true&inline=true");
        assertTrue(frame.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
        assertEquals(sha256(download("auditor", BASE + "/evidence.html?frozen=true").body()), sha256(frame.body()));

        String live = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY + "&view=live").body();
        assertTrue(live, live.contains("Live record."));
        assertTrue(live.contains("class=\"ctem-report\""));
        for (String user : new String[]{"engineer", "outsider"}) {
            assertEquals(user, 403, pages.get(user, "CtemCycleReport.jspa?key=" + KEY).statusCode());
        }
    }

    @Test
    public void aChangedStoredByteIsFoundByTheVerification() throws Exception {
        String table = "\"" + api.database().database().tablePrefix().value() + "FROZEN_CHUNK\"";
        try (Connection c = api.database().database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE " + table + " SET \"PIECE\" = \"PIECE\" || ' '"
                    + " WHERE \"REPORT_KEY\" = '" + KEY + "#json'"));
            // whoever changes the pieces can change the stored row's hash too; the download vouches for the chain's
            assertEquals(1, s.executeUpdate("UPDATE \"" + api.database().database().tablePrefix().value()
                    + "FROZEN_REPORT\" SET \"SHA256\" = '" + "0".repeat(64) + "' WHERE \"REPORT_KEY\" = '" + KEY
                    + "#json'"));
        }
        FrozenReports.Verification verification = api.services().record().frozenReports().verify(KEY);
        assertEquals(List.of("html"), verification.verified());
        assertEquals(1, verification.breaches().size());
        assertTrue(verification.breaches().get(0), verification.breaches().get(0).startsWith("the frozen json was"
                + " changed: its stored bytes hash to "));
        String committed = StateText.fields(api.services().record().log().chain(KEY).stream()
                .filter(e -> e.is(LogAction.REPORT_FROZEN)).findFirst().orElseThrow().after()).stream()
                .filter(f -> f.name().equals("jsonSha256")).findFirst().orElseThrow().value();
        HttpResponse<byte[]> changed = download("auditor", BASE + "/evidence.json?frozen=true");
        assertNotEquals("the download serves what is stored, and its hash no longer matches the chain's",
                sha256(changed.body()), committed);
        assertEquals("the header carries the hash the chain committed, not the edited row's", committed,
                changed.headers().firstValue(EvidenceResource.FROZEN_SHA256).orElse(""));
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header(RestHarness.USER_HEADER, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
