package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportLimits;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded text of an XML report and the StAX parser, and bounds what the parser would otherwise
 * hold whole before handing it over: every element and attribute name, attribute value, run of text, CDATA section,
 * comment and processing instruction to the field length, and every start tag (names and values together) to the text
 * of one record. It follows XML's lexical structure (tags, quoted values, comments, CDATA, character references) in
 * one pass over each buffer and knows the line and column it has reached, so that a breach is reported where it is in
 * the file, before the parser has read the long value. Character and entity references count as one character, as
 * the parser will make them.
 */
final class XmlGuard extends Reader {

    private enum State {
        TEXT, REFERENCE, MARKUP_START, NAME, TAG, ATTRIBUTE_NAME, VALUE, END_TAG, COMMENT, CDATA, INSTRUCTION,
        DECLARATION
    }

    /** A reference longer than this is not one the parser would accept; it is counted as text then. */
    private static final int MAX_REFERENCE = 12;

    private final Reader in;
    private final ImportLimits limits;
    private State state = State.TEXT;
    private long line = 1;
    private long column;
    /** Characters of the current name, value, text run, comment, CDATA section or instruction. */
    private long length;
    /** Characters of the current start tag (names and values). */
    private long tag;
    private int attributes;
    private int reference;
    private char quote;
    /** The markup opener read so far ("<!", "<!-", "<![CDATA", ...) and how a comment or CDATA is closing. */
    private final StringBuilder opener = new StringBuilder();
    private int closing;
    /** The element whose text follows, for messages; null after an end tag (the text then is the parent's). */
    private String element;
    private final StringBuilder name = new StringBuilder();

    XmlGuard(Reader in, ImportLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** "line L, column C" of the last character read. */
    String position() {
        return "line " + line + ", column " + Math.max(column, 1);
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int n = in.read(buffer, offset, count);
        int max = limits.maxFieldLength();
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            // the common case, plain text, without the state machine
            if (state == State.TEXT && c != '<' && c != '&' && c != '\n' && length < max) {
                column++;
                length++;
            } else {
                scan(c);
            }
        }
        return n;
    }

