package org.ctemcycles.ingest.csv;

import org.ctemcycles.ingest.ImportException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 describes them: fields separated by the delimiter, optionally quoted,
 * quotes doubled inside quotes, line breaks (LF or CRLF) allowed inside quoted fields. Enforces the field-length
 * limit while reading and knows the line each record starts on.
 */
final class CsvRecords {

    private final Reader in;
    private final char delimiter;
    private final int maxField;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;

    CsvRecords(Reader in, char delimiter, int maxField) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxField = maxField;
    }

    /** The line the last record returned started on. */
    long recordLine() {
        return recordLine;
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

    /** The next record's fields, or null at the end; blank lines are passed over. */
    List<String> next() throws IOException, ImportException {
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
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean blank = true; // nothing but spaces in the field so far: a quote there opens a quoted field
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new ImportException("line " + recordLine + ": a quoted field is not closed before the end"
                            + " of the file (truncated report?)");
                }
                fields.add(finish(field, wasQuoted));
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
            } else if (c == delimiter) {
                fields.add(finish(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
                blank = true;
            } else if (c == '\n') {
                line++;
                fields.add(finish(field, wasQuoted));
                return fields;
            } else if (c == '\r') {
                if (peek() != '\n') {
                    fields.add(finish(field, wasQuoted));
                    return fields;
                }
            } else {
                if (c != ' ' && c != '\t') {
                    blank = false;
                }
                append(field, (char) c);
            }
        }
    }

    private void append(StringBuilder field, char c) throws ImportException {
        if (field.length() >= maxField) {
            throw new ImportException("line " + line + ": a field is longer than the limit of " + maxField
                    + " characters (maxFieldLength)");
        }
        field.append(c);
    }

    private static String finish(StringBuilder field, boolean quoted) {
        return quoted ? field.toString() : field.toString().trim();
    }
}
