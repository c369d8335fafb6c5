package org.ctemcycles.app;

import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DedupResult;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ReportReader;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The one import path, through to the register, with reports that were not read whole: a truncated Nuclei report, a
 * line over a limit, a SARIF behind leading whitespace, a forced format that is not the file's, a blank file. None of
 * them may cover a surface, verify a finding, or keep the report from being imported again once fixed.
 */
@RunWith(Parameterized.class)
public class ReportImportTest {

    private static final String CYCLE = "CTEM-2026-Q3";
    private static final String LEAD = "lead";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final TestDatabase database;
    private TestDatabase.Opened opened;
    private MutableClock clock;
    private CycleRecord record;

    public ReportImportTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void cycleWithAWebSurface() {
        opened = database.open();
        clock = MutableClock.on("2026-07-06");
        record = CycleRecord.overStore(opened.database().activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> LEAD.equals(user), clock);
        record.cycles().create(new CycleDraft(CYCLE, "Q3", "Cut exposure", "2026-07-01", "2026-09-30", "14"), LEAD);
        record.scope().add(CYCLE, new SurfaceDraft("WEB", "Web tier", "customer-facing system", "alice", "high",
                "internet-facing", "No exploitable exposure", List.of("host:*.corp.example",
                        "repo:github.com/acme/shop")), LEAD);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    private static String nuclei(String template, String extra) {
        return "{\"template-id\":\"" + template + "\",\"info\":{\"name\":\"Check " + template + "\",\"severity\":"
                + "\"high\"},\"host\":\"web01.corp.example\",\"matched-at\":\"web01.corp.example:443\",\"type\":\"tcp\""
                + extra + "}";
    }

    private Path file(String name, String content) throws IOException {
        Path path = folder.getRoot().toPath().resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private ImportSummary importFile(Path file, ImportLimits limits, SourceKind kind, String tool, String format)
            throws ImportException {
        clock.advance(Duration.ofDays(1)); // each scan later than the one before
        return record.imports(limits).read(file, new ReportImport.Options(CYCLE, kind, tool, List.of("WEB"), null,
                format, LEAD)).summary();
    }

    private ImportSummary importFile(Path file, ImportLimits limits) throws ImportException {
        return importFile(file, limits, null, null, null);
    }

    /** Each finding's register status, by its rule id. */
    private Map<String, FindingStatus> statuses() {
        Map<String, FindingStatus> byKey = new HashMap<>();
        for (RegisterEntry entry : record.mobilisation().register(CYCLE)) {
            byKey.put(entry.findingKey(), entry.status());
        }
        Map<String, FindingStatus> byRule = new HashMap<>();
        for (Finding finding : record.discovery().findings(CYCLE)) {
            byRule.put(finding.ruleId(), byKey.get(finding.key()));
        }
        return byRule;
    }

    private DiscoveryRun newestRun() {
        return record.discovery().runs(CYCLE).get(0);
    }

    private long lastCoveringRun(SourceKind kind) {
        CoverageMatrix matrix = record.discovery().coverage(CYCLE, Duration.ofDays(30));
        return matrix.rows().get(0).cells().stream().filter(c -> c.sourceKind() == kind).findFirst()
                .orElseThrow().lastRunId();
    }

    @Test
    public void aTruncatedNucleiReportIsAPartialRunThatCoversAndVerifiesNothing() throws Exception {
        importFile(file("week1.jsonl", nuclei("tpl-a", "") + "\n" + nuclei("tpl-b", "") + "\n"),
                ImportLimits.defaults());
        long week1 = newestRun().id();
        assertEquals(Map.of("tpl-a", FindingStatus.OPEN, "tpl-b", FindingStatus.OPEN), statuses());

        String b = nuclei("tpl-b", "");
        ImportSummary truncated = importFile(file("week2.jsonl", nuclei("tpl-a", "") + "\n"
                + b.substring(0, b.length() / 2)), ImportLimits.defaults());

        assertFalse(truncated.alreadyImported());
        DiscoveryRun run = newestRun();
        assertFalse("a report not read whole is not complete", run.complete());
        assertEquals("it covers nothing", List.of(), run.coveredSurfaces());
        assertEquals(0, run.counts().fixCandidates());
        assertEquals(1, run.counts().observations());
        assertTrue(run.warnings().toString(), run.warnings().get(0).startsWith("line 2: skipped a malformed line:"));
        assertEquals("the finding on the truncated line is not verified",
                Map.of("tpl-a", FindingStatus.OPEN, "tpl-b", FindingStatus.OPEN), statuses());
        assertEquals("the coverage is still the first run's", week1, lastCoveringRun(SourceKind.EXTERNAL_SCAN));
        List<LogEntry> logged = record.log().about("run:" + run.id());
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).after(), logged.get(0).after().contains("\"complete\":\"false\""));
    }

