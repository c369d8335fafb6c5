package org.ctemcycles.jira.rest;

import org.ctemcycles.core.finding.Observation;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.KEY;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The report view of a closed cycle shows its frozen pack a section page at a time (ADR 095), over real HTTP on both
 * databases: the section navigation and the pager in the page, the page itself in a sandboxed frame whose document is
 * the stored bytes of the section's rows of that page and no others, served under the frozen document's policy, to
 * whoever may read the evidence only.
 */
@RunWith(Parameterized.class)
public class FrozenSectionPagesTest {

    private static final int FINDINGS = 230;
    private static final String HOSTILE = "<script>alert('page')</script> in the admin console";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final MutableClock clock = MutableClock.on("2026-07-02");
    @Rule
    public final RestHarness api;
    private PageHarness pages;

    public FrozenSectionPagesTest(TestDatabase database) {
        api = new RestHarness(database, clock);
    }

    @Before
    public void aClosedCycleOfSomeHundredFindings() {
        RecordApi record = new RecordApi(api).scoped();
        Observation[] observations = new Observation[FINDINGS];
        for (int i = 0; i < FINDINGS; i++) {
            observations[i] = ObservationBuilder.nessus().ruleId(String.valueOf(10_000 + i))
                    .title(i == 150 ? HOSTILE : "Finding " + i).host("web" + (i % 7) + ".corp.example").build();
        }
        record.imported("week1.jsonl", observations);
        record.advanceTo("MOBILISATION");
        clock.setDay("2026-09-30");
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
        pages = new PageHarness(api);
    }

    @Test
    public void theViewShowsTheSectionsAndAPageOfOneInASandboxedFrame() {
        String view = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY).body();
        assertTrue(view, view.contains("data-source=\"frozen\""));
        assertTrue(view, view.contains("id=\"ctem-frozen-sections\""));
        assertTrue("the title page first", view.contains("<a href=\"CtemCycleReport.jspa?key=" + KEY
                + "&amp;section=title&amp;page=1\" aria-current=\"page\"><strong>Title and contents</strong></a>"));
        assertTrue(view, view.contains("href=\"CtemCycleReport.jspa?key=" + KEY + "&amp;section=finding-set&amp;page=1\""));
        assertTrue(view, view.contains("230 rows on 3 pages"));
        assertTrue(view, view.contains("sandbox=\"\""));
        assertTrue(view, view.contains("src=\"../rest/ctem/1.0/cycles/" + KEY
                + "/frozen-section.html?section=title&amp;page=1\""));
        assertFalse("the whole document is no longer the frame", view.contains("evidence.html?frozen=true&amp;inline"));

        String second = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY + "&section=finding-set&page=2").body();
        assertTrue(second, second.contains("Page 2 of 3 &#183; rows 101 to 200 of 230"));
        assertTrue(second, second.contains("id=\"ctem-frozen-previous\" href=\"CtemCycleReport.jspa?key=" + KEY
                + "&amp;section=finding-set&amp;page=1\""));
        assertTrue(second, second.contains("id=\"ctem-frozen-next\" href=\"CtemCycleReport.jspa?key=" + KEY
                + "&amp;section=finding-set&amp;page=3\""));
        assertTrue(second, second.contains("src=\"../rest/ctem/1.0/cycles/" + KEY
                + "/frozen-section.html?section=finding-set&amp;page=2\""));
        assertTrue(second, second.contains("aria-current=\"page\"><strong>"));
        assertFalse("read only", second.contains("<form"));
        assertFalse(second.contains(HOSTILE));

        String missing = pages.get("auditor", "CtemCycleReport.jspa?key=" + KEY + "&section=finding-set&page=9").body();
        assertTrue(missing, missing.contains("id=\"ctem-frozen-no-page\""));
        assertTrue(missing, missing.contains("section=title&amp;page=1\""));
        for (String user : new String[]{"engineer", "outsider"}) {
            assertEquals(user, 403, pages.get(user, "CtemCycleReport.jspa?key=" + KEY
                    + "&section=finding-set&page=2").statusCode());
        }
    }

    @Test
    public void aPageIsTheStoredRowsOfItsRangeUnderTheFrozenPolicy() throws Exception {
        Document whole = parse(get("auditor", BASE + "/evidence.html?frozen=true").body());
        List<String> findings = rowIds(section(whole, "finding-set"));
        assertEquals(FINDINGS, findings.size());

        List<String> seen = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            HttpResponse<String> reply = get("auditor", BASE + "/frozen-section.html?section=finding-set&page="
                    + number);
            assertEquals(200, reply.statusCode());
            assertEquals(EvidenceResource.FROZEN_HTML_POLICY,
                    reply.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(reply.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
            assertFalse(reply.body().contains(HOSTILE));
            Document page = parse(reply.body());
            assertEquals("one section, the findings", 1, page.getElementsByTagName("section").getLength());
            List<String> rows = rowIds(section(page, "finding-set"));
            assertEquals(findings.subList((number - 1) * 100, Math.min(FINDINGS, number * 100)), rows);
            seen.addAll(rows);
        }
        assertEquals(findings, seen);

        Document title = parse(get("auditor", BASE + "/frozen-section.html").body());
        assertEquals(0, title.getElementsByTagName("section").getLength());
        assertEquals(1, title.getElementsByTagName("h1").getLength());

        assertEquals(404, get("auditor", BASE + "/frozen-section.html?section=finding-set&page=4").statusCode());
        assertEquals(403, get("engineer", BASE + "/frozen-section.html?section=finding-set&page=1").statusCode());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .header(RestHarness.USER_HEADER, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Element section(Document document, String anchor) {
        NodeList sections = document.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (section.getAttribute("id").equals(anchor)) {
                return section;
            }
        }
        throw new AssertionError("no section " + anchor);
    }

    /** The ids of the rows in the bodies of the section's tables (the findings' anchors). */
    private static List<String> rowIds(Element section) {
        List<String> ids = new ArrayList<>();
        NodeList rows = section.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            if (row.getParentNode().getNodeName().equals("tbody")) {
                ids.add(row.getAttribute("id"));
            }
        }
        return ids;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }
}
