package org.ctemcycles.app;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraAppRule;
import org.ctemcycles.testing.RecordingLogs;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * What the edges log, read through the test suite's SLF4J provider: an import says who, which cycle, which file, how
 * many bytes, what came of it and how long it took, and never anything the report contains; a refused request says
 * who was refused what.
 */
public class EdgeLoggingTest {

    private static final String SARIF = "/ingest/sarif/semgrep.sarif";

    @Rule
    public final JiraAppRule app = new JiraAppRule();
    private final FakeJira jira = app.jira;

    @Before
    public void recordLogs() {
        assertTrue("Surefire sets slf4j.provider to RecordingLogs", RecordingLogs.installed());
        app.services().cycles().create(new CycleDraft("CTEM-1", "Q3", "", "2026-07-01", "2026-09-30", "", "SEC"),
                "JIRAUSER10100");
        RecordingLogs.clear();
    }

    private ReportImport.Options options() {
        return new ReportImport.Options("CTEM-1", null, null, List.of(), null, null, "JIRAUSER10100");
    }

    private static byte[] report() throws IOException {
        try (InputStream in = EdgeLoggingTest.class.getResourceAsStream(SARIF)) {
            return in.readAllBytes();
        }
    }

    private List<String> importLines() {
        return RecordingLogs.lines().stream().filter(l -> l.contains(ReportImport.class.getName())).toList();
    }

    @Test
    public void anImportIsLoggedWithWhoWhatWhereHowBigAndHowLongButNothingOfTheReport() throws Exception {
        byte[] report = report();
        ReportImport imports = app.services().record().imports(ImportLimits.defaults());
        imports.read("semgrep\nINFO forged line.sarif", new ByteArrayInputStream(report), options());
        imports.read("semgrep.sarif", new ByteArrayInputStream(report), options());

        List<String> lines = importLines();
        assertEquals(lines.toString(), 2, lines.size());
        String imported = lines.get(0);
        assertTrue(imported, imported.startsWith("INFO org.ctemcycles.app.ReportImport: CTEM import: user "
                + "JIRAUSER10100 imported 'semgrep?INFO forged line.sarif' (" + report.length + " bytes, sarif) "
                + "into cycle CTEM-1 as run "));
        assertTrue(imported, imported.matches(".*: \\d+ observations, \\d+ new findings, \\d+ seen again, \\d+ "
                + "warnings \\(\\d+ ms\\)"));
        assertTrue(lines.get(1), lines.get(1).matches(".*user JIRAUSER10100 sent 'semgrep.sarif' \\(" + report.length
                + " bytes\\) to cycle CTEM-1 again; run \\d+ already holds it, nothing changed \\(\\d+ ms\\)"));
        for (String line : lines) {
            for (String content : List.of("SECRET_KEY", "cursor.execute", "app/db.py", "Semgrep", "python.")) {
                assertFalse(line + " holds report content " + content, line.contains(content));
            }
        }
    }

    @Test
    public void aRejectedReportIsLoggedWithoutTheReasonWhichMayQuoteIt() {
        String hostile = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"password=hunter2\"}},"
                + "\"results\":[{\"ruleId\":\"r\",\"message\":{\"text\":\"token ghp_abc\"}";
        ReportImport imports = app.services().record().imports(ImportLimits.defaults());
        assertThrows(ImportException.class, () -> imports.read("broken.sarif",
                new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)), options()));

        List<String> lines = importLines();
        assertEquals(lines.toString(), 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).matches(".*user JIRAUSER10100 sent 'broken.sarif' \\("
                + hostile.length() + " bytes read\\) to cycle CTEM-1: rejected, nothing stored \\(\\d+ ms\\)"));
        assertFalse(lines.get(0).contains("hunter2"));
        assertFalse(lines.get(0).contains("ghp_abc"));
    }

    @Test
    public void anImportIntoACycleThatDoesNotExistIsLoggedAsNotImported() {
        ReportImport imports = app.services().record().imports(ImportLimits.defaults());
        ReportImport.Options nowhere = new ReportImport.Options("CTEM-404", null, null, List.of(), null, null,
                "JIRAUSER10100");
        assertThrows(RuntimeException.class, () -> imports.read("semgrep.sarif",
                new ByteArrayInputStream(report()), nowhere));
        assertEquals(1, importLines().size());
        assertTrue(importLines().get(0), importLines().get(0).contains("to cycle CTEM-404: not imported, "
                + "NotFoundException"));
    }

    @Test
    public void aPermissionDenialNamesTheUserTheCycleAndWhatWasRefused() {
        Cycle cycle = app.services().cycles().get("CTEM-1");
        assertThrows(AccessDeniedException.class, () -> app.permissions().check(jira.engineer, CycleAccess.RUN,
                cycle));
        List<String> lines = RecordingLogs.lines();
        assertEquals(lines.toString(), 1, lines.size());
        assertEquals("INFO org.ctemcycles.jira.security.CtemPermissions: CTEM permission denied: user JIRAUSER10200 "
                + "may not RUN cycle CTEM-1 (roles [ENGINEER])", lines.get(0));
    }
}