    @Test
    public void aLineOverALimitMakesAPartialRunAndTheSameReportImportsWholeOnceTheLimitIsRaised() throws Exception {
        importFile(file("week1.jsonl", nuclei("tpl-a", "") + "\n" + nuclei("tpl-b", "") + "\n"),
                ImportLimits.defaults());
        Path week2 = file("week2.jsonl", nuclei("tpl-a", "") + "\n"
                + nuclei("tpl-b", ",\"response\":\"" + "HTTP/1.1 200 OK ".repeat(500) + "\"") + "\n");
        ImportLimits small = new ImportLimits(1 << 30, 1000, 2000, 64);

        ImportSummary partial = importFile(week2, small);
        assertFalse(newestRun().complete());
        assertTrue(newestRun().warnings().get(0), newestRun().warnings().get(0).contains(
                "is longer than the limit of 2000 characters (--max-field-length raises it)"));
        assertEquals(Map.of("tpl-a", FindingStatus.OPEN, "tpl-b", FindingStatus.OPEN), statuses());

        ImportSummary whole = importFile(week2, ImportLimits.defaults());
        assertFalse("a partial run does not make its report already imported", whole.alreadyImported());
        assertTrue(whole.runId() != partial.runId());
        assertTrue(newestRun().complete());
        assertEquals(2, whole.counts().observations());
        assertEquals(List.of("WEB"), newestRun().coveredSurfaces());
        assertEquals(Map.of("tpl-a", FindingStatus.OPEN, "tpl-b", FindingStatus.OPEN), statuses());
        assertTrue("now it is", importFile(week2, ImportLimits.defaults()).alreadyImported());

        importFile(file("week3.jsonl", nuclei("tpl-a", "") + "\n"), ImportLimits.defaults());
        assertEquals("a complete run still verifies what it no longer sees",
                Map.of("tpl-a", FindingStatus.OPEN, "tpl-b", FindingStatus.VERIFIED), statuses());
    }

    private static String sarif(String... rules) {
        StringBuilder results = new StringBuilder();
        for (String rule : rules) {
            results.append(results.length() == 0 ? "" : ",\n").append("        {\n          \"ruleId\": \"")
                    .append(rule).append("\",\n          \"message\": {\"text\": \"m\"},\n          \"locations\": [{"
                            + "\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"src/app.js\"}, \"region\":"
                            + " {\"startLine\": 7}}}]\n        }");
        }
        return "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
                + "  \"runs\": [\n    {\n      \"tool\": {\"driver\": {\"name\": \"CodeQL\"}},\n"
                + "      \"versionControlProvenance\": [{\"repositoryUri\": \"https://github.com/acme/shop\"}],\n"
                + "      \"results\": [\n" + results + "\n      ]\n    }\n  ]\n}\n";
    }

    @Test
    public void aSarifBehindTenKilobytesOfWhitespaceIsReadAsSarif() throws Exception {
        importFile(file("monday.sarif", sarif("js/xss", "js/sqli")), ImportLimits.defaults(), SourceKind.CODE_SCAN,
                "CodeQL", null);
        assertEquals(Map.of("js/xss", FindingStatus.OPEN, "js/sqli", FindingStatus.OPEN), statuses());

        ImportSummary padded = importFile(file("tuesday.sarif", " ".repeat(5000) + "\r\n".repeat(2600)
                + sarif("js/xss", "js/sqli")), ImportLimits.defaults(), SourceKind.CODE_SCAN, "CodeQL", null);
        assertEquals("sarif", newestRun().format());
        assertEquals(2, padded.counts().observations());
        assertTrue(newestRun().complete());
        assertEquals("nothing it still reports is verified",
                Map.of("js/xss", FindingStatus.OPEN, "js/sqli", FindingStatus.OPEN), statuses());
    }

    @Test
    public void aForcedFormatThatIsNotTheFilesIsAnErrorAndStoresNothing() throws Exception {
        importFile(file("monday.sarif", sarif("js/xss")), ImportLimits.defaults(), SourceKind.CODE_SCAN, "CodeQL",
                null);
        Path tuesday = file("tuesday.sarif", sarif("js/xss") + "\n");
        for (String format : new String[] {"cyclonedx-json", "nuclei"}) {
            try {
                importFile(tuesday, ImportLimits.defaults(), SourceKind.CODE_SCAN, "CodeQL", format);
                fail("--format " + format + " on a SARIF file was imported");
            } catch (ImportException e) {
                assertEquals("offset 0: the content is sarif, not " + format + " as --format says (leave --format out"
                        + " to read it as sarif)", e.getMessage());
            }
        }
        assertEquals(1, record.discovery().runs(CYCLE).size());
        assertEquals(Map.of("js/xss", FindingStatus.OPEN), statuses());
    }

