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
    /**
     * How much of a markup opener was read after its '<' (0 for none), and which opener it can still be: "!--" or
     * "![CDATA[" (null until told); and how far a comment or CDATA section has got through its closing sequence.
     */
    private int opened;
    private String opener;
    private int closing;
    /** The element whose text follows, for messages (its first 64 characters); empty after an end tag. */
    private final StringBuilder element = new StringBuilder();
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
        int end = offset + n;
        int i = offset;
        while (i < end) {
            // runs of ordinary characters (text, an attribute value, a name) are counted at once; the characters
            // that change the state, and every line break, go through the state machine one by one
            int from = i;
            switch (state) {
                case TEXT -> {
                    while (i < end && buffer[i] != '<' && buffer[i] != '&' && buffer[i] != '\n') {
                        i++;
                    }
                    run(from, i, false);
                }
                case VALUE -> {
                    if (reference == 0) {
                        char q = quote;
                        while (i < end && buffer[i] != q && buffer[i] != '&' && buffer[i] != '\n') {
                            i++;
                        }
                        run(from, i, true);
                    }
                }
                case NAME -> {
                    while (i < end && buffer[i] > ' ' && buffer[i] != '>' && buffer[i] != '/') {
                        i++;
                    }
                    run(from, i, true);
                    for (int k = from; k < i && name.length() < 64; k++) {
                        name.append(buffer[k]);
                    }
                }
                case ATTRIBUTE_NAME -> {
                    while (i < end && buffer[i] > ' ' && buffer[i] != '>' && buffer[i] != '=') {
                        i++;
                    }
                    run(from, i, true);
                }
                case END_TAG -> {
                    while (i < end && buffer[i] != '>' && buffer[i] != '\n') {
                        i++;
                    }
                    run(from, i, false);
                }
                case TAG -> {
                    // between attributes: blanks and '=' change nothing but the column
                    while (i < end && (buffer[i] == ' ' || buffer[i] == '=' || buffer[i] == '\t'
                            || buffer[i] == '\r')) {
                        i++;
                    }
                    column += i - from;
                }
                default -> {
                }
            }
            if (i < end) {
                scan(buffer[i]);
                i++;
            }
        }
        return n;
    }

    /**
     * Counts a run of ordinary characters, {@code buffer[from..to)}, of the current text, name or value (and of the
     * start tag, {@code inTag}), failing at the exact character that breaks a limit.
     */
    private void run(int from, int to, boolean inTag) throws LimitException {
        int count = to - from;
        long roomInField = limits.maxFieldLength() - length;
        long roomInTag = inTag ? limits.maxRecordText() - tag : Long.MAX_VALUE;
        if (count > roomInField || count > roomInTag) {
            column += Math.min(roomInField, roomInTag) + 1; // the characters still allowed, then the one too many
            if (roomInTag < roomInField) {
                throw new LimitException(limits.tooMuchText(position(), "one start tag <" + shown() + ">"));
            }
            throw new LimitException(limits.tooLong(position(), switch (state) {
                case VALUE -> "an attribute value in <" + shown() + ">";
                case NAME, END_TAG -> "an element name";
                case ATTRIBUTE_NAME -> "an attribute name in <" + shown() + ">";
                default -> element.isEmpty() ? "a text" : "the text of <" + shown() + ">";
            }));
        }
        column += count;
        length += count;
        if (inTag) {
            tag += count;
        }
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
                    opened = 0;
                } else {
                    text(c);
                }
            }
            case REFERENCE -> {
                if (c == ';') {
                    state = State.TEXT;
                } else if (c == '<') {
                    state = State.MARKUP_START;
                    opened = 0;
                } else if (++reference > MAX_REFERENCE) {
                    state = State.TEXT; // not a reference: what follows is text
                    grow(reference, "a text");
                }
            }
            case MARKUP_START -> markupStart(c);
            case NAME -> {
                if (c == '>' || c == '/' || c <= ' ') {
                    element.setLength(0);
                    element.append(name);
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
                } else if (c != '/' && c != '=' && c > ' ') {
                    if (++attributes > limits.maxRecordValues()) {
                        throw new LimitException(limits.tooManyValues(position(), "one start tag", "attributes"));
                    }
                    state = State.ATTRIBUTE_NAME;
                    length = 1;
                    tagChar();
                }
            }
            case ATTRIBUTE_NAME -> {
                if (c == '=' || c <= ' ') {
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
                    element.setLength(0);
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
        if (opened++ == 0) {
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
                case '!' -> opener = null; // a comment, a CDATA section or a declaration: told by what follows
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
        if (opener == null) {
            opener = c == '-' ? "!--" : c == '[' ? "![CDATA[" : "";
        }
        if (opened > opener.length() || opener.charAt(opened - 1) != c) {
            state = c == '>' ? State.TEXT : State.DECLARATION;
            length = 0;
        } else if (opened == opener.length()) {
            state = opener.equals("!--") ? State.COMMENT : State.CDATA;
            closing = 0;
            if (state == State.COMMENT) {
                length = 0;
            } // a CDATA section continues the text before it
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
            String of = what.equals("a text") && !element.isEmpty() ? "the text of <" + shown() + ">" : what;
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
        return (state == State.NAME ? name : element).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
