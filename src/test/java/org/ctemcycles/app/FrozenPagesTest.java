package org.ctemcycles.app;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.report.view.FrozenLayout;
import org.ctemcycles.store.AoFrozenPages;
import org.ctemcycles.store.AoFrozenReports;
import org.ctemcycles.store.FrozenPageEntity;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The frozen document a section page at a time (ADR 095), on H2 and PostgreSQL, over a document of the report
 * template's shape large enough to be stored in dozens of pieces: each page is a well-formed document holding its
 * section's rows of its range and no other row, the pages of every section hold every row once, in order; the index
 * is built once reading each piece once; a page reads only a bounded number of pieces; a piece changed after
 * indexing stops the pages that read it, and a document that does not hash to the committed value is never indexed.
 */
@RunWith(Parameterized.class)
public class FrozenPagesTest {

    private static final String CYCLE = "CTEM-9";
    private static final int PAGE = 100;
    private static final int FINDINGS = 4_000;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;
    private final AtomicInteger piecesRead = new AtomicInteger();
    /** Each section's rows, in document order, as the document was written. */
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private String committed;
    private FrozenPages pages;

    public FrozenPagesTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void aLargeFrozenDocument() throws Exception {
        opened = database.open();
        ao = opened.database().activeObjects();
        AoFrozenReports store = new AoFrozenReports(ao);
        String document = document();
        committed = store.commit(store.store(CYCLE, FrozenReport.HTML, out -> out.write(document), () -> { }),
                Instant.parse("2026-09-30T12:00:00Z")).sha256();
        pages = new FrozenPages(store, (cycle, rendering, seq) -> {
            piecesRead.incrementAndGet();
            return store.storedPiece(cycle, rendering, seq);
        }, new AoFrozenPages(ao), cycle -> Optional.of(committed), PAGE);
    }

    @After
    public void close() throws Exception {
        opened.close();
    }

    @Test
    public void eachPageHoldsItsSectionsRowsOfItsRangeAndNoOthers() throws Exception {
        int pieces = new AoFrozenReports(ao).pieceCount(CYCLE, FrozenReport.HTML);
        assertTrue("a document of " + pieces + " pieces", pieces >= 20);

        FrozenPages.Contents contents = pages.contents(CYCLE);
        assertEquals(FrozenPages.State.PAGED, contents.state());
        assertEquals("the index is built reading each piece once", pieces, piecesRead.get());
        List<String> anchors = contents.sections().stream().map(FrozenPages.Section::anchor).toList();
        List<String> expected = new ArrayList<>(List.of(FrozenLayout.TITLE));
        expected.addAll(rows.keySet());
        assertEquals(expected, anchors);
        assertEquals("3 Finding set \u00b7 \u00e9t\u00e9 <tous>", contents.sections().get(3).title());
        assertEquals(List.of(1, 1, 1, FINDINGS / PAGE, 2, 4, 1), contents.sections().stream()
                .map(FrozenPages.Section::pages).toList());

        piecesRead.set(0);
        assertEquals("built once: shown again, it reads no piece", contents, pages.contents(CYCLE));
        assertEquals(0, piecesRead.get());

        for (FrozenPages.Section section : contents.sections()) {
            List<String> seen = new ArrayList<>();
            for (int number = 1; number <= section.pages(); number++) {
                piecesRead.set(0);
                Document page = parse(page(section.anchor(), number));
                assertTrue(section.anchor() + " page " + number + " read " + piecesRead.get() + " pieces",
                        piecesRead.get() <= 7);
                assertEquals("its head and styles", 1, page.getElementsByTagName("style").getLength());
                NodeList sections = page.getElementsByTagName("section");
                List<String> pageRows = rowsOf(page);
                if (section.anchor().equals(FrozenLayout.TITLE)) {
                    assertEquals(0, sections.getLength());
                    assertEquals(1, page.getElementsByTagName("header").getLength());
                    assertEquals(1, page.getElementsByTagName("nav").getLength());
                    assertEquals(List.of(), pageRows);
                    continue;
                }
                assertEquals("one section", 1, sections.getLength());
                assertEquals(section.anchor(), ((Element) sections.item(0)).getAttribute("id"));
                assertEquals("no title block on a section's page", 0, page.getElementsByTagName("header").getLength());
                FrozenPages.Page shown = pages.page(CYCLE, section.anchor(), number).orElseThrow();
                List<String> all = rows.get(section.anchor());
                if (all.isEmpty()) {
                    assertEquals(List.of(), pageRows);
                    assertEquals(0, shown.firstRow());
                } else {
                    assertEquals(all.subList(shown.firstRow() - 1, shown.lastRow()), pageRows);
                    assertEquals((number - 1) * PAGE + 1, shown.firstRow());
                    assertTrue(pageRows.size() <= PAGE);
                }
                assertEquals(all.size(), shown.rows());
                seen.addAll(pageRows);
            }
            if (!section.anchor().equals(FrozenLayout.TITLE)) {
                assertEquals(section.anchor() + ": every row once, in order", rows.get(section.anchor()), seen);
            }
        }
        assertTrue(pages.page(CYCLE, "finding-set", FINDINGS / PAGE + 1).isEmpty());
    }