    @Test
    public void aBlankFileNamesNoFormatAndStoresNothing() throws Exception {
        importFile(file("week1.jsonl", nuclei("tpl-a", "") + "\n"), ImportLimits.defaults());
        try {
            importFile(file("blank.jsonl", "\n \n\t\n"), ImportLimits.defaults());
            fail("a blank file was taken for a report");
        } catch (ImportException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("offset 5: the file holds nothing but whitespace, so"
                    + " its format cannot be told from its content: name it with --format"));
        }
        assertEquals(1, record.discovery().runs(CYCLE).size());
        assertEquals(Map.of("tpl-a", FindingStatus.OPEN), statuses());
    }

    /** The read-ahead (each file import) against the reader on the caller's thread, on every SARIF of the corpus. */
    @Test
    public void aReportReadAheadDeduplicatesAsTheSameReportReadInPlace() throws Exception {
        Path corpus = Path.of(ReportImportTest.class.getResource("/ingest/sarif").toURI());
        List<Path> reports;
        try (Stream<Path> files = Files.list(corpus)) {
            reports = files.filter(f -> f.toString().endsWith(".sarif")).sorted().toList();
        }
        assertTrue(reports.toString(), reports.size() >= 9);
        int findings = 0;
        for (Path report : reports) {
            DedupResult inPlace;
            try (ImportPlan plan = record.discovery().plan(CYCLE, null, List.of("WEB"));
                 InputStream in = Files.newInputStream(report)) {
                try {
                    new ReportReader(Importers.standard(), ImportLimits.defaults()).read(in, null, ReportReadAheadTest.sink(plan::add));
                } catch (ImportException e) {
                    continue; // a rejected report: see aMalformedReportReadAheadIsRejectedAsInPlaceAndStoresNothing
                }
                inPlace = plan.result();
            }
            try (ImportPlan plan = record.discovery().plan(CYCLE, null, List.of("WEB"));
                 ReportReadAhead ahead = ReportReadAhead.start(report, null, Importers.standard(),
                         ImportLimits.defaults())) {
                ahead.readInto(ReportReadAheadTest.sink(plan::add));
                DedupResult readAhead = plan.result();
                assertEquals(report.toString(), inPlace.findings().inReportOrder(),
                        readAhead.findings().inReportOrder());
                assertEquals(inPlace.observations(), readAhead.observations());
                assertEquals(inPlace.outOfScope(), readAhead.outOfScope());
                assertEquals(inPlace.assetsBySurface(), readAhead.assetsBySurface());
                assertEquals(inPlace.surfacesByKind(), readAhead.surfacesByKind());
                assertEquals(inPlace.tools(), readAhead.tools());
                findings += inPlace.findings().size();
            }
        }
        assertTrue("the corpus yields findings: " + findings, findings > 10);
    }

    @Test
    public void aMalformedReportReadAheadIsRejectedAsInPlaceAndStoresNothing() throws Exception {
        String whole = sarif("js/a", "js/b", "js/c", "js/d", "js/e", "js/f");
        Path cut = file("cut.sarif", whole.substring(0, whole.length() * 2 / 3) + "{{");
        ReportImport.Options options = new ReportImport.Options(CYCLE, null, null, List.of("WEB"), null, null, LEAD);
        String inPlace;
        try (InputStream in = Files.newInputStream(cut)) {
            record.imports(ImportLimits.defaults()).read("cut.sarif", in, options);
            fail("a malformed report was imported");
            return;
        } catch (ImportException e) {
            inPlace = e.getMessage();
        }
        try {
            record.imports(ImportLimits.defaults()).read(cut, options);
            fail("a malformed report read ahead was imported");
        } catch (ImportException e) {
            assertEquals(inPlace, e.getMessage());
        }
        assertTrue(inPlace, inPlace.startsWith("line "));
        assertEquals(List.of(), record.discovery().runs(CYCLE));
        assertEquals(List.of(), record.discovery().findings(CYCLE));
        assertEquals(List.of(), readerThreads());
    }

    @Test
    public void anOptionFoundWrongStopsTheReaderOfAnEndlessReportAndStoresNothing() throws Exception {
        ImportLimits limits = new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 100_000, 64);
        List<ReportImport.Options> wrong = List.of(
                new ReportImport.Options("CTEM-NONE", null, null, List.of(), null, null, LEAD),
                new ReportImport.Options(CYCLE, null, null, List.of("PAYMENTS"), null, null, LEAD),
                new ReportImport.Options(CYCLE, null, null, List.of(), null, "qualys", LEAD));
        for (ReportImport.Options options : wrong) {
            ReportReadAhead ahead = ReportReadAhead.start("endless.sarif", ReportReadAheadTest.endlessSarif(),
                    options.format(), Importers.standard(), limits, 128, 8);
            try {
                record.imports(limits).read(ahead, options);
                fail("imported with " + options);
            } catch (NotFoundException | InvalidInputException e) {
                // as the check says it
            }
            assertFalse("the reader was stopped: " + options, ahead.alive());
        }
        assertEquals(List.of(), record.discovery().runs(CYCLE));
        assertEquals(List.of(), readerThreads());
    }

    /** The reader threads still alive. */
    static List<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter("ctem-report-reader"::equals).toList();
    }
}
