package org.ctemcycles.ingest.epss;

import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.ingest.ImportException;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The FIRST bulk EPSS feed, plain and gzip, both score_date forms, and every way a download can be broken. */
public class EpssCsvReaderTest {

    private static final Instant LOADED = Instant.parse("2026-09-27T06:00:00Z");
    static final String V5 = """
            #model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z
            cve,epss,percentile
            CVE-2021-44228,0.94358,0.99957
            CVE-2023-4966,0.94270,0.99911
            CVE-2024-12345,0.00042,0.10233
            CVE-1999-0001,0.01012,0.76543
            """;

    private static EpssFeed read(byte[] bytes) throws ImportException {
        return new EpssCsvReader().read(new ByteArrayInputStream(bytes), "epss_scores-2026-09-26.csv.gz", LOADED);
    }

    private static EpssFeed read(String text) throws ImportException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    public void keepsScorePercentileModelVersionAndScoreDatePerCve() throws Exception {
        EpssFeed feed = read(V5);
        assertEquals(4, feed.size());
        assertEquals("v2026.06.15", feed.info().modelVersion());
        assertEquals(Instant.parse("2026-09-26T12:00:22Z"), feed.info().scoreDate());
        assertEquals("epss_scores-2026-09-26.csv.gz", feed.info().source());
        assertEquals(LOADED, feed.info().loadedAt());
        assertEquals(Optional.of(new EpssScore("CVE-2021-44228", 0.94358, 0.99957)), feed.find("CVE-2021-44228"));
        assertEquals(Optional.of(new EpssScore("CVE-1999-0001", 0.01012, 0.76543)), feed.find("CVE-1999-0001"));
        assertEquals(Optional.empty(), feed.find("CVE-2021-4422"));
        assertEquals(Optional.empty(), feed.find("not a cve"));
        // sorted numerically, whatever the file's order
        assertEquals("CVE-1999-0001", feed.score(0).cve());
        assertEquals("CVE-2024-12345", feed.score(3).cve());
    }

