package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a report the way every import does: decompresses gzip (recognised by its magic bytes, whatever the file
 * name), enforces the size limit on the decompressed content, hashes that content (SHA-256, the key that makes
 * re-imports idempotent), detects the format from the first bytes, and streams the report through its importer.
 */
public final class ReportReader {

    /** How many bytes content detection looks at. */
    public static final int HEAD_BYTES = 8 * 1024;

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
     * @param warnings what the importer skipped, each naming its line or offset
     */
    public record Outcome(String format, String sha256, long bytes, boolean gzip, int observations,
                          List<String> warnings) {
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

    /** Reads a report from a stream into the sink; see {@link #read(Path, String, ObservationSink)}. */
    public Outcome read(InputStream raw, String format, ObservationSink sink) throws ImportException {
        BufferedInputStream compressed = new BufferedInputStream(raw, 64 * 1024);
        boolean gzip;
        CountingDigest content;
        BufferedInputStream report;
        try {
            gzip = isGzip(compressed);
            content = new CountingDigest(gzip ? new GZIPInputStream(compressed, 64 * 1024) : compressed, limits.maxBytes());
            report = new BufferedInputStream(content, 64 * 1024);
        } catch (IOException e) {
            throw new ImportException("not a valid gzip file: " + e.getMessage(), e);
        }
        Importer importer;
        byte[] head;
        try {
            head = head(report);
            importer = choose(format, head);
        } catch (IOException e) {
            throw failure(e, content, gzip);
        }
        List<String> warnings = new ArrayList<>();
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
        };
        try {
            // an importer may close what it reads (a StAX reader does); the rest must still be hashed
            importer.read(new FilterInputStream(report) {
                @Override
                public void close() {
                }
            }, limits, counting);
            report.transferTo(java.io.OutputStream.nullOutputStream()); // the hash covers the whole content, read or not
        } catch (ImportException e) {
            if (content.exceeded()) {
                throw tooLarge(gzip);
            }
            throw e;
        } catch (IOException e) {
            throw failure(e, content, gzip);
        } catch (RuntimeException e) {
            if (content.exceeded()) {
                throw tooLarge(gzip);
            }
            throw e;
        }
        return new Outcome(importer.format(), content.sha256(), content.count(), gzip, observations[0],
                List.copyOf(warnings));
    }

    private Importer choose(String format, byte[] head) throws ImportException {
        if (format != null && !format.isBlank()) {
            return importers.byFormat(format).orElseThrow(() -> new ImportException("'" + format.trim()
                    + "' is not a supported format: use one of " + String.join(", ", importers.formats())));
        }
        if (head.length == 0) {
            throw new ImportException("the file is empty, so its format cannot be told from its content: name the"
                    + " format (one of " + String.join(", ", importers.formats()) + ")");
        }
        return importers.detect(head);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static byte[] head(BufferedInputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        return head;
    }

    private ImportException failure(IOException e, CountingDigest content, boolean gzip) {
        if (content.exceeded()) {
            return tooLarge(gzip);
        }
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return new ImportException("offset " + content.count() + " of the decompressed content: the gzip data is"
                    + " corrupt or truncated (" + e.getMessage() + ")", e);
        }
        return new ImportException("offset " + content.count() + ": cannot be read: " + e.getMessage(), e);
    }

    private ImportException tooLarge(boolean gzip) {
        return new ImportException("the report is larger than the limit of " + limits.maxBytes() + " bytes"
                + (gzip ? " (after decompression)" : ""));
    }

    /** Counts and hashes what passes through, and stops at the size limit. */
    private static final class CountingDigest extends FilterInputStream {
        private final MessageDigest digest;
        private final long limit;
        private long count;
        private boolean exceeded;

        CountingDigest(InputStream in, long limit) {
            super(in);
            this.limit = limit;
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
                if (count > limit) {
                    exceeded = true;
                    throw new IOException("the report is larger than the limit of " + limit + " bytes");
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
