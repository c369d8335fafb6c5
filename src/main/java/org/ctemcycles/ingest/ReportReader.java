package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.support.LimitException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens and reads a report, the one way every reader of reports does ({@code ctem parse}, {@code ctem import} and the
 * import path they share): decompresses gzip (recognised by its magic bytes, whatever the file name), enforces the
 * size limit on the decompressed content, hashes that content (SHA-256, the key that makes re-imports idempotent),
 * detects the format from the first significant bytes (past a byte order mark and any amount of leading whitespace;
 * an empty or blank report is no format), checks that a format the caller names matches the content, streams the
 * report through its importer, and tells whether the whole report was read.
 */
public final class ReportReader {

    private final Importers importers;
    private final ImportLimits limits;

    public ReportReader(Importers importers, ImportLimits limits) {
        this.importers = importers;
        this.limits = limits;
    }

    /**
     * What was read.
     *
     * @param sha256   SHA-256 (hex) of the decompressed content
     * @param bytes    size of the decompressed content
     * @param warnings every message of the importer about input it did not turn into observations, each naming its
     *                 line or offset, in order (the skipped ones included)
     * @param skipped  those of the warnings about records the importer could not read, or read only in part: empty
     *                 when the whole report was read
     */
    public record Outcome(String format, String sha256, long bytes, boolean gzip, int observations,
                          List<String> warnings, List<String> skipped) {

        public Outcome {
            warnings = List.copyOf(warnings);
            skipped = List.copyOf(skipped);
        }

        /** Whether the whole report was read: nothing skipped, truncated, malformed or over a limit. */
        public boolean complete() {
            return skipped.isEmpty();
        }
    }

