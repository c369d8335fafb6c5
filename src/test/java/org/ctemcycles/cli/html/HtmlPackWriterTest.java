package org.ctemcycles.cli.html;

import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.Rows;
import org.ctemcycles.core.evidence.compliance.Control;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.SampleEvidencePack;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import static org.ctemcycles.testing.SampleEvidencePack.ATTRIBUTE_BREAKOUT;
import static org.ctemcycles.testing.SampleEvidencePack.HOSTILE_ACTOR;
import static org.ctemcycles.testing.SampleEvidencePack.HOSTILE_NOTE;
import static org.ctemcycles.testing.SampleEvidencePack.HOSTILE_SURFACE;
import static org.ctemcycles.testing.SampleEvidencePack.HOSTILE_TITLE;
import static org.ctemcycles.testing.SampleEvidencePack.SCRIPT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The evidence pack rendered through templates/evidence/cycle-report.vm by the engine configured like Jira's (HTML
 * escaping, the descriptor's allowlist enforced): a document that parses, with every section reachable from the
 * contents, hostile record text inert, every item and control shown, and the large sections streamed.
 */
public class HtmlPackWriterTest {

    private static final List<String> SECTIONS = List.of("evidence-items", "scoping-document", "discovery-coverage",
            "finding-set", "prioritisation-rationale", "validation-evidence", "mobilisation-register",
            "closure-summary", "cadence-record", "activity-log-verification");

    private final HtmlPackWriter writer = new HtmlPackWriter();

