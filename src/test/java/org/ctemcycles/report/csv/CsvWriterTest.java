package org.ctemcycles.report.csv;

import org.junit.Test;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

public class CsvWriterTest {

    private static String csv(List<String> header, List<?>... rows) {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, header);
        for (List<?> row : rows) {
            writer.row(row);
        }
        return out.toString();
    }

    @Test
    public void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        String text = csv(List.of("title"), List.of("=HYPERLINK(\"http://evil\",\"x\")"), List.of("+1+1"),
                List.of("-2+3"), List.of("@SUM(A1)"), List.of("\tcmd"), List.of("safe = text"));
        assertEquals("title\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
                + "'+1+1\r\n"
                + "'-2+3\r\n"
                + "'@SUM(A1)\r\n"
                + "'\tcmd\r\n"
                + "safe = text\r\n", text);
    }

    @Test
    public void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n",
                csv(List.of("a", "b"), List.of("x, y", "say \"hi\""), Arrays.asList("two\nlines", null)));
    }

    @Test
    public void aRowOfTheWrongWidthIsRefused() {
        try {
            csv(List.of("a", "b"), List.of("only one"));
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("a row of 1 cells in a CSV of 2 columns", e.getMessage());
        }
    }
}
