package org.ctemcycles.report.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV (RFC 4180: comma-separated, CRLF rows, fields quoted when they hold a comma, quote or line break) one
 * row at a time, so a register of any size streams to disk. Every cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, tab or carriage return) is neutralised with a leading apostrophe, as OWASP advises
 * against CSV injection: finding titles and scanner output are attacker-controlled text.
 */
public final class CsvWriter {

    private final Writer out;
    private final int columns;

    /** Starts the file with its header row; every later row must have as many cells. */
    public CsvWriter(Writer out, List<String> header) {
        this.out = out;
        this.columns = header.size();
        row(header);
    }

    public void row(List<?> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a CSV of " + columns + " columns");
        }
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(Object value) {
        String text = neutralise(value == null ? "" : value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
