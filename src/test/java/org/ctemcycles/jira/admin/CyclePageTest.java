package org.ctemcycles.jira.admin;

import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * A cycle's page over real HTTP ({@link PageHarness}, the real action and record): who sees it, who is offered the
 * advance, and the advance itself, which needs the XSRF token and the RUN access on the server, refuses an unmet
 * gate with the record's words and passes it with an override and a reason.
 */
public class CyclePageTest {

    private static final String CYCLE = "CTEM-2026-Q4";
    private static final String PAGE = "CtemCycle.jspa?key=" + CYCLE;

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    private PageHarness pages;

    @Before
    public void cycle() {
        pages = new PageHarness(api);
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"<b>Q4</b> payments\","
                + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
    }

    private HttpResponse<String> advance(String user, String form) {
        return pages.post(user, "CtemCycle!advance.jspa", "key=" + CYCLE + form);
    }

    private String stage() {
        return api.get("lead", "/cycles/" + CYCLE).json().getAsJsonObject().get("stage").getAsString();
    }

    @Test
    public void aLeadSeesTheGateAndTheAdvanceFormWithTheToken() {
        String html = pages.get("lead", PAGE).body();
        assertTrue(html, html.contains("id=\"ctem-unmet\""));
        assertTrue(html.contains("<form class=\"aui\" id=\"ctem-advance\""));
        assertTrue(html.contains("name=\"atl_token\" value=\"" + pages.token() + "\""));
        assertFalse("cycle text stays inert", html.contains("<b>Q4</b>"));
        assertTrue(html.contains("&lt;b&gt;Q4&lt;/b&gt; payments"));
    }

    @Test
    public void anAuditorReadsThePageWithoutTheFormAndAnOutsiderIsRefused() {
        HttpResponse<String> auditor = pages.get("auditor", PAGE);
        assertEquals(200, auditor.statusCode());
        assertTrue(auditor.body().contains("id=\"ctem-stage\""));
        assertFalse(auditor.body().contains("<form"));
        assertEquals(403, pages.get("outsider", PAGE).statusCode());
    }

    @Test
    public void theAdvanceNeedsTheTokenAndTheRightToChangeTheCycle() {
        String before = stage();
        assertEquals(403, advance("lead", "&override=true&reason=planned").statusCode());
        assertEquals(before, stage());
        HttpResponse<String> auditor = advance("auditor", "&override=true&reason=planned&atl_token=" + pages.token());
        assertEquals(403, auditor.statusCode());
        assertTrue(auditor.body().contains("id=\"permission-violation\""));
        assertEquals(before, stage());
        assertEquals(405, pages.send("lead", HttpRequest.newBuilder(URI.create(pages.url("CtemCycle!advance.jspa?key="
                + CYCLE + "&atl_token=" + pages.token()))).GET()).statusCode());
    }

    @Test
    public void anUnmetGateIsRefusedInTheRecordsWordsAndAnOverrideWithAReasonPassesIt() {
        String before = stage();
        HttpResponse<String> refused = advance("lead", "&atl_token=" + pages.token());
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("id=\"ctem-advance-errors\""));
        assertEquals(before, stage());

        HttpResponse<String> noReason = advance("lead", "&override=true&atl_token=" + pages.token());
        assertTrue(noReason.body(), noReason.body().contains("id=\"ctem-advance-errors\""));
        assertEquals(before, stage());

        HttpResponse<String> passed = advance("lead", "&override=true&reason=scope+agreed+in+the+kick-off&atl_token="
                + pages.token());
        assertEquals(passed.body(), 302, passed.statusCode());
        String location = passed.headers().firstValue("Location").orElseThrow();
        assertTrue(location, location.startsWith("/secure/CtemCycle.jspa?key=" + CYCLE + "&advanced="));
        assertFalse(before.equals(stage()));
        String after = pages.get("lead", location.substring("/secure/".length())).body();
        assertTrue(after, after.contains("id=\"ctem-advanced\""));
    }
}