    @Test
    public void gzipIsRecognisedByItsContentAndGivesTheSameFeed() throws Exception {
        EpssFeed plain = read(V5);
        EpssFeed gz = read(gzip(V5));
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.score(i), gz.score(i));
        }
        assertEquals(plain.info(), gz.info());
    }

    @Test
    public void readsTheOlderScoreDateFormAndCrLfLines() throws Exception {
        EpssFeed feed = read("#model_version:v2023.03.01,score_date:2023-06-01T00:00:00+0000\r\n"
                + "cve,epss,percentile\r\nCVE-2014-0160,0.97500,0.99990\r\n");
        assertEquals("v2023.03.01", feed.info().modelVersion());
        assertEquals(Instant.parse("2023-06-01T00:00:00Z"), feed.info().scoreDate());
        assertEquals(0.975, feed.find("CVE-2014-0160").orElseThrow().probability(), 0);
    }

    @Test
    public void stalenessFollowsTheScoreDateAndThePolicyAge() throws Exception {
        EpssFeed feed = read(V5);
        assertFalse(feed.info().freshness(Instant.parse("2026-09-28T12:00:00Z"), Duration.ofDays(3)).stale());
        var late = feed.info().freshness(Instant.parse("2026-10-05T12:00:22Z"), Duration.ofDays(3));
        assertTrue(late.stale());
        assertEquals("stale: 9 days old, policy allows 3", late.describe());
    }

    @Test
    public void cveKeysRoundTripAndRejectNonCanonicalIds() {
        for (String cve : List.of("CVE-2014-0160", "CVE-2021-44228", "CVE-2024-1234567", "CVE-1999-0001")) {
            assertEquals(cve, CveId.text(CveId.key(cve)));
        }
        for (String bad : List.of("CVE-2021-00123", "cve-2021-44228", "CVE-21-44228", "CVE-2021-123", " CVE-2021-44228",
                "CVE-2021-4422x", "GHSA-xxxx")) {
            assertEquals(bad, -1, CveId.key(bad));
        }
        assertTrue(CveId.key("CVE-2021-999") < 0);
        assertTrue(CveId.key("CVE-2021-9999") < CveId.key("CVE-2021-10000"));
    }

    @Test
    public void everyBrokenFeedIsRejectedWithItsLineAndColumn() throws Exception {
        String header = "#model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z\ncve,epss,percentile\n";
        assertRejected("", "line 1: the EPSS feed is empty");
        assertRejected("cve,epss,percentile\nCVE-2021-44228,0.9,0.9\n",
                "line 1: expected '#model_version:<version>,score_date:<date>' but found 'cve,epss,percentile'");
        assertRejected("#model_version:v2026.06.15,score_date:yesterday\ncve,epss,percentile\nCVE-2021-44228,0.9,0.9\n",
                "line 1: score_date 'yesterday' is not a date-time such as 2026-09-26T12:00:22Z or 2023-06-01T00:00:00+0000");
        assertRejected("#model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z\nCVE-2021-44228,0.9,0.9\n",
                "line 2: expected the header 'cve,epss,percentile' but found 'CVE-2021-44228,0.9,0.9'");
        assertRejected(header, "line 3: the EPSS feed scores no CVE");
        assertRejected(header + "CVE-2021-44228,0.9\n", "line 3: expected 3 columns 'cve,epss,percentile' but found 'CVE-2021-44228,0.9'");
        assertRejected(header + "CVE-2021-44228,0.9,0.9,1\n", "line 3: expected 3 columns 'cve,epss,percentile' but found 'CVE-2021-44228,0.9,0.9,1'");
        assertRejected(header + "CVE-2021-44228,0.9,0.9\nCVE-21-1,0.1,0.1\n", "line 4, column cve: 'CVE-21-1' is not a CVE identifier");
        assertRejected(header + "CVE-2021-44228,1.2,0.9\n", "line 3, column epss: 1.2 is not a decimal between 0 and 1");
        assertRejected(header + "CVE-2021-44228,0.5,99.5\n", "line 3, column percentile: 99.5 is not a decimal between 0 and 1");
        assertRejected(header + "CVE-2021-44228,NaN,0.5\n", "line 3, column epss: NaN is not a decimal between 0 and 1");
        assertRejected(header + "CVE-2021-44228,,0.5\n", "line 3, column epss: '' is not a number");
        assertRejected(header + "CVE-2021-44228,0.5,0.5\n\nCVE-2021-1234,0.5,0.5\n",
                "line 4: expected 3 columns 'cve,epss,percentile' but found ''");
        assertRejected(header + "CVE-2021-44228,0.5,0.5\nCVE-2020-1472,0.5,0.5\nCVE-2021-44228,0.6,0.6\n",
                "line 5: CVE-2021-44228 is scored twice (also on line 3)");
    }

    @Test
    public void theFastDecimalPathGivesExactlyTheDoubleThatParseDoubleGives() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 200_000; i++) {
            String text = String.format("%.5f", random.nextDouble());
            assertEquals(text, Double.parseDouble(text), EpssCsvReader.plainDecimal(text, 0, text.length()), 0);
        }
        for (String text : List.of("0.94358", "1", "1.0", "0", ".5", "0.00000000000001", "0.12345678901234")) {
            assertEquals(text, Double.parseDouble(text), EpssCsvReader.plainDecimal(text, 0, text.length()), 0);
        }
        // -1: not for the fast path; the reader then uses Double.parseDouble, or rejects the text
        for (String text : List.of("", ".", "1.", "1e-5", "-0.1", "0.1234567890123456", "0.000000000000001", "0,5")) {
            assertEquals(text, -1, EpssCsvReader.plainDecimal(text, 0, text.length()), 0);
        }
    }

    @Test
    public void aTruncatedGzipDownloadIsRejected() throws Exception {
        StringBuilder text = new StringBuilder("#model_version:v2026.06.15,score_date:2026-09-26T12:00:22Z\ncve,epss,percentile\n");
        for (int i = 1000; i < 50_000; i++) {
            text.append("CVE-2024-").append(i).append(",0.00042,0.10233\n");
        }
        byte[] whole = gzip(text.toString());
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        try {
            read(truncated);
            fail("a truncated download must be rejected");
        } catch (ImportException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("the EPSS feed cannot be read (truncated or corrupt download?)"));
        }
        assertEquals(49_000, read(whole).size());
    }

    @Test
    public void aFeedLongerThanTheLimitIsRejected() {
        try {
            new EpssCsvReader(2).read(new ByteArrayInputStream(V5.getBytes(StandardCharsets.UTF_8)), "x", LOADED);
            fail();
        } catch (ImportException e) {
            assertEquals("line 5: the feed has more than 2 rows, the most this reader accepts", e.getMessage());
        }
    }

    private static void assertRejected(String text, String message) {
        try {
            read(text);
            fail("expected: " + message);
        } catch (ImportException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