    @Test
    public void aCutTableIsReopenedWithItsHeadersAndClosed() throws Exception {
        pages.contents(CYCLE);
        // the register's third page: its last 50 rows, then the closure trail's heading and its first 50 rows
        Document third = parse(page("mobilisation-register", 3));
        assertEquals(2, third.getElementsByTagName("table").getLength());
        assertEquals("each table with its headers", 2, third.getElementsByTagName("thead").getLength());
        assertEquals(1, third.getElementsByTagName("h3").getLength());
        assertEquals(0, third.getElementsByTagName("h2").getLength());
        Document first = parse(page("mobilisation-register", 1));
        assertEquals("the section's heading on its first page", 1, first.getElementsByTagName("h2").getLength());
        assertEquals(1, first.getElementsByTagName("table").getLength());
        // a section cut exactly where a table ends: the next page starts after it, with what lies between (a table
        // without rows, the headings) and the next table with rows
        Document second = parse(page("validation-evidence", 2));
        assertEquals(2, second.getElementsByTagName("h3").getLength());
        assertEquals(2, second.getElementsByTagName("table").getLength());
        assertEquals("validation-evidence:third:0", rowsOf(second).get(0));
        assertEquals(50, rowsOf(second).size());
    }

    @Test
    public void aPieceChangedAfterIndexingStopsThePagesThatReadIt() throws Exception {
        pages.contents(CYCLE);
        changePiece(5);
        AoFrozenPages index = new AoFrozenPages(ao);
        int stopped = 0;
        for (int number = 1; number <= FINDINGS / PAGE; number++) {
            boolean spansIt = index.page(AoFrozenReports.reportKey(CYCLE, FrozenReport.HTML), "finding-set", number)
                    .orElseThrow().spans().matches("(^|.*;)5 .*");
            try {
                assertEquals(PAGE, rowsOf(parse(page("finding-set", number))).size());
                assertFalse("page " + number + " spans the changed piece", spansIt);
            } catch (ConflictException e) {
                assertTrue("page " + number + " does not span the changed piece", spansIt);
                assertTrue(e.getMessage(), e.getMessage().contains("does not hash to what the closure committed"));
                stopped++;
            }
        }
        assertTrue("the pages over the changed piece are stopped, the others shown: " + stopped,
                stopped >= 1 && stopped < FINDINGS / PAGE);
    }

    @Test
    public void aDocumentThatIsNotTheCommittedOneIsNeverIndexed() throws Exception {
        changePiece(3);
        assertEquals(FrozenPages.State.CHANGED, pages.contents(CYCLE).state());
        assertEquals("nothing stored of its index", 0, ao.count(FrozenPageEntity.class));
        try {
            page("finding-set", 1);
            fail();
        } catch (ConflictException expected) {
            // no page of it either
        }
    }

    @Test
    public void aDocumentWithoutTheTemplatesShapeIsUndivided() throws Exception {
        AoFrozenReports store = new AoFrozenReports(ao);
        String other = store.commit(store.store("CTEM-8", FrozenReport.HTML,
                out -> out.write("<html><body><p>not a report</p></body></html>"), () -> { }),
                Instant.parse("2026-09-30T12:00:00Z")).sha256();
        FrozenPages plain = new FrozenPages(store, store::storedPiece, new AoFrozenPages(ao), cycle -> Optional.of(other),
                PAGE);
        assertEquals(new FrozenPages.Contents(FrozenPages.State.UNDIVIDED, List.of()), plain.contents("CTEM-8"));
        assertEquals(new FrozenPages.Contents(FrozenPages.State.NONE, List.of()), plain.contents("CTEM-7"));
    }

