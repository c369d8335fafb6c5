package org.ctemcycles.ingest.kev;

import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.kev.RansomwareUse;
import org.ctemcycles.ingest.ImportException;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** CISA's KEV catalogue of 2025-08-25 (1,404 entries) read from its JSON and its CSV form: every field, every quirk. */
public class KevReadersTest {

    private static final Instant LOADED = Instant.parse("2025-08-26T08:00:00Z");
    private static KevCatalog json;
    private static KevCatalog csv;

    @BeforeClass
    public static void readBothForms() throws Exception {
        json = new KevJsonReader().read(resource("known_exploited_vulnerabilities.json.gz"), "kev.json", LOADED);
        csv = new KevCsvReader().read(resource("known_exploited_vulnerabilities.csv.gz"), "kev.csv", LOADED);
    }

    static InputStream resource(String name) {
        return KevReadersTest.class.getResourceAsStream("/kev/" + name);
    }

    @Test
    public void jsonHeaderIsKept() {
        assertEquals("CISA Catalog of Known Exploited Vulnerabilities", json.info().title());
        assertEquals("2025.08.25", json.info().catalogVersion());
        assertEquals(Instant.parse("2025-08-25T17:04:19.9796Z"), json.info().dateReleased());
        assertEquals(1404, json.info().count());
        assertEquals(1404, json.size());
    }

    @Test
    public void everyFieldOfAnEntryIsRead() {
        KevEntry git = json.find("CVE-2025-48384").orElseThrow();
        assertEquals("Git", git.vendorProject());
        assertEquals("Git", git.product());
        assertEquals("Git Link Following Vulnerability", git.vulnerabilityName());
        assertEquals(LocalDate.of(2025, 8, 25), git.dateAdded());
        assertTrue(git.shortDescription().startsWith("Git contains a link following vulnerability that stems from Git\u2019s"));
        assertTrue(git.requiredAction().startsWith("Apply mitigations per vendor instructions"));
        assertEquals(LocalDate.of(2025, 9, 15), git.dueDate());
        assertEquals(RansomwareUse.UNKNOWN, git.knownRansomwareCampaignUse());
        assertTrue(git.notes().contains("https://github.com/git/git/security/advisories/GHSA-vwqx-4fm8-6qc9 ; https://"));
        assertEquals(List.of("CWE-59", "CWE-436"), git.cwes());
    }

    @Test
    public void quirksAreKeptAsPublished() {
        List<KevEntry> dueBeforeAdded = json.entries().stream().filter(KevEntry::dueBeforeAdded).toList();
        assertEquals(15, dueBeforeAdded.size());
        assertTrue(dueBeforeAdded.stream().allMatch(e -> e.dateAdded().equals(LocalDate.of(2021, 11, 3))));
        KevEntry zerologon = json.find("CVE-2020-1472").orElseThrow();
        assertEquals(LocalDate.of(2020, 9, 21), zerologon.dueDate());
        assertTrue(zerologon.dueBeforeAdded());
        assertEquals(152, json.entries().stream().filter(e -> e.cwes().isEmpty()).count());
        assertEquals(293, json.entries().stream().filter(KevEntry::ransomwareKnown).count());
        assertEquals(1111, json.entries().stream()
                .filter(e -> e.knownRansomwareCampaignUse() == RansomwareUse.UNKNOWN).count());
    }

    @Test
    public void theCsvFormGivesExactlyTheSameEntries() {
        assertEquals(json.entries(), csv.entries());
        assertEquals("2025.08.25", csv.info().catalogVersion());
        assertEquals(Instant.parse("2025-08-25T00:00:00Z"), csv.info().dateReleased());
        assertEquals(KevCsvReader.TITLE, csv.info().title());
        // doubled quotes inside a quoted field, and a trailing space kept as published
        assertTrue(csv.find("CVE-2019-11001").orElseThrow().shortDescription().contains("use the \"TestEmail\" functionality"));
        assertEquals("Privileged Remote Access (PRA) and Remote Support (RS) ",
                csv.find("CVE-2024-12356").orElseThrow().product());
    }

