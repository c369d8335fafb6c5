package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportLimits;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded text of a JSON report and Gson's streaming {@code JsonReader}, and enforces the limits
 * that the parser itself does not: the length of any one string and the nesting depth. It follows the JSON
 * lexical structure (strings, escapes, brackets) in one pass over each buffer, and it knows the line and column it
 * has reached, so that a violation is reported where it is in the file, before the parser ever holds the long
 * value.
 */
public final class JsonGuard extends Reader {

    private final Reader in;
    private final ImportLimits limits;
    private final int maxFieldLength;
    private final int maxDepth;
    private long line = 1;
    private long column = 0;
    private boolean inString;
    private boolean escape;
    private int stringLength;
    private int depth;

    public JsonGuard(Reader in, ImportLimits limits) {
        this.in = in;
        this.limits = limits;
        this.maxFieldLength = limits.maxFieldLength();
        this.maxDepth = limits.maxDepth();
    }

    /** "line L, column C" of the last character read (the read-ahead of the parser, so at or just past a fault). */
    public String position() {
        return "line " + line + ", column " + Math.max(column, 1);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            scan(buffer, offset, offset + n);
        }
        return n;
    }

    private void scan(char[] buffer, int from, int to) throws LimitException {
        // local copies: this loop runs once per character of the report
        boolean inString = this.inString;
        boolean escape = this.escape;
        int stringLength = this.stringLength;
        int depth = this.depth;
        long line = this.line;
        long column = this.column;
        int max = maxFieldLength;
        try {
            for (int i = from; i < to; i++) {
                char c = buffer[i];
                column++;
                if (inString) {
                    if (escape) {
                        escape = false;
                    } else if (c == '"') {
                        inString = false;
                        continue;
                    } else if (c == '\\') {
                        escape = true;
                        continue;
                    }
                    if (++stringLength > max) {
                        this.line = line;
                        this.column = column;
                        throw new LimitException(limits.tooLong(position(), "a text value"));
                    }
                    if (c == '\n') {
                        line++;
                        column = 0;
                    }
                } else if (c == '"') {
                    inString = true;
                    stringLength = 0;
                } else if (c == '{' || c == '[') {
                    if (++depth > maxDepth) {
                        this.line = line;
                        this.column = column;
                        throw new LimitException(limits.tooDeep(position(), "arrays and objects"));
                    }
                } else if (c == '}' || c == ']') {
                    depth--;
                } else if (c == '\n') {
                    line++;
                    column = 0;
                }
            }
        } finally {
            this.inString = inString;
            this.escape = escape;
            this.stringLength = stringLength;
            this.depth = depth;
            this.line = line;
            this.column = column;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