    private String render(EvidencePack pack) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(pack, out);
        return out.toString();
    }

    /** The rendering is well-formed markup (the template keeps it XML-parseable), so tests can read it as a tree. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Set<String> ids(Document document) {
        Set<String> ids = new HashSet<>();
        for (Element element : elements(document, "*")) {
            if (element.hasAttribute("id")) {
                assertTrue("duplicate id " + element.getAttribute("id"), ids.add(element.getAttribute("id")));
            }
        }
        return ids;
    }

    @Test
    public void everySectionIsPresentInOrderAndLinkedFromTheContents() throws Exception {
        Document document = parse(render(SampleEvidencePack.open()));
        List<String> sections = elements(document, "section").stream().map(s -> s.getAttribute("id")).toList();
        assertEquals(SECTIONS, sections);
        Element contents = elements(document, "nav").get(0);
        List<String> links = new ArrayList<>();
        NodeList anchors = contents.getElementsByTagName("a");
        for (int i = 0; i < anchors.getLength(); i++) {
            links.add(((Element) anchors.item(i)).getAttribute("href"));
        }
        assertEquals(SECTIONS.stream().map(s -> "#" + s).toList(), links);
    }

    @Test
    public void everyInternalLinkLeadsSomewhere() throws Exception {
        Document document = parse(render(SampleEvidencePack.open()));
        Set<String> ids = ids(document);
        int internal = 0;
        for (Element link : elements(document, "a")) {
            String href = link.getAttribute("href");
            assertTrue("only links within the document: " + href, href.startsWith("#"));
            assertTrue(href + " leads nowhere", ids.contains(href.substring(1)));
            internal++;
        }
        assertTrue("finding rows are anchors", ids.contains("finding-" + SampleEvidencePack.LOG4SHELL));
        assertTrue(internal > 40);
    }

    @Test
    public void hostileRecordTextStaysInertText() throws Exception {
        String html = render(SampleEvidencePack.open());
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse("no script element", lower.contains("<script"));
        assertFalse("no injected element", lower.contains("<img"));
        assertFalse("no event handler inside a tag", lower.matches("(?s).*<[^<>]*\\son\\w+\\s*=.*"));
        String escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";
        String escapedBreakout = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
        assertTrue("finding title", html.contains(JiraHtmlEscaping.escape(HOSTILE_TITLE)));
        assertTrue("validation note", html.contains(JiraHtmlEscaping.escape(HOSTILE_NOTE)));
        assertTrue("surface name", html.contains(JiraHtmlEscaping.escape(HOSTILE_SURFACE)));
        assertTrue("log entry actor", html.contains(JiraHtmlEscaping.escape(HOSTILE_ACTOR)));
        assertTrue(html.contains(escapedScript) && html.contains(escapedBreakout));

        Document document = parse(html);
        assertTrue(elements(document, "script").isEmpty());
        assertTrue(elements(document, "img").isEmpty());
        for (Element element : elements(document, "*")) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.item(i).getNodeName().toLowerCase(Locale.ROOT);
                assertFalse(element.getTagName() + " has the event handler " + name, name.startsWith("on"));
            }
        }
        String text = document.getDocumentElement().getTextContent();
        assertTrue("the hostile text reads as written", text.contains(HOSTILE_TITLE) && text.contains(HOSTILE_NOTE)
                && text.contains(HOSTILE_SURFACE) && text.contains(HOSTILE_ACTOR));
        assertTrue(text.contains(SCRIPT) && text.contains(ATTRIBUTE_BREAKOUT));
    }

    @Test
    public void everyEvidenceItemAndControlIsShownAndAMissingItemSaysWhy() throws Exception {
        String html = render(SampleEvidencePack.open());
        String text = parse(html).getDocumentElement().getTextContent();
        for (EvidenceItem item : EvidenceItem.values()) {
            assertTrue(item.title(), text.contains(item.title()));
        }
        for (Control control : ControlCatalogue.standard().controls()) {
            assertTrue(control.id(), text.contains(control.id()));
            assertTrue(control.framework(), text.contains(control.framework()));
        }
        assertTrue(html.contains("<p class=\"note\"><strong>Missing:</strong> the cycle is not closed yet</p>"));
        assertTrue(text.contains("The cycle is not closed yet."));
        Element contents = elements(parse(html), "nav").get(0);
        List<String> badges = new ArrayList<>();
        NodeList spans = contents.getElementsByTagName("span");
        for (int i = 0; i < spans.getLength(); i++) {
            Element span = (Element) spans.item(i);
            if (span.getAttribute("class").startsWith("badge")) {
                badges.add(span.getTextContent());
            }
        }
        assertEquals(List.of("present", "present", "present", "present", "present", "present", "missing",
                "present", "present"), badges);
    }

    @Test
    public void sectionsCarryTheRecordsFacts() throws Exception {
        String text = parse(render(SampleEvidencePack.open())).getDocumentElement().getTextContent();
        for (String fact : List.of("Cut exploitable exposure on the payment path", "2026-07-01 to 2026-09-30, a "
                        + "checkpoint every 14 days", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "EPSS 0.94358 (percentile 0.99957) for CVE-2021-44228",
                "ctem-default v1", "Critical (score 89.9, SSVC Attend..Act (undetermined), policy ctem-default v1)",
                "Exploit reproduction", "Open \u2192 Open", "CHG-4711", "WAF rule 942100 blocks the payload",
                "CTEM-2026-Q2", "intact", "Finding mobilised", "not in the register", "out of scope")) {
            assertTrue(fact, text.contains(fact));
        }
    }

    /** What an auditor must not have to infer: evidence and outcome apart, late deadlines, stale factors, the anchors. */
    @Test
    public void theFlagsAnAuditorLooksForAreShown() throws Exception {
        String html = render(SampleEvidencePack.open());
        String text = parse(html).getDocumentElement().getTextContent().replaceAll("\\s+", " ");
        for (String fact : List.of(
                "evidence present", "not met", "3 of 3 findings in the register ranked",
                "later than policy", "later than the policy's 2026-09-30 (KEV dueDate as published); set by lead: the"
                        + " vendor's maintenance window",
                "predates validation", "Retest passed on 2026-08-25, after this decision (2026-08-20): its factors"
                        + " predate that validation; prioritise again",
                "Prioritise again: 1 validation was recorded after this queue was ranked",
                "ctem cycle prioritise CTEM-2026-Q3",
                "checked with key 3fa2c1d04e5f", "Checkpoint of 2026-07-15", "3 rows, sha256 " + "01".repeat(32))) {
            assertTrue(fact + " in " + text, text.contains(fact));
        }
        assertTrue("log states show as fields, not JSON", html.contains("<span class=\"label\">owner</span>"
                + " <span class=\"value\">platform.team</span>") && !text.contains("{\"owner\""));
        assertTrue("a settled queue item shows its status", html.contains("<span class=\"badge never\">Verified"
                + "</span>"));
    }

    @Test
    public void aClosedCycleShowsItsClosureSummaryAndNextCycle() throws Exception {
        String html = render(SampleEvidencePack.closed());
        String text = parse(html).getDocumentElement().getTextContent();
        assertFalse(html.contains("<p class=\"note\">"));
        assertFalse(text.contains("The cycle is not closed yet."));
        assertTrue(text.contains("2 findings (accepted risks among them: 1)"));
        assertTrue("one finding, not \"1 findings\"", text.contains("1 finding verified")
                && text.contains("0 findings dismissed as false positives"));
        assertTrue(text.contains("CHECKOUT: exposure changed to Internet-facing"));
        assertTrue(text.contains("CTEM-2026-Q4"));
        assertTrue(text, text.contains("Recommended next-cycle scope: 2 items recommended, 1 taken by the next cycle"));
        assertTrue(html, html.contains("<td>Asset outside every scope rule</td><td class=\"mono\">host:legacy.example.com"
                + "</td><td>4 findings on 1 assets no scope rule matched, last seen 2026-07-20</td><td>not taken</td>"));
        assertTrue(text, text.contains("taken into CTEM-2026-Q4 by lead on 2026-09-30"));
    }

    @Test
    public void anEmptyRecordSaysSoInEverySection() throws Exception {
        EvidencePack open = SampleEvidencePack.open(Rows.of(List.of()), Rows.of(List.of()), Rows.of(List.of()),
                Rows.of(List.of()), Rows.of(List.of()));
        String text = parse(render(open)).getDocumentElement().getTextContent();
        for (String empty : List.of("No finding was discovered.", "The queue is empty.", "No finding was validated.",
                "The register holds no finding.", "No log entry concerns a finding yet.", "The log is empty.")) {
            assertTrue(empty, text.contains(empty));
        }
    }

    /** The large sections stream: each is read from the record once (the log and the register twice), never copied. */
    @Test
    public void largeSectionsAreReadOnceEachAndTheLogTwice() throws IOException {
        AtomicInteger findings = new AtomicInteger();
        AtomicInteger queue = new AtomicInteger();
        AtomicInteger validations = new AtomicInteger();
        AtomicInteger register = new AtomicInteger();
        AtomicInteger log = new AtomicInteger();
        EvidencePack pack = SampleEvidencePack.open(counted(SampleEvidencePack.findings(), findings),
                counted(SampleEvidencePack.queue(), queue), counted(SampleEvidencePack.validations(), validations),
                counted(SampleEvidencePack.registerItems(), register), counted(SampleEvidencePack.log(), log));
        writer.write(pack, Writer.nullWriter());
        // the register twice: once more for the charts of its status and deadlines, counted as it streams
        assertEquals(List.of(1, 1, 1, 2, 2), List.of(findings.get(), queue.get(), validations.get(), register.get(),
                log.get()));
    }

    /** Rows of one page, counting how often a rendering starts reading them. */
    private static <T> Rows<T> counted(List<T> rows, AtomicInteger iterations) {
        LongFunction<Page<T>> pages = after -> {
            if (after == 0) {
                iterations.incrementAndGet();
                return new Page<>(rows, 1);
            }
            return new Page<>(List.of(), 1);
        };
        return new Rows<>(pages);
    }

    @Test
    public void aCallMissingFromTheAllowlistFailsTheRendering() throws IOException {
        Set<String> allowlist = new HashSet<>(Descriptor.load().allowlist());
        String missing = "org.ctemcycles.report.view.FindingView#getEpss()";
        assertTrue(allowlist.remove(missing));
        JiraVelocityEngine engine = new JiraVelocityEngine(VelocityAllowlist.ofApp(allowlist));
        try {
            engine.render(HtmlPackWriter.TEMPLATE, java.util.Map.of("pack",
                    new org.ctemcycles.report.view.EvidencePackView(SampleEvidencePack.open())), Writer.nullWriter());
            fail("rendered although " + missing + " is not allowlisted");
        } catch (RuntimeException e) {
            String messages = causes(e).stream().map(Throwable::getMessage).collect(Collectors.joining(" / "));
            assertTrue(messages, messages.contains(missing + " is not on the velocity allowlist"));
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    public void theDocumentIsSelfContainedAndPrintable() throws Exception {
        String html = render(SampleEvidencePack.open());
        Document document = parse(html);
        for (Element element : elements(document, "*")) {
            assertFalse(element.getTagName() + " loads something", element.hasAttribute("src")
                    || element.getTagName().equals("link") || element.getTagName().equals("iframe"));
        }
        String css = elements(document, "style").get(0).getTextContent();
        assertFalse("no external resources", css.contains("@import") || css.contains("url("));
        for (String rule : List.of("@page", "break-before: page", "thead { display: table-header-group; }",
                "tr { break-inside: avoid;", "overflow-wrap: anywhere")) {
            assertTrue(rule, html.contains(rule));
        }
    }

    /** Writes a sample to target/ for people to look at (scripts/screenshot-report makes a PNG and a PDF of it). */
    @Test
    public void writesASampleForReviewers() throws IOException {
        Path file = Path.of("target/evidence-report/cycle-report.html");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(SampleEvidencePack.open(), out);
        }
        assertNotNull(Files.readString(file));
    }
}