    @Test
    public void brokenJsonCataloguesAreRejectedNamingTheEntryAndField() {
        String head = "{\"title\":\"t\",\"catalogVersion\":\"2025.08.25\",\"dateReleased\":\"2025-08-25T17:04:19.9796Z\",";
        String entry = "{\"cveID\":\"CVE-2021-44228\",\"vendorProject\":\"Apache\",\"product\":\"Log4j2\","
                + "\"vulnerabilityName\":\"Log4Shell\",\"dateAdded\":\"2021-12-10\",\"shortDescription\":\"d\","
                + "\"requiredAction\":\"a\",\"dueDate\":\"2021-12-24\",\"knownRansomwareCampaignUse\":\"Known\","
                + "\"notes\":\"\",\"cwes\":[\"CWE-20\"],\"futureField\":{\"x\":1}}";
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry + "]}", null);
        assertJson(head + "\"count\":2,\"vulnerabilities\":[" + entry + "]}",
                "count says 2 vulnerabilities but the catalogue lists 1 (truncated or edited feed?)");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry.replace("\"dueDate\":\"2021-12-24\",", "") + "]}",
                "$.vulnerabilities[0]: dueDate is required");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry.replace("2021-12-24", "24/12/2021") + "]}",
                "$.vulnerabilities[0] (CVE-2021-44228): dueDate '24/12/2021' is not a date YYYY-MM-DD");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry.replace("\"Known\"", "\"Yes\"") + "]}",
                "$.vulnerabilities[0] (CVE-2021-44228): knownRansomwareCampaignUse 'Yes' is neither Known nor Unknown");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry.replace("CWE-20", "20") + "]}",
                "$.vulnerabilities[0] (CVE-2021-44228): cwes: '20' is not of the form CWE-NNN");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry.replace("CVE-2021-44228", "CVE-2021-4") + "]}",
                "$.vulnerabilities[0]: cveID 'CVE-2021-4' is not of the form CVE-YYYY-NNNN");
        assertJson(head + "\"count\":2,\"vulnerabilities\":[" + entry + "," + entry + "]}",
                "vulnerabilities: CVE-2021-44228 is listed twice");
        assertJson(head + "\"count\":1,\"vulnerabilities\":[" + entry, null);
    }

    @Test
    public void brokenCsvCataloguesAreRejectedWithTheirLine() {
        String header = "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,"
                + "knownRansomwareCampaignUse,notes,cwes\n";
        String row = "CVE-2021-44228,Apache,Log4j2,\"Apache Log4j2 Remote Code Execution Vulnerability\",2021-12-10,"
                + "\"Apache Log4j2 contains a vulnerability, with \"\"JNDI\"\" lookups\",\"Apply updates\",2021-12-24,"
                + "Known,\"https://x ; https://y\",CWE-20\n";
        assertCsv(header + row, null);
        assertCsv(header + row + "CVE-2020-1472,Microsoft,Netlogon,\"Zerologon\",2021-11-03,d,a,2020-09-21,Unknown,,\n",
                null);
        assertCsv(header.replace("dueDate,", ""), "line 1: the header has no column dueDate");
        assertCsv(header + row.replace(",CWE-20", ""), "line 2: 10 fields where the header has 11");
        assertCsv(header + row + row.replace("2021-12-10", "2021-13-10").replace("44228", "44229"),
                "line 3 (CVE-2021-44229): dateAdded '2021-13-10' is not a date YYYY-MM-DD");
        assertCsv(header + "CVE-2021-44228,\"Apache,Log4j2\n", "line 2: a quoted field is not closed before the end of the file");
        assertCsv(header + "CVE-2021-44228,\"Apache\"x,y\n", "line 2: text after a closing quote (a quote inside a field must be doubled)");
        assertCsv(header, "line 2: the KEV CSV lists no vulnerability");
    }

    private static void assertJson(String text, String message) {
        try {
            KevCatalog catalog = new KevJsonReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    "test", LOADED);
            if (message != null) {
                fail("expected: " + message);
            }
            assertEquals(RansomwareUse.KNOWN, catalog.find("CVE-2021-44228").orElseThrow().knownRansomwareCampaignUse());
        } catch (ImportException e) {
            if (message == null) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("the KEV catalogue is not valid JSON"));
            } else {
                assertEquals(message, e.getMessage());
            }
        }
    }

    private static void assertCsv(String text, String message) {
        try {
            KevCatalog catalog = new KevCsvReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    "test", LOADED);
            if (message != null) {
                fail("expected: " + message);
            }
            KevEntry log4j = catalog.find("CVE-2021-44228").orElseThrow();
            assertEquals("Apache Log4j2 contains a vulnerability, with \"JNDI\" lookups", log4j.shortDescription());
            assertEquals(List.of("CWE-20"), log4j.cwes());
            catalog.find("CVE-2020-1472").ifPresent(z -> {
                assertTrue(z.cwes().isEmpty());
                assertEquals("", z.notes());
                assertTrue(z.dueBeforeAdded());
            });
            assertFalse(log4j.dueBeforeAdded());
        } catch (ImportException e) {
            if (message == null) {
                fail(e.getMessage());
            }
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }
}
