package org.ctemcycles.ingest.nuclei;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class NucleiImporterTest {

    private final NucleiImporter importer = new NucleiImporter();

    @Test
    public void jsonLinesAreReadAndBlankAndMalformedLinesSkippedWithAWarningNamingTheLine() throws Exception {
        Reports.Read read = Reports.read(importer, "nuclei/scan.jsonl");
        assertEquals(5, read.observations().size());

        Observation log4j = read.rule("CVE-2021-44228");
        assertEquals(SourceKind.EXTERNAL_SCAN, log4j.sourceKind());
        assertEquals("Nuclei", log4j.tool());
        assertEquals("Apache Log4j2 Remote Code Injection", log4j.title());
        assertEquals(ObservedSeverity.CRITICAL, log4j.severity());
        assertEquals(new AssetRef(AssetKind.URL, "https://app.example.com"), log4j.asset());
        assertEquals("the payload in the query value is not part of the location", "https://app.example.com/?x",
                log4j.location());
        assertEquals(List.of("CVE-2021-44228"), log4j.cves());
        assertEquals(List.of("CWE-20", "CWE-917"), log4j.cwes());
        assertEquals(List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), log4j.cvssVectors());
        assertEquals("app-01.internal", log4j.evidence());
        assertEquals("0.97453", log4j.attributes().get("epss-score"));
        assertEquals("203.0.113.10", log4j.attributes().get("ip"));

        Observation ssh = read.rule("CVE-2018-15473");
        assertEquals(new AssetRef(AssetKind.HOST, "ssh.example.com"), ssh.asset());
        assertEquals("ssh.example.com:22", ssh.location());

        Observation nginx = read.rule("tech-detect:nginx");
        assertEquals("the matcher names the sub-check", ObservedSeverity.INFO, nginx.severity());

        Observation git = read.rule("git-config");
        assertEquals("old keys (templateID, matched) are read", "http://203.0.113.20/.git/config", git.location());
        assertEquals(new AssetRef(AssetKind.URL, "http://203.0.113.20"), git.asset());

        String warnings = read.allWarnings();
        assertTrue(warnings, warnings.contains("line 5: skipped a malformed line: column 1: malformed JSON: "));
        assertTrue(warnings, warnings.contains("line 7: skipped a malformed line: "));
        assertTrue(warnings, warnings.contains("skipped 1 results with matcher-status false (nothing matched) (first at line 9)"));
        assertEquals(warnings, 3, read.warnings().size());
        assertEquals("the malformed lines make the report partial, the result that matched nothing does not",
                2, read.skipped().size());
        assertFalse(read.complete());
    }

    @Test
    public void theJsonArrayExportIsRead() throws Exception {
        Reports.Read read = Reports.read(importer, "nuclei/export.json");
        assertEquals(2, read.observations().size());
        Observation gitignore = read.rule("exposed-gitignore");
        assertEquals(List.of(), gitignore.cves());
        assertEquals(List.of("CWE-200"), gitignore.cwes());
        assertEquals(ObservedSeverity.HIGH, read.rule("CVE-2023-4966").severity());
    }

    @Test
    public void anEmptyFileIsZeroObservations() throws Exception {
        Reports.Read read = Reports.read(importer, "nuclei/empty.jsonl");
        assertEquals(0, read.observations().size());
        assertEquals(0, read.warnings().size());
    }

    @Test
    public void manyMalformedLinesAreNamedUpToALimitAndCountedInAll() throws Exception {
        String result = new String(Reports.bytes("nuclei/scan.jsonl"), StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow();
        String text = result + "\n" + "garbage\n".repeat(150);
        Reports.Read read = Reports.read(importer, text.getBytes(StandardCharsets.UTF_8), ImportLimits.defaults());
        assertEquals(1, read.observations().size());
        assertEquals(NucleiImporter.NAMED_WARNINGS + 1, read.warnings().size());
        assertTrue(read.warnings().get(99).startsWith("line 101: "));
        assertEquals("skipped 150 malformed lines in all (the first 100 are named above)", read.warnings().get(100));
        assertEquals(read.warnings(), read.skipped());
    }

    @Test
    public void linesOfWhichNoneIsANucleiResultAreAnotherFormatNotADamagedReport() {
        String message = Reports.rejection(importer, "garbage\n{\"a\":1}\n".getBytes(StandardCharsets.UTF_8),
                ImportLimits.defaults());
        assertTrue(message, message.startsWith("not Nuclei output: no line is a Nuclei result (line 1: skipped a"
                + " malformed line: "));
    }
}
