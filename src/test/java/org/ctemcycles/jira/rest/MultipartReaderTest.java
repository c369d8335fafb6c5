package org.ctemcycles.jira.rest;

import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** The streaming multipart/form-data reader on its own: well-formed bodies however they arrive, and hostile ones. */
public class MultipartReaderTest {

    private static final String BOUNDARY = "----ctem-7MA4YWxkTrZu0gW";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }

    /** Reads every part whole, as the resource does; the contents in order. */
    private static List<byte[]> contents(MultipartReader reader) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        MultipartReader.Part part;
        while ((part = reader.next()) != null) {
            contents.add(part.content().readAllBytes());
        }
        return contents;
    }

    private static MultipartReader reader(byte[] body) {
        return new MultipartReader(new ByteArrayInputStream(body), BOUNDARY, 1 << 20, 10);
    }

    private static String failure(String body) {
        return failure(reader(bytes(body)));
    }

    private static String failure(MultipartReader reader) {
        try {
            contents(reader);
        } catch (MalformedMultipartException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the body was accepted");
    }

    @Test
    public void readsPartsWithTheirNamesFileNamesAndExactContent() throws IOException {
        MultipartReader reader = reader(bytes(part("file", "scan.sarif", "{\"a\":1}\r\n--not the boundary\r\n")
                + part("file", "C:\\reports\\weekly.nessus", "") + end()));
        MultipartReader.Part first = reader.next();
        assertEquals(1, first.number());
        assertEquals("file", first.name());
        assertEquals("scan.sarif", first.fileName());
        assertEquals("application/octet-stream", first.contentType());
        assertEquals("{\"a\":1}\r\n--not the boundary\r\n", new String(first.content().readAllBytes(),
                StandardCharsets.UTF_8));
        MultipartReader.Part second = reader.next();
        assertEquals("weekly.nessus", second.fileName()); // a client's path is cut to the file name
        assertEquals(0, second.content().readAllBytes().length);
        assertNull(reader.next());
        assertNull(reader.next());
    }

    @Test
    public void theBoundaryComesFromTheContentType() throws IOException {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b:c", MultipartReader.boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b:c\""));
        assertTrue(message(() -> MultipartReader.boundary(null)).contains("no Content-Type"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data"))
                .contains("has no boundary parameter"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data; charset=utf-8"))
                .contains("has no boundary parameter"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/mixed; boundary=abc"))
                .contains("multipart/mixed, not multipart/form-data"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data; boundary=\"a<b\""))
                .contains("is not valid"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data; boundary=" + "x".repeat(71)))
                .contains("is not valid"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data; boundary=\"abc"))
                .contains("without its closing quote"));
        assertTrue(message(() -> MultipartReader.boundary("multipart/form-data; boundary=a; boundary=b"))
                .contains("twice"));
    }

    private interface Call {
        Object call() throws IOException;
    }

    private static String message(Call call) {
        MalformedMultipartException e = assertThrows(MalformedMultipartException.class, call::call);
        return e.getMessage();
    }

    @Test
    public void aBoundarySplitAcrossReadsIsFoundWhateverTheChunking() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 80; round++) {
            List<byte[]> expected = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                // across the buffer's end now and then, even when the network gives a few bytes at a time
                byte[] content = hostileContent(random, random.nextInt(round % 2 == 0 ? 20_000
                        : 3 * MultipartReader.BUFFER / 2));
                expected.add(content);
                body.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"f" + p + "\"\r\n\r\n"));
                body.writeBytes(content);
                body.writeBytes(bytes("\r\n"));
            }
            body.writeBytes(bytes(end()));
            int maxChunk = 1 + random.nextInt(round % 2 == 0 ? 8 : 100_000);
            MultipartReader reader = new MultipartReader(new Trickle(body.toByteArray(), random, maxChunk),
                    BOUNDARY, 1 << 20, 10);
            List<byte[]> read = new ArrayList<>();
            MultipartReader.Part part;
            while ((part = reader.next()) != null) {
                read.add(readInRandomSizes(part.content(), random));
            }
            assertEquals("round " + round, expected.size(), read.size());
            for (int p = 0; p < parts; p++) {
                assertArrayEquals("round " + round + ", part " + p, expected.get(p), read.get(p));
            }
        }
    }

    /** Random bytes laced with CRs, LFs, dashes and prefixes of the delimiter, but never the whole delimiter. */
    private static byte[] hostileContent(Random random, int length) {
        byte[] delimiter = bytes("\r\n--" + BOUNDARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes(Arrays.copyOf(delimiter, random.nextInt(delimiter.length)));
                case 1 -> out.write("\r\n-".charAt(random.nextInt(3)));
                default -> {
                    byte[] noise = new byte[random.nextInt(300)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
        }
        byte[] content = Arrays.copyOf(out.toByteArray(), length);
        for (int i = 0; i + delimiter.length <= content.length; i++) {
            if (Arrays.equals(content, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                content[i + delimiter.length - 1] = '#'; // noise completed a delimiter: break it
            }
        }
        return content;
    }

    private static byte[] readInRandomSizes(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[70_000];
        while (true) {
            if (random.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                continue;
            }
            int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, n);
        }
    }

    @Test
    public void anUnreadRestIsSkippedAndAPartCannotBeReadAfterTheNext() throws IOException {
        MultipartReader reader = reader(bytes(part("file", "a", "x".repeat(200_000)) + part("file", "b", "second")
                + end()));
        MultipartReader.Part first = reader.next();
        assertEquals('x', first.content().read());
        MultipartReader.Part second = reader.next();
        assertEquals("second", new String(second.content().readAllBytes(), StandardCharsets.UTF_8));
        IOException late = assertThrows(IOException.class, () -> first.content().read());
        assertTrue(late.getMessage(), late.getMessage().contains("part 1 ('a') has been read past"));
    }

    @Test
    public void aPreambleIsSkippedButBounded() throws IOException {
        assertEquals(1, contents(reader(bytes("a short note\r\n" + part("file", "a", "x") + end()))).size());
        String tooLong = failure("y".repeat(MultipartReader.MAX_PREAMBLE + 1) + "\r\n" + part("file", "a", "x")
                + end());
        assertTrue(tooLong, tooLong.contains("the preamble before the first part is longer than "
                + MultipartReader.MAX_PREAMBLE + " bytes"));
    }

    @Test
    public void aTruncatedBodyIsRefusedNamingThePartWhereItEnds() {
        String full = part("file", "scan.sarif", "{\"runs\":[]}") + end();
        String insideContent = failure(full.substring(0, full.indexOf("[]")));
        assertTrue(insideContent, insideContent.contains("the body ends inside part 1 ('scan.sarif') without the"
                + " boundary that closes it (truncated upload?)"));
        assertTrue(insideContent, insideContent.startsWith("offset "));
        String insideHeaders = failure(full.substring(0, full.indexOf("Content-Type")));
        assertTrue(insideHeaders, insideHeaders.contains("the body ends inside the headers of part 1"));
        String noClosingBoundary = failure(part("file", "a", "x"));
        assertTrue(noClosingBoundary, noClosingBoundary.contains("the body ends inside part 1 ('a')"));
        String empty = failure("");
        assertTrue(empty, empty.contains("the preamble before the first part without the boundary"));
    }

    @Test
    public void aContentReaderSeesTheFaultAndTheReaderRemembersIt() throws IOException {
        String full = part("file", "scan.sarif", "{\"runs\":[]}");
        MultipartReader reader = reader(bytes(full.substring(0, full.indexOf("[]"))));
        MultipartReader.Part part = reader.next();
        MalformedMultipartException e = assertThrows(MalformedMultipartException.class,
                () -> part.content().readAllBytes());
        assertEquals(e, reader.failure());
        assertEquals(e, assertThrows(MalformedMultipartException.class, reader::next));
    }

    @Test
    public void hugeOrMalformedHeadersAreRefused() {
        String huge = failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Padding: "
                + "p".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n\r\nx\r\n" + end());
        assertTrue(huge, huge.contains("the headers of part 1 are longer than " + MultipartReader.MAX_HEADER_BYTES
                + " bytes"));
        String endless = failure("--" + BOUNDARY + "\r\n" + "X-A: b\r\n".repeat(5000));
        assertTrue(endless, endless.contains("longer than"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"\n\r\nx\r\n" + end())
                .contains("ends with LF alone"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data;\r\n name=\"f\"\r\n\r\nx\r\n"
                + end()).contains("folded header"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + end())
                .contains("part 1 has no Content-Disposition header"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n" + end())
                .contains("Content-Disposition attachment, not form-data"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n"
                + end()).contains("part 1 has no name"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"\r\nContent-Disposition:"
                + " form-data; name=\"g\"\r\n\r\nx\r\n" + end()).contains("two Content-Disposition headers"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\neA==\r\n" + end()).contains("Content-Transfer-Encoding"));
        assertTrue(failure("--" + BOUNDARY + "\r\nno colon here\r\n\r\nx\r\n" + end()).contains("not 'Name: value'"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\u0001\"\r\n\r\nx\r\n"
                + end()).contains("control character 0x1"));
        assertTrue(failure("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../\"\r\n"
                + "\r\nx\r\n" + end()).contains("names no file"));
        assertTrue(failure("--" + BOUNDARY + "garbage\r\n" + end()).contains("must be followed by CRLF or by '--'"));
        assertTrue(failure("--" + BOUNDARY + "-\r\n").contains("a single '-'"));
    }

    @Test
    public void aPartWithoutFileNameIsReadWithNone() throws IOException {
        MultipartReader reader = reader(bytes(part("comment", null, "hello") + end()));
        MultipartReader.Part part = reader.next();
        assertEquals("comment", part.name());
        assertNull(part.fileName());
        assertEquals("part 1 ('comment')", part.label());
    }

    @Test
    public void partsAndPartSizesAreBounded() {
        MultipartReader few = new MultipartReader(new ByteArrayInputStream(bytes(part("file", "a", "x")
                + part("file", "b", "y") + end())), BOUNDARY, 100, 1);
        assertTrue(failure(few).contains("more than 1 parts"));
        MultipartReader small = new MultipartReader(new ByteArrayInputStream(bytes(part("file", "big", "z".repeat(101))
                + end())), BOUNDARY, 100, 10);
        String tooBig = failure(small);
        assertTrue(tooBig, tooBig.contains("part 1 ('big') is longer than 100 bytes"));
    }

    @Test
    public void aLargePartStreamsThrough() throws IOException {
        // 64 MiB of content made up as it is read: the reader passes it on a buffer at a time
        long size = 64L << 20;
        InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"big\"\r\n\r\n")),
                new Repeat((byte) 'q', size),
                new ByteArrayInputStream(bytes("\r\n" + end())))));
        MultipartReader reader = new MultipartReader(body, BOUNDARY, size, 1);
        MultipartReader.Part part = reader.next();
        assertEquals(size, part.content().transferTo(java.io.OutputStream.nullOutputStream()));
        assertNull(reader.next());
    }

    /** Gives the body back in chunks of random sizes, as a network does. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final Random random;
        private final int maxChunk;
        private int at;

        Trickle(byte[] data, Random random, int maxChunk) {
            this.data = data;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - at), 1 + random.nextInt(maxChunk));
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }

    /** {@code count} copies of one byte, made up as they are read. */
    private static final class Repeat extends InputStream {
        private final byte value;
        private long left;

        Repeat(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