    private String page(String section, int number) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pages.write(CYCLE, section, number, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void changePiece(int seq) throws Exception {
        String table = "\"" + opened.database().tablePrefix().value() + "FROZEN_CHUNK\"";
        try (Connection c = opened.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE " + table + " SET \"PIECE\" = \"PIECE\" || ' '"
                    + " WHERE \"SEQ\" = " + seq));
        }
    }

    private static List<String> rowsOf(Document page) {
        List<String> found = new ArrayList<>();
        NodeList trs = page.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            Element tr = (Element) trs.item(i);
            if (tr.getParentNode().getNodeName().equals("tbody")) {
                found.add(tr.getAttribute("data-row"));
            }
        }
        return found;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    /**
     * A document of the report template's shape: head and styles, the title block and contents, then sections with
     * tables of rows (multi-line rows, characters of two UTF-16 units, tables without rows, a chart's table inside a
     * figure), the findings long enough to fill dozens of pieces.
     */
    private String document() {
        StringBuilder d = new StringBuilder();
        d.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>CTEM-9</title>\n")
                .append("<style>\n.ctem-report table { width: 100%; }\n</style>\n</head>\n<body>\n")
                .append("<div class=\"ctem-report\">\n<header class=\"title-block\" id=\"title\"><h1>CTEM-9 &#183; Q3</h1>")
                .append("</header>\n<nav class=\"toc\" id=\"contents\"><h2>Contents</h2><ol><li>one</li></ol></nav>\n<main>\n");
        section(d, "evidence-items", "1 Evidence items", "", List.of(12, -5));
        section(d, "scoping-document", "2 Scoping document", "", List.of());
        section(d, "finding-set", "3 Finding set &#183; &#xe9;t&#233; &lt;tous&gt;", " class=\"item\"", List.of(FINDINGS));
        section(d, "validation-evidence", "4 Validation evidence", " class=\"item\"", List.of(100, 0, 50));
        section(d, "mobilisation-register", "5 Mobilisation register", " class=\"item\"", List.of(250, 120));
        section(d, "activity-log-verification", "6 Activity log", " class=\"item\"", List.of(0, 100));
        d.append("</main>\n</div>\n</body>\n</html>\n");
        return d.toString();
    }

    /** A section with a table for each count (negative: a chart's table inside a figure). */
    private void section(StringBuilder d, String anchor, String heading, String attributes, List<Integer> tables) {
        List<String> sectionRows = new ArrayList<>();
        rows.put(anchor, sectionRows);
        d.append("<section id=\"").append(anchor).append('"').append(attributes).append(">\n")
                .append("  <div class=\"section-head\"><h2><span class=\"num\">").append(heading, 0, 1)
                .append("</span>").append(heading.substring(1)).append("</h2></div>\n  <p class=\"what\">what</p>\n");
        String[] names = {"first", "second", "third"};
        for (int t = 0; t < tables.size(); t++) {
            int count = Math.abs(tables.get(t));
            boolean chart = tables.get(t) < 0;
            if (t > 0) {
                d.append("  <h3 id=\"").append(anchor).append('-').append(names[t]).append("\">table</h3>\n");
            }
            d.append(chart ? "  <figure class=\"chart\"><div class=\"chart-body\"><svg><text>1</text></svg>\n" : "")
                    .append("  <table>\n    <colgroup><col style=\"width: 50%\"/><col/></colgroup>\n")
                    .append("    <thead><tr><th>Key</th><th>Title</th></tr></thead>\n    <tbody>\n");
            for (int r = 0; r < count; r++) {
                String id = anchor + ":" + names[t] + ":" + r;
                sectionRows.add(id);
                d.append("    <tr data-row=\"").append(id).append("\">\n      <td class=\"mono\">F-").append(r)
                        .append("</td>\n      <td>Remote code execution in the l\u00f6gin f\u00f6rm \ud83d\udd12 &lt;b&gt;")
                        .append(" on host-").append(r).append(".corp.example").append(" padding ".repeat(200))
                        .append("</td>\n    </tr>\n");
            }
            d.append("    </tbody>\n  </table>\n").append(chart ? "  </div></figure>\n" : "");
        }
        d.append("</section>\n\n");
    }
}
