package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 describes them: fields separated by the delimiter, optionally quoted,
 * quotes doubled inside quotes, line breaks (LF, CRLF or CR) allowed inside quoted fields; blank lines are passed
 * over. Enforces the field-length limit, the number of fields of a row and the text of a row (as many characters as
 * {@link ImportLimits#RECORD_TEXT_FIELDS} fields) while reading, and knows the line each record starts on. The
 * generic CSV importer and the KEV CSV reader share it and differ only in {@link Dialect#strict()}.
 *
 * <p>Stray quotes, leniently (as spreadsheet tools write and accept them; never in the strict dialect): a quote
 * inside an unquoted field is text ({@code a,b"c,d} is {@code b"c}); a quoted field followed by more text before the
 * delimiter is its text as written, quotes included ({@code "Admin" panel}); and when such a quoted part runs over a
 * line break, its opening quote was a stray one: it is text, and the field ends at the next delimiter or line break
 * as in an unquoted field, so that one stray quote does not swallow the rows after it. A quote still open at the end
 * of the file is an error in both dialects (a truncated report looks like that).
 */
public final class CsvTokenizer {

    /**
     * How a producer writes its CSV.
     *
     * @param strict       a strict file's fields are kept exactly (CISA pads KEV values with spaces, kept as
     *                     published), a quote opens a field only as its first character, and text after a closing
     *                     quote is an error; otherwise (exports from spreadsheets and scanners) unquoted fields are
     *                     trimmed, a quote may follow spaces, and stray quotes are text (see the class)
     * @param limitOption  the option that sets {@code maxField}, named in the error, or null
     * @param unclosedHint what an unclosed quote suggests, appended to its error (may be empty)
     */
    public record Dialect(char delimiter, boolean strict, int maxField, String limitOption, String unclosedHint) {
    }

    private final Reader in;
    private final Dialect dialect;
    private final int maxFields;
    private final long maxRowText;
    private long rowText;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    /** Text read again before the buffer: what followed a stray opening quote (lenient only). */
    private final StringBuilder again = new StringBuilder();
    private int againAt;
    private long line = 1;
    private long recordLine;

    /** A tokenizer with the default bound on fields per row. */
    public CsvTokenizer(Reader in, Dialect dialect) {
        this(in, dialect, ImportLimits.defaults().maxRecordValues());
    }

    /** @param maxFields the most fields one row may have (its values: {@link ImportLimits#maxRecordValues()}) */
    public CsvTokenizer(Reader in, Dialect dialect, int maxFields) {
        this.in = in;
        this.dialect = dialect;
        this.maxFields = maxFields;
        this.maxRowText = (long) ImportLimits.RECORD_TEXT_FIELDS * dialect.maxField();
    }

    /** The line the last record returned started on. */
    public long recordLine() {
        return recordLine;
    }

    /** The line reading has reached (where the next record starts, or one past the last line). */
    public long line() {
        return line;
    }

    private int read() throws IOException {
        if (againAt < again.length()) {
            char c = again.charAt(againAt++);
            if (againAt == again.length()) {
                again.setLength(0);
                againAt = 0;
            }
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (againAt < again.length()) {
            return again.charAt(againAt);
        }
        int c = read();
        if (c >= 0) {
            position--;
        }
        return c;
    }

    /** The next record's fields, or null at the end. */
    public List<String> next() throws IOException, ImportException {
        while (true) {
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                read();
                line++;
                continue;
            }
            if (c == '\r') {
                read();
                continue;
            }
            break;
        }
        recordLine = line;
        rowText = 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean blank = true; // nothing (strict) or only spaces (lenient) so far: a quote here opens a quoted field
        long quoteLine = 0;
        int spacesAfterQuote = 0; // lenient: spaces between a closing quote and what follows it
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new ImportException("line " + recordLine + ": a quoted field is not closed before the end"
                            + " of the file" + dialect.unclosedHint());
                }
                add(fields, finish(field, wasQuoted));
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append(field, '"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
                continue;
            }
            if (c == '"' && blank) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
                blank = false;
                quoteLine = line;
            } else if (c == dialect.delimiter()) {
                add(fields, finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                blank = true;
                spacesAfterQuote = 0;
            } else if (c == '\n') {
                line++;
                add(fields, finish(field, wasQuoted));
                return fields;
            } else if (c == '\r') {
                if (peek() != '\n') {
                    add(fields, finish(field, wasQuoted));
                    return fields;
                }
            } else if (wasQuoted && dialect.strict()) {
                throw new ImportException("line " + line + ": text after a closing quote (a quote inside a field"
                        + " must be doubled)");
            } else if (wasQuoted && (c == ' ' || c == '\t')) {
                spacesAfterQuote++; // dropped before a delimiter, kept before text
            } else if (wasQuoted) {
                String text = field.toString();
                String after = " ".repeat(spacesAfterQuote) + (char) c;
                field.setLength(0);
                append(field, '"');
                wasQuoted = false;
                spacesAfterQuote = 0;
                if (line != quoteLine) {
                    // the opening quote was a stray one: read what followed it again, as unquoted text
                    again.insert(againAt, text.replace("\"", "\"\"") + '"' + after);
                    line -= text.chars().filter(ch -> ch == '\n').count();
                } else {
                    // "Admin" panel: the field as written
                    for (char t : (text.replace("\"", "\"\"") + '"' + after).toCharArray()) {
                        append(field, t);
                    }
                }
            } else {
                if (dialect.strict() || c != ' ' && c != '\t') {
                    blank = false;
                }
                append(field, (char) c);
            }
        }
    }

    private void append(StringBuilder field, char c) throws ImportException {
        if (field.length() >= dialect.maxField()) {
            throw new ImportException("line " + line + ": a field is longer than the limit of " + dialect.maxField()
                    + " characters"
                    + (dialect.limitOption() == null ? "" : ImportLimits.raisedBy(dialect.limitOption())));
        }
        if (++rowText > maxRowText) {
            throw new ImportException("line " + recordLine + ": a row holds more than the limit of " + maxRowText
                    + " characters of text (" + ImportLimits.RECORD_TEXT_FIELDS + " fields' worth"
                    + (dialect.limitOption() == null ? ")" : "; " + dialect.limitOption() + " raises it)"));
        }
        field.append(c);
    }

    /** Adds a field to the row, which may have at most {@code maxFields} (a row of a hundred million commas). */
    private void add(List<String> fields, String field) throws ImportException {
        if (fields.size() == maxFields) {
            throw new ImportException("line " + recordLine + ": a row holds more than the limit of " + maxFields
                    + " fields" + ImportLimits.raisedBy(ImportLimits.RECORD_VALUES_OPTION));
        }
        fields.add(field);
    }

    private String finish(StringBuilder field, boolean quoted) {
        return quoted || dialect.strict() ? field.toString() : field.toString().trim();
    }
}
