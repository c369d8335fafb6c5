package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportException;
import org.junit.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Stray quotes: read leniently for spreadsheet exports, refused in the strict dialect (KEV). */
public class CsvTokenizerQuotesTest {

    private static List<List<String>> lenient(String csv) throws IOException, ImportException {
        return records(csv, false);
    }

    private static List<List<String>> records(String csv, boolean strict) throws IOException, ImportException {
        CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(csv),
                new CsvTokenizer.Dialect(',', strict, 1000, null, ""));
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = tokenizer.next()) != null) {
            records.add(record);
        }
        return records;
    }

    @Test
    public void aQuoteInsideAnUnquotedFieldIsText() throws Exception {
        assertEquals(List.of(List.of("a", "b\"c", "d")), lenient("a,b\"c,d\n"));
        assertEquals(List.of(List.of("a", "5\" display", "b\"\"c")), lenient("a,5\" display,b\"\"c\n"));
    }

    @Test
    public void aQuotedPartFollowedByTextIsTheFieldAsWritten() throws Exception {
        assertEquals(List.of(List.of("a", "\"Admin\" panel", "d")), lenient("a,\"Admin\" panel,d\n"));
        assertEquals("the quotes still protect the delimiter", List.of(List.of("a", "\"x,y\" z", "d")),
                lenient("a,\"x,y\" z,d\n"));
        assertEquals("doubled quotes stay as written", List.of(List.of("\"a\"\"b\" c")), lenient("\"a\"\"b\" c\n"));
        assertEquals("spaces after a closing quote before the delimiter are dropped", List.of(List.of("a", "x", "d")),
                lenient("a, \"x\" ,d\n"));
    }

    @Test
    public void aStrayOpeningQuoteDoesNotSwallowTheRowsAfterIt() throws Exception {
        CsvTokenizer tokenizer = new CsvTokenizer(new StringReader("r1,\"Admin panel,High\nr2,b\"c,Low\nr3,ok,Low\n"),
                new CsvTokenizer.Dialect(',', false, 1000, null, ""));
        assertEquals(List.of("r1", "\"Admin panel", "High"), tokenizer.next());
        assertEquals(1, tokenizer.recordLine());
        assertEquals(List.of("r2", "b\"c", "Low"), tokenizer.next());
        assertEquals("lines are counted once", 2, tokenizer.recordLine());
        assertEquals(List.of("r3", "ok", "Low"), tokenizer.next());
        assertEquals(3, tokenizer.recordLine());
        assertNull(tokenizer.next());
    }

    @Test
    public void quotedFieldsAcrossLinesAndDoubledQuotesAreStillRfc4180() throws Exception {
        assertEquals(List.of(List.of("a", "multi\nline", "z"), List.of("x", "a\"b\"", "y")),
                lenient("a,\"multi\nline\",z\nx,\"a\"\"b\"\"\",y\n"));
    }

    @Test
    public void aQuoteOpenAtTheEndOfTheFileIsRefusedInBothDialects() throws Exception {
        for (boolean strict : new boolean[] {false, true}) {
            try {
                records("a,\"b,c\n", strict);
                fail("accepted");
            } catch (ImportException e) {
                assertEquals("line 1: a quoted field is not closed before the end of the file", e.getMessage());
            }
        }
    }

    @Test
    public void theStrictDialectStaysStrict() throws Exception {
        try {
            records("a,\"Admin\" panel,d\n", true);
            fail("accepted");
        } catch (ImportException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("text after a closing quote"));
        }
        assertEquals("strict fields are kept exactly", List.of(List.of("a", " b\"c ", "d")),
                records("a, b\"c ,d\n", true));
    }
}
