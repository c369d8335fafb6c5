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
 */
public final class CsvTokenizer {

    /**
     * How a producer writes its CSV.
     *
     * @param strict       a strict file's fields are kept exactly (CISA pads KEV values with spaces, kept as
     *                     published), a quote opens a field only as its first character, and text after a closing
     *                     quote is an error; otherwise (exports from spreadsheets and scanners) unquoted fields are
     *                     trimmed, a quote may follow spaces, and text after a closing quote is kept
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
            } else if (c == dialect.delimiter()) {
                add(fields, finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                blank = true;
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