    private void scan(char c) throws LimitException {
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = State.MARKUP_START;
                    opener.setLength(0);
                } else {
                    text(c);
                }
            }
            case REFERENCE -> {
                if (c == ';') {
                    state = State.TEXT;
                } else if (c == '<') {
                    state = State.MARKUP_START;
                    opener.setLength(0);
                } else if (++reference > MAX_REFERENCE) {
                    state = State.TEXT; // not a reference: what follows is text
                    grow(reference, "a text");
                }
            }
            case MARKUP_START -> markupStart(c);
            case NAME -> {
                if (c == '>' || c == '/' || Character.isWhitespace(c)) {
                    element = name.toString();
                    state = c == '>' ? State.TEXT : State.TAG;
                    length = 0;
                } else {
                    nameChar(c, "an element name");
                }
            }
            case TAG -> {
                if (c == '>') {
                    state = State.TEXT;
                    length = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    state = State.VALUE;
                    length = 0;
                    reference = 0;
                } else if (c != '/' && c != '=' && !Character.isWhitespace(c)) {
                    if (++attributes > limits.maxRecordValues()) {
                        throw new LimitException(limits.tooManyValues(position(), "one start tag", "attributes"));
                    }
                    state = State.ATTRIBUTE_NAME;
                    length = 1;
                    tagChar();
                }
            }
            case ATTRIBUTE_NAME -> {
                if (c == '=' || Character.isWhitespace(c)) {
                    state = State.TAG;
                } else if (c == '>') {
                    state = State.TEXT;
                    length = 0;
                } else if (++length > limits.maxFieldLength()) {
                    throw new LimitException(limits.tooLong(position(), "an attribute name in <" + shown() + ">"));
                } else {
                    tagChar();
                }
            }
            case VALUE -> {
                tagChar();
                if (c == quote) {
                    state = State.TAG;
                } else if (reference > 0) {
                    // inside a reference, which counts once (at its '&')
                    reference = c == ';' || reference > MAX_REFERENCE ? 0 : reference + 1;
                } else {
                    if (c == '&') {
                        reference = 1;
                    }
                    if (++length > limits.maxFieldLength()) {
                        throw new LimitException(limits.tooLong(position(), "an attribute value in <" + shown()
                                + ">"));
                    }
                }
            }
            case END_TAG -> {
                if (c == '>') {
                    state = State.TEXT;
                    element = null;
                    length = 0;
                } else if (++length > limits.maxFieldLength()) {
                    throw new LimitException(limits.tooLong(position(), "an element name"));
                }
            }
            case COMMENT -> closes(c, "-->", "a comment");
            case CDATA -> closes(c, "]]>", "a text");
            case INSTRUCTION -> closes(c, "?>", "a processing instruction");
            case DECLARATION -> {
                if (c == '>') {
                    state = State.TEXT;
                    length = 0;
                } else {
                    grow(1, "a declaration");
                }
            }
        }
    }

    private void markupStart(char c) throws LimitException {
        opener.append(c);
        String seen = opener.toString();
        if (seen.length() == 1) {
            switch (c) {
                case '/' -> {
                    state = State.END_TAG;
                    length = 0;
                }
                case '?' -> {
                    state = State.INSTRUCTION;
                    length = 0;
                    closing = 0;
                }
                case '!' -> {
                    // a comment, a CDATA section or a declaration: told by what follows
                }
                default -> {
                    state = State.NAME;
                    name.setLength(0);
                    length = 0;
                    tag = 0;
                    attributes = 0;
                    nameChar(c, "an element name");
                }
            }
            return;
        }
        if (seen.equals("!--")) {
            state = State.COMMENT;
            length = 0;
            closing = 0;
        } else if (seen.equals("![CDATA[")) {
            state = State.CDATA;
            closing = 0; // the section continues the text before it
        } else if (!"!--".startsWith(seen) && !"![CDATA[".startsWith(seen)) {
            state = c == '>' ? State.TEXT : State.DECLARATION;
            length = 0;
        }
    }

    private void nameChar(char c, String what) throws LimitException {
        if (++length > limits.maxFieldLength()) {
            throw new LimitException(limits.tooLong(position(), what));
        }
        if (name.length() < 64) {
            name.append(c);
        }
        tagChar();
    }

    /** One more character of the start tag, which the parser holds whole (its names and values) until it ends. */
    private void tagChar() throws LimitException {
        if (++tag > limits.maxRecordText()) {
            throw new LimitException(limits.tooMuchText(position(), "one start tag <" + shown() + ">"));
        }
    }

    private void text(char c) throws LimitException {
        if (c == '&') {
            state = State.REFERENCE;
            reference = 0;
        }
        grow(1, "a text");
    }

    private void grow(long characters, String what) throws LimitException {
        length += characters;
        if (length > limits.maxFieldLength()) {
            String of = what.equals("a text") && element != null ? "the text of <" + shown() + ">" : what;
            throw new LimitException(limits.tooLong(position(), of));
        }
    }

    /** Inside a comment, CDATA section or instruction: counts it and notices the closing sequence. */
    private void closes(char c, String end, String what) throws LimitException {
        if (c == end.charAt(closing)) {
            if (++closing == end.length()) {
                state = State.TEXT;
                if (!what.equals("a text")) {
                    length = 0;
                }
                return;
            }
        } else if (c != end.charAt(0)) {
            closing = 0;
        } else if (closing < 2 || end.charAt(1) != end.charAt(0)) {
            closing = 1; // "]]]>" and "--->" still close: the last two characters are what counts
        }
        grow(1, what);
    }

    private String shown() {
        return element != null && state != State.NAME ? element : name.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