    /**
     * Reads a report file into the sink.
     *
     * @param format the format to read it as, or null to detect it from the content
     * @throws ImportException naming what is wrong and where; the sink may have received observations by then, so
     *                         the caller stores nothing of a report that throws
     */
    public Outcome read(Path file, String format, ObservationSink sink) throws ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, format, sink);
        } catch (NoSuchFileException e) {
            throw new ImportException("no such file");
        } catch (IOException e) {
            throw new ImportException("cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a report from a stream (not closed) into the sink; see {@link #read(Path, String, ObservationSink)}. */
    public Outcome read(InputStream raw, String format, ObservationSink sink) throws ImportException {
        BufferedInputStream compressed = new BufferedInputStream(raw, 64 * 1024);
        boolean gzip;
        CountingDigest content;
        BufferedInputStream report;
        try {
            gzip = isGzip(compressed);
            if (!gzip && isZip(compressed)) {
                throw new ImportException("offset 0: a ZIP archive is not a report; unzip it and import the report"
                        + " inside (gzip-compressed reports are accepted)");
            }
            content = new CountingDigest(gzip ? new GZIPInputStream(compressed, 64 * 1024) : compressed, limits);
            report = new BufferedInputStream(content, 64 * 1024);
        } catch (IOException e) {
            throw new ImportException("offset 0: not a valid gzip file: " + e.getMessage(), e);
        }
        Importer importer;
        Head head;
        try {
            head = Head.read(report);
            importer = choose(format, head);
        } catch (IOException e) {
            throw failure(e, content, gzip);
        }
        List<String> warnings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] observations = {0};
        ObservationSink counting = new ObservationSink() {
            @Override
            public void observation(Observation observation) {
                observations[0]++;
                sink.observation(observation);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
                sink.warning(message);
            }

            @Override
            public void skipped(String message) {
                warnings.add(message);
                skipped.add(message);
                sink.skipped(message);
            }
        };
        try {
            // an importer may close what it reads (a StAX reader does); the rest must still be hashed
            InputStream replayed = new SequenceInputStream(head.replay(), new FilterInputStream(report) {
                @Override
                public void close() {
                }
            });
            importer.read(replayed, limits, counting);
            report.transferTo(OutputStream.nullOutputStream()); // the hash covers the whole content, read or not
        } catch (ImportException e) {
            if (content.exceeded()) {
                throw new ImportException(limits.tooLarge(limits.maxBytes()), e);
            }
            throw e;
        } catch (IOException e) {
            throw failure(e, content, gzip);
        } catch (RuntimeException e) {
            if (content.exceeded()) {
                throw new ImportException(limits.tooLarge(limits.maxBytes()), e);
            }
            throw e;
        }
        return new Outcome(importer.format(), content.sha256(), content.count(), gzip, observations[0], warnings,
                skipped);
    }

    /**
     * The importer: the one the caller names, when the content does not say it is another format, else the one the
     * content names. An empty or blank report names no format, so the caller must.
     */
    private Importer choose(String format, Head head) throws ImportException {
        String known = " (one of " + String.join(", ", importers.formats()) + ")";
        if (format != null && !format.isBlank()) {
            Importer named = importers.byFormat(format.trim()).orElseThrow(() -> new ImportException("'"
                    + format.trim() + "' is not a supported format: use one of "
                    + String.join(", ", importers.formats())));
            String binary = Importers.notAReport(head.significant());
            if (binary != null) {
                throw new ImportException(binary);
            }
            if (!head.blank() && !named.accepts(head.significant())) {
                Optional<Importer> actual = importers.accepting(head.significant());
                if (actual.isPresent()) {
                    throw new ImportException("offset " + head.offset() + ": the content is " + actual.get().format()
                            + ", not " + named.format() + " as --format says (leave --format out to read it as "
                            + actual.get().format() + ")");
                }
            }
            return named;
        }
        if (head.empty()) {
            throw new ImportException("offset 0: the file is empty, so its format cannot be told from its content:"
                    + " name it with --format" + known);
        }
        if (head.blank()) {
            throw new ImportException("offset " + head.offset() + ": the file holds nothing but whitespace, so its"
                    + " format cannot be told from its content: name it with --format" + known);
        }
        return importers.detect(head.significant());
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 'P' && second == 'K';
    }

    private ImportException failure(IOException e, CountingDigest content, boolean gzip) {
        if (e instanceof LimitException) {
            return new ImportException(e.getMessage(), e);
        }
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return new ImportException("offset " + content.count() + " of the decompressed content: the gzip data is"
                    + " corrupt or truncated (" + e.getMessage() + ")", e);
        }
        return new ImportException("offset " + content.count() + ": cannot be read: " + e.getMessage(), e);
    }

    /**
     * The start of a report: its byte order mark, the whitespace before its first significant character (counted,
     * not kept: a report may begin with any amount of it), the offset of that character, and the first
     * {@link Importers#HEAD_BYTES} significant bytes. {@link #replay()} gives the importer the start again: the
     * mark, whitespace with the same line breaks (so that line numbers hold), and the bytes read.
     */
    private record Head(byte[] mark, int unit, long lineBreaks, long blanks, long offset, byte[] bytes) {

        static Head read(InputStream in) throws IOException {
            in.mark(3);
            byte[] start = in.readNBytes(3);
            in.reset();
            byte[] mark = new byte[0];
            int unit = 1;
            if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                    && (start[2] & 0xFF) == 0xBF) {
                mark = new byte[] {start[0], start[1], start[2]};
            } else if (start.length >= 2 && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
                    || (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
                mark = new byte[] {start[0], start[1]};
                unit = 2;
            }
            in.skipNBytes(mark.length);
            boolean bigEndian = unit == 2 && (mark[0] & 0xFF) == 0xFE;
            long lineBreaks = 0;
            long blanks = 0;
            long whitespace = 0;
            byte[] chunk = new byte[8192];
            while (true) {
                in.mark(chunk.length);
                int n = in.readNBytes(chunk, 0, chunk.length);
                int i = 0;
                for (; i + unit <= n; i += unit) {
                    int c = unit == 1 ? chunk[i] & 0xFF
                            : bigEndian ? (chunk[i] & 0xFF) << 8 | chunk[i + 1] & 0xFF
                            : (chunk[i + 1] & 0xFF) << 8 | chunk[i] & 0xFF;
                    if (c == '\n') {
                        lineBreaks++;
                        blanks = 0;
                    } else if (c == ' ' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C) {
                        blanks++;
                    } else {
                        break;
                    }
                }
                in.reset();
                in.skipNBytes(i);
                whitespace += i;
                if (i < chunk.length) {
                    break; // a significant character, or the end
                }
            }
            byte[] bytes = in.readNBytes(Importers.HEAD_BYTES);
            return new Head(mark, unit, lineBreaks, blanks, mark.length + whitespace, bytes);
        }

        boolean empty() {
            return offset == 0 && bytes.length == 0;
        }

        boolean blank() {
            return bytes.length == 0;
        }

        /** What detection looks at: the mark (which tells the encoding) and the significant bytes. */
        byte[] significant() {
            byte[] head = new byte[mark.length + bytes.length];
            System.arraycopy(mark, 0, head, 0, mark.length);
            System.arraycopy(bytes, 0, head, mark.length, bytes.length);
            return head;
        }

        InputStream replay() {
            return new InputStream() {
                private long at;
                private final long whitespaceEnd = mark.length + (lineBreaks + blanks) * unit;
                private final long end = whitespaceEnd + bytes.length;

                @Override
                public int read() {
                    if (at >= end) {
                        return -1;
                    }
                    long i = at++;
                    if (i < mark.length) {
                        return mark[(int) i] & 0xFF;
                    }
                    if (i >= whitespaceEnd) {
                        return bytes[(int) (i - whitespaceEnd)] & 0xFF;
                    }
                    long character = (i - mark.length) / unit;
                    int c = character < lineBreaks ? '\n' : ' ';
                    boolean high = unit == 2 && ((i - mark.length) % 2 == 0) == ((mark[0] & 0xFF) == 0xFE);
                    return unit == 1 ? c : high ? 0 : c;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (length == 0) {
                        return 0;
                    }
                    if (at >= end) {
                        return -1;
                    }
                    if (at >= whitespaceEnd) {
                        int n = (int) Math.min(length, end - at);
                        System.arraycopy(bytes, (int) (at - whitespaceEnd), buffer, offset, n);
                        at += n;
                        return n;
                    }
                    int n = (int) Math.min(length, whitespaceEnd - at);
                    for (int i = 0; i < n; i++) {
                        buffer[offset + i] = (byte) read();
                    }
                    return n;
                }
            };
        }
    }

    /** Counts and hashes what passes through, and stops at the size limit. */
    private static final class CountingDigest extends FilterInputStream {
        private final MessageDigest digest;
        private final ImportLimits limits;
        private long count;
        private boolean exceeded;

        CountingDigest(InputStream in, ImportLimits limits) {
            super(in);
            this.limits = limits;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limits.maxBytes()) {
                    exceeded = true;
                    throw new LimitException(limits.tooLarge(limits.maxBytes()));
                }
                digest.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be hashed and counted too
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        long count() {
            return count;
        }

        boolean exceeded() {
            return exceeded;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
