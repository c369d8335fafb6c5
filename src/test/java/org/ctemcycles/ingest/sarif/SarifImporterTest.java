package org.ctemcycles.ingest.sarif;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class SarifImporterTest {

    private final SarifImporter importer = new SarifImporter();

    @Test
    public void codeqlResultsTakeRulesFromExtensionsWithSecuritySeverityAndCwesFromTags() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/codeql-javascript.sarif");
        assertEquals(3, read.observations().size());
        assertEquals(List.of(), read.warnings());

        Observation sqli = read.rule("js/sql-injection");
        assertEquals(SourceKind.CODE_SCAN, sqli.sourceKind());
        assertEquals("CodeQL", sqli.tool());
        assertEquals("2.19.3", sqli.toolVersion());
        assertEquals("Database query built from user-controlled sources", sqli.title());
        assertEquals(ObservedSeverity.HIGH, sqli.severity());
        assertEquals("8.8", sqli.reportedSeverity());
        assertEquals(List.of("CWE-89", "CWE-90", "CWE-943"), sqli.cwes());
        assertEquals(new AssetRef(AssetKind.REPOSITORY, "https://github.com/example/shop"), sqli.asset());
        assertEquals("server/routes/items.js:42", sqli.location());
        assertEquals("primaryLocationLineHash=39fa2ee980eb94b0:1|primaryLocationStartColumnFingerprint=17",
                sqli.fingerprint());
        assertEquals("This query string depends on a [user-provided value](1).", sqli.evidence());
        assertEquals("error", sqli.attributes().get("level"));
        assertEquals("high", sqli.attributes().get("precision"));
        assertTrue(sqli.attributes().get("snippet").startsWith("db.query("));

        Observation xss = read.rule("js/reflected-xss");
        assertEquals(ObservedSeverity.MEDIUM, xss.severity());
        assertEquals(List.of("CWE-79", "CWE-116"), xss.cwes());
        assertEquals("the highest version of a partial fingerprint wins",
                "primaryLocationLineHash/v2=f00dfeedcafe0001:1", xss.fingerprint());

        Observation unused = read.rule("js/unused-local-variable");
        assertEquals("the rule's default level applies", "note", unused.reportedSeverity());
        assertEquals(ObservedSeverity.LOW, unused.severity());
    }

    @Test
    public void semgrepWritesResultsBeforeItsToolAndSuppressionsAndBaselineStatesAreKept() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/semgrep.sarif");
        assertEquals(4, read.observations().size());

        Observation sql = read.rule("python.lang.security.audit.formatted-sql-query.formatted-sql-query");
        assertEquals("Semgrep OSS", sql.tool());
        assertEquals("1.96.0", sql.toolVersion());
        assertEquals("the rule's default level error", ObservedSeverity.HIGH, sql.severity());
        assertEquals(List.of("CWE-89"), sql.cwes());
        assertEquals("matchBasedId/v1=8a1f0e6c0f3f2d1e", sql.fingerprint());
        assertEquals("app/db.py:42", sql.location());
        assertEquals(new AssetRef(AssetKind.REPOSITORY, ""), sql.asset());

        Observation secret = read.rule("python.django.security.audit.django-secret-key.django-secret-key");
        assertEquals("true", secret.attributes().get("suppressed"));
        assertEquals("inSource", secret.attributes().get("suppression.kind"));
        assertEquals("test settings only", secret.attributes().get("suppression.justification"));
        assertEquals(List.of("CWE-798"), secret.cwes());

        Observation debug = read.rule("python.flask.security.debug-enabled");
        assertEquals("no level anywhere: SARIF's default, warning", "warning", debug.reportedSeverity());
        assertEquals(ObservedSeverity.MEDIUM, debug.severity());
        assertEquals("new", debug.attributes().get("baselineState"));
        assertEquals("underReview", debug.attributes().get("suppressed"));
        assertEquals(List.of("CWE-489"), debug.cwes());
        assertEquals(ObservedSeverity.LOW, read.rule("python.lang.best-practice.use-assert.use-assert").severity());

        String warnings = read.allWarnings();
        assertTrue(warnings, warnings.contains("skipped 1 results whose baselineState is 'absent'"));
        assertTrue(warnings, warnings.contains("skipped 1 results of kind pass"));
    }

    @Test
    public void resultsBeforeTheToolResolveRuleIndexesAndCvesAndVectorsFromRuleProperties() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/results-before-tool.sarif");
        assertEquals(2, read.observations().size());
        Observation root = read.rule("DS002");
        assertEquals("Trivy", root.tool());
        assertEquals("0.57.1", root.toolVersion());
        assertEquals("Image user should not be 'root'", root.title());
        assertEquals(ObservedSeverity.HIGH, root.severity());
        assertEquals("Dockerfile:1", root.location());
        Observation cve = read.rule("CVE-2024-2511");
        assertEquals(List.of("CVE-2024-2511"), cve.cves());
        assertEquals(ObservedSeverity.MEDIUM, cve.severity());
        assertEquals(List.of("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"), cve.cvssVectors());
        assertNull(cve.fingerprint());
    }

    @Test
    public void anEmptyRunIsZeroObservations() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/empty.sarif");
        assertEquals(0, read.observations().size());
        assertEquals(0, read.warnings().size());
    }

    @Test
    public void otherSarifVersionsAndTruncatedLogsAreRejectedWithTheLine() {
        String old = Reports.rejection(importer, Reports.bytes("sarif/sarif-1.0.sarif"), ImportLimits.defaults());
        assertTrue(old, old.startsWith("line 1, column "));
        assertTrue(old, old.contains("SARIF version '1.0.0' is not supported"));

        String truncated = Reports.rejection(importer, Reports.bytes("sarif/truncated.sarif"), ImportLimits.defaults());
        assertTrue(truncated, truncated.matches("line \\d+, column \\d+: .*"));
        assertTrue(truncated, truncated.contains("truncated") || truncated.contains("malformed"));
    }

    @Test
    public void readingTheSameLogTwiceYieldsEqualObservations() throws ImportException {
        assertEquals(Reports.read(importer, "sarif/codeql-javascript.sarif").observations(),
                Reports.read(importer, "sarif/codeql-javascript.sarif").observations());
    }
}
