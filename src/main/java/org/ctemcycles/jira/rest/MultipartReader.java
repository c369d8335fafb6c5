package org.ctemcycles.jira.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578 over RFC 2046) as a stream of parts, each part's content a
 * stream of its own that ends at the next boundary, so that an uploaded report goes to its importer as it arrives
 * and is never held whole, in memory or on disk. Memory is one buffer of {@value #BUFFER} bytes whatever the size
 * of the body.
 *
 * <p>Strict and bounded: the boundary must come from the Content-Type and be a valid RFC 2046 boundary; a preamble
 * may be at most {@value #MAX_PREAMBLE} bytes and a part's headers at most {@value #MAX_HEADER_BYTES} bytes; header
 * lines end with CRLF and are never folded; every part has a {@code Content-Disposition: form-data} with a name; a
 * transfer encoding other than 7bit, 8bit or binary is refused; a part may be at most {@code maxPartBytes} long and
 * there may be at most {@code maxParts} parts. Anything else is a {@link MalformedMultipartException} naming the part
 * and the byte offset in the body.
 */
final class MultipartReader {

    static final int BUFFER = 64 * 1024;
    static final int MAX_PREAMBLE = 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_FILE_NAME = 255;
    private static final String BOUNDARY_CHARS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

    /** One part: its number from 1, its form field name, its file name (null when it has none) and content. */
    record Part(int number, String name, String fileName, String contentType, InputStream content) {

        /** How the part is named in messages: its number and its file name or field name. */
        String label() {
            return "part " + number + " ('" + (fileName != null ? fileName : name) + "')";
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final long maxPartBytes;
    private final int maxParts;
    private final byte[] buffer = new byte[BUFFER];
    /** The body offset of buffer[0]: negative at first, for the CRLF put before the body (see the constructor). */
    private long base = -2;
    private int pos;
    private int limit;
    private boolean eof;
    /** Content before this index holds no delimiter; -1 when not yet searched. */
    private int clearUntil = -1;
    /** Where the delimiter ending the current segment starts, or -1 when it is not yet in the buffer. */
    private int delimiterAt = -1;
    private boolean segmentEnded;
    private long segmentBytes;
    private int partNumber;
    private boolean done;
    private PartStream current;
    private MalformedMultipartException failure;

    /**
     * @param maxPartBytes the longest content of one part
     * @param maxParts     the most parts the body may have
     */
    MultipartReader(InputStream in, String boundary, long maxPartBytes, int maxParts) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.maxPartBytes = maxPartBytes;
        this.maxParts = maxParts;
        // A delimiter is CRLF "--" boundary, except the first, which may open the body: with a CRLF put before the
        // body, every delimiter looks the same, and whatever precedes the first one is the preamble.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * The boundary of a {@code multipart/form-data} Content-Type.
     *
     * @throws MalformedMultipartException when the type is not multipart/form-data or has no valid boundary
     */
    static String boundary(String contentType) throws MalformedMultipartException {
        if (contentType == null || contentType.isBlank()) {
            throw new MalformedMultipartException("the request has no Content-Type: send multipart/form-data with"
                    + " a boundary");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String type = parseHeaderValue("Content-Type", contentType, parameters);
        if (!type.equals("multipart/form-data")) {
            throw new MalformedMultipartException("the Content-Type is " + type + ", not multipart/form-data");
        }
        String boundary = parameters.get("boundary");
        if (boundary == null) {
            throw new MalformedMultipartException("the Content-Type multipart/form-data has no boundary parameter");
        }
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.endsWith(" ")
                || boundary.chars().anyMatch(c -> BOUNDARY_CHARS.indexOf(c) < 0)) {
            throw new MalformedMultipartException("the boundary '" + boundary + "' is not valid: 1 to 70 letters,"
                    + " digits or '()+_,-./:=? (RFC 2046), not ending in a space");
        }
        return boundary;
    }

    /**
     * The next part, after what is left of the current one has been skipped; null after the last part.
     *
     * @throws MalformedMultipartException when the body breaks the format or its bounds
     */
    Part next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return null;
        }
        if (current != null) {
            current.closed = true;
        }
        boolean preamble = partNumber == 0;
        skipSegment(preamble ? MAX_PREAMBLE : maxPartBytes, preamble ? "the preamble before the first part"
                : current.part.label());
        long delimiterOffset = offset();
        for (int i = 0; i < delimiter.length; i++) {
            readByte("a boundary");
        }
        int first = readByte("a boundary");
        if (first == '-') {
            if (readByte("the closing boundary") != '-') {
                throw new MalformedMultipartException("offset " + (offset() - 1) + ": the boundary at offset "
                        + delimiterOffset + " is followed by a single '-' (a closing boundary ends with '--')");
            }
            done = true;
            current = null;
            return null;
        }
        int padding = 0;
        while (first == ' ' || first == '\t') {
            if (++padding > 64) {
                throw new MalformedMultipartException("offset " + offset() + ": too much white space after the"
                        + " boundary at offset " + delimiterOffset);
            }
            first = readByte("a boundary");
        }
        if (first != '\r' || readByte("a boundary") != '\n') {
            throw new MalformedMultipartException("offset " + (offset() - 1) + ": the boundary at offset "
                    + delimiterOffset + " must be followed by CRLF or by '--' (the end of the body)");
        }
        if (++partNumber > maxParts) {
            throw new MalformedMultipartException("offset " + offset() + ": the body has more than " + maxParts
                    + " parts, the most accepted in one request");
        }
        Part part = headers();
        segmentEnded = false;
        segmentBytes = 0;
        clearUntil = -1;
        delimiterAt = -1;
        current = new PartStream(null);
        Part withContent = new Part(part.number(), part.name(), part.fileName(), part.contentType(), current);
        current.part = withContent;
        return withContent;
    }

    /**
     * The fault of the body met while a part's content was read, or null: a reader of the content (an importer) may
     * report it in its own words, but the body cannot be read on.
     */
    MalformedMultipartException failure() {
        return failure;
    }

    /** The body offset of the next byte. */
    private long offset() {
        return Math.max(0, base + pos);
    }

    private Part headers() throws IOException {
        long start = offset();
        String disposition = null;
        String contentType = null;
        int headerBytes = 0;
        while (true) {
            long lineStart = offset();
            byte[] line = new byte[0];
            int length = 0;
            while (true) {
                int b = readByte("the headers of part " + partNumber);
                if (++headerBytes > MAX_HEADER_BYTES) {
                    throw new MalformedMultipartException("offset " + start + ": the headers of part " + partNumber
                            + " are longer than " + MAX_HEADER_BYTES + " bytes");
                }
                if (b == '\r') {
                    if (readByte("the headers of part " + partNumber) != '\n') {
                        throw new MalformedMultipartException("offset " + (offset() - 1) + ": a header line of part "
                                + partNumber + " has a CR without LF");
                    }
                    headerBytes++;
                    break;
                }
                if (b == '\n') {
                    throw new MalformedMultipartException("offset " + (offset() - 1) + ": a header line of part "
                            + partNumber + " ends with LF alone (lines end with CRLF)");
                }
                if (b < 0x20 && b != '\t' || b == 0x7f) {
                    throw new MalformedMultipartException("offset " + (offset() - 1) + ": a header line of part "
                            + partNumber + " holds the control character 0x" + Integer.toHexString(b));
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.max(64, length * 2));
                }
                line[length++] = (byte) b;
            }
            String raw = new String(line, 0, length, StandardCharsets.UTF_8);
            if (raw.isEmpty()) {
                break;
            }
            if (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') {
                throw new MalformedMultipartException("offset " + lineStart + ": part " + partNumber + " has a folded"
                        + " header line (continuation lines are not accepted)");
            }
            int colon = raw.indexOf(":");
            if (colon <= 0 || !isToken(raw.substring(0, colon))) {
                throw new MalformedMultipartException("offset " + lineStart + ": part " + partNumber + " has a header"
                        + " line that is not 'Name: value'");
            }
            String name = raw.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            switch (name) {
                case "content-disposition" -> {
                    if (disposition != null) {
                        throw new MalformedMultipartException("offset " + lineStart + ": part " + partNumber
                                + " has two Content-Disposition headers");
                    }
                    disposition = value;
                }
                case "content-type" -> contentType = value;
                case "content-transfer-encoding" -> {
                    String encoding = value.toLowerCase(Locale.ROOT);
                    if (!encoding.equals("binary") && !encoding.equals("8bit") && !encoding.equals("7bit")) {
                        throw new MalformedMultipartException("offset " + lineStart + ": part " + partNumber
                                + " has Content-Transfer-Encoding " + value + "; send the content as it is (binary)");
                    }
                }
                default -> {
                    // other headers say nothing the upload needs
                }
            }
        }
        if (disposition == null) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + " has no"
                    + " Content-Disposition header");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String type;
        try {
            type = parseHeaderValue("Content-Disposition", disposition, parameters);
        } catch (MalformedMultipartException e) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + ": " + e.getMessage());
        }
        if (!type.equals("form-data")) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + " has Content-Disposition "
                    + type + ", not form-data");
        }
        String name = parameters.get("name");
        if (name == null || name.isEmpty()) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + " has no name in its"
                    + " Content-Disposition");
        }
        return new Part(partNumber, name, fileName(parameters.get("filename"), start), contentType, null);
    }

    /** The last segment of a file name (some clients send the whole path); null when none was given. */
    private String fileName(String raw, long start) throws MalformedMultipartException {
        if (raw == null) {
            return null;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + " has the file name '"
                    + raw + "', which names no file");
        }
        if (name.length() > MAX_FILE_NAME) {
            throw new MalformedMultipartException("offset " + start + ": part " + partNumber + " has a file name of "
                    + name.length() + " characters; at most " + MAX_FILE_NAME + " are accepted");
        }
        return name;
    }

    /**
     * A header value {@code type; name=value; name="quoted value"}: the type in lower case, and the parameters (names
     * in lower case) into {@code parameters}.
     */
    static String parseHeaderValue(String header, String value, Map<String, String> parameters)
            throws MalformedMultipartException {
        int at = value.indexOf(';');
        String type = (at < 0 ? value : value.substring(0, at)).strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            throw new MalformedMultipartException("the " + header + " header has no value");
        }
        int i = at < 0 ? value.length() : at + 1;
        while (i < value.length()) {
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i == value.length()) {
                break;
            }
            int equals = value.indexOf('=', i);
            if (equals < 0) {
                throw new MalformedMultipartException("the " + header + " parameter '" + value.substring(i).strip()
                        + "' has no value");
            }
            String name = value.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            if (!isToken(name)) {
                throw new MalformedMultipartException("the " + header + " has a parameter named '" + name + "'");
            }
            i = equals + 1;
            StringBuilder parameter = new StringBuilder();
            boolean quoted = i < value.length() && value.charAt(i) == '"';
            if (quoted) {
                i++;
                boolean closed = false;
                // no backslash escapes: browsers and curl send a file name's backslashes as they are and never
                // put a quote in it (WHATWG's form encoding writes %22), so the value ends at the next quote
                while (i < value.length()) {
                    char c = value.charAt(i++);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    parameter.append(c);
                }
                if (!closed) {
                    throw new MalformedMultipartException("the " + header + " parameter " + name + " has a quoted"
                            + " value without its closing quote");
                }
                while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                    i++;
                }
                if (i < value.length() && value.charAt(i) != ';') {
                    throw new MalformedMultipartException("the " + header + " parameter " + name + " has text after"
                            + " its quoted value");
                }
            } else {
                int end = value.indexOf(';', i);
                parameter.append(value, i, end < 0 ? value.length() : end);
                i = end < 0 ? value.length() : end;
                if (!isToken(parameter.toString().strip())) {
                    throw new MalformedMultipartException("the " + header + " parameter " + name + " must be a token"
                            + " or a quoted string");
                }
            }
            if (i < value.length() && value.charAt(i) == ';') {
                i++;
            }
            String text = quoted ? parameter.toString() : parameter.toString().strip();
            if (parameters.putIfAbsent(name, text) != null) {
                throw new MalformedMultipartException("the " + header + " has the parameter " + name + " twice");
            }
        }
        return type;
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads up to {@code length} bytes of the current segment; -1 when it has ended at its delimiter. */
    private int readSegment(byte[] into, int offset, int length, long max, String what) throws IOException {
        if (segmentEnded) {
            return -1;
        }
        while (true) {
            if (pos < clearUntil) {
                int n = Math.min(length, clearUntil - pos);
                return take(into, offset, n, max, what);
            }
            if (delimiterAt == pos) {
                segmentEnded = true;
                return -1;
            }
            if (delimiterAt > pos) {
                clearUntil = delimiterAt;
                continue;
            }
            delimiterAt = find(pos);
            if (delimiterAt >= 0) {
                clearUntil = delimiterAt;
                continue;
            }
            // a delimiter may begin in the last bytes, cut off by the end of the buffer: keep those
            int safe = limit - delimiter.length + 1;
            if (safe > pos) {
                clearUntil = safe;
                continue;
            }
            if (eof) {
                throw new MalformedMultipartException("offset " + offset() + ": the body ends inside " + what
                        + " without the boundary that closes it (truncated upload?)");
            }
            fill();
        }
    }

    private int take(byte[] into, int offset, int n, long max, String what) throws MalformedMultipartException {
        if (segmentBytes + n > max) {
            throw new MalformedMultipartException("offset " + (offset() + max - segmentBytes) + ": " + what
                    + " is longer than " + max + " bytes, the most accepted");
        }
        if (into != null) {
            System.arraycopy(buffer, pos, into, offset, n);
        }
        pos += n;
        segmentBytes += n;
        return n;
    }

    private void skipSegment(long max, String what) throws IOException {
        while (readSegment(null, 0, Integer.MAX_VALUE, max, what) >= 0) {
            // skipped
        }
    }

    /** The index of the first whole delimiter in the buffer at or after {@code from}, or -1. */
    private int find(int from) {
        int last = limit - delimiter.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buffer[i] != '\r') {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int readByte(String where) throws IOException {
        if (pos == limit) {
            if (eof) {
                throw new MalformedMultipartException("offset " + offset() + ": the body ends inside " + where
                        + " (truncated upload?)");
            }
            fill();
            if (pos == limit) {
                throw new MalformedMultipartException("offset " + offset() + ": the body ends inside " + where
                        + " (truncated upload?)");
            }
        }
        return buffer[pos++] & 0xff;
    }

    /** Moves what is unread to the start of the buffer and reads more after it. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            base += pos;
            limit -= pos;
            if (delimiterAt >= 0) {
                delimiterAt -= pos;
            }
            clearUntil = -1;
            pos = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The content of one part: ends where the part ends; unusable once the next part has been asked for. */
    private final class PartStream extends InputStream {

        private Part part;
        private boolean closed;

        PartStream(Part part) {
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException(part.label() + " has been read past: the next part was asked for");
            }
            if (length == 0) {
                return 0;
            }
            try {
                return readSegment(into, offset, length, maxPartBytes, part.label());
            } catch (MalformedMultipartException e) {
                failure = e;
                throw e;
            }
        }
    }
}
