package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.cadence.FrozenReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Frozen renderings of evidence packs on Active Objects ({@link FrozenReportEntity}, {@link FrozenChunkEntity}).
 * A rendering is written through a {@link Writer} that stores its text a piece of {@link #PIECE_CHARS} characters at
 * a time while it hashes the UTF-8 bytes, and read back a piece at a time: memory holds one piece, whatever the
 * rendering's size. A piece never ends inside a surrogate pair, so the bytes of the pieces, encoded one by one, are
 * the bytes of the whole.
 */
public class AoFrozenReports {

    /** Characters per stored piece (at most 768 KiB of UTF-8). */
    public static final int PIECE_CHARS = 1 << 18;

    private static final String HEADERS = "ID, REPORT_KEY, CYCLE_KEY, RENDERING, FROZEN_AT_MILLIS, SHA256, BYTE_LENGTH,"
            + " CHUNKS";

    private final ActiveObjects ao;

    public AoFrozenReports(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Writes one rendering into the store. */
    public interface Rendering {
        void write(Writer out) throws IOException;
    }

    /**
     * Stores what {@code rendering} writes as the cycle's frozen {@code kind}, in the caller's transaction; the
     * report's row goes in last, so a row means the pieces are all there.
     */
    public FrozenReport write(String cycleKey, String kind, Instant at, Rendering rendering) throws IOException {
        PieceWriter out = new PieceWriter(key(cycleKey, kind));
        rendering.write(out);
        out.close();
        String sha256 = HexFormat.of().formatHex(out.digest.digest());
        ao.create(FrozenReportEntity.class,
                new DBParam("REPORT_KEY", key(cycleKey, kind)),
                new DBParam("CYCLE_KEY", cycleKey),
                new DBParam("RENDERING", kind),
                new DBParam("FROZEN_AT_MILLIS", at.toEpochMilli()),
                new DBParam("SHA256", sha256),
                new DBParam("BYTE_LENGTH", out.bytes),
                new DBParam("CHUNKS", out.pieces));
        return new FrozenReport(cycleKey, kind, at, sha256, out.bytes);
    }

    /** The cycle's frozen renderings, JSON first. */
    public List<FrozenReport> list(String cycleKey) {
        return Arrays.stream(ao.find(FrozenReportEntity.class, Query.select(HEADERS).where("CYCLE_KEY = ?", cycleKey)
                .order("RENDERING DESC, ID ASC"))).map(AoFrozenReports::toReport).toList();
    }

    public Optional<FrozenReport> find(String cycleKey, String kind) {
        return row(cycleKey, kind).map(AoFrozenReports::toReport);
    }

    /** Writes the stored bytes of the cycle's frozen {@code kind} into {@code out}, a piece at a time. */
    public void copy(String cycleKey, String kind, OutputStream out) throws IOException {
        Optional<FrozenReportEntity> row = row(cycleKey, kind);
        if (row.isEmpty()) {
            throw new IllegalStateException("cycle " + cycleKey + " has no frozen " + kind);
        }
        for (int seq = 0; seq < row.get().getChunks(); seq++) {
            out.write(piece(row.get().getReportKey(), seq).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The SHA-256 and length of the stored bytes as they are now (to check them against the log). */
    public Stored rehash(String cycleKey, String kind) {
        Optional<FrozenReportEntity> row = row(cycleKey, kind);
        if (row.isEmpty()) {
            return null;
        }
        MessageDigest digest = sha256();
        long bytes = 0;
        for (int seq = 0; seq < row.get().getChunks(); seq++) {
            byte[] piece = piece(row.get().getReportKey(), seq).getBytes(StandardCharsets.UTF_8);
            digest.update(piece);
            bytes += piece.length;
        }
        return new Stored(HexFormat.of().formatHex(digest.digest()), bytes);
    }

    /** What the stored pieces hash to now. */
    public record Stored(String sha256, long bytes) {
    }

    private Optional<FrozenReportEntity> row(String cycleKey, String kind) {
        FrozenReportEntity[] rows = ao.find(FrozenReportEntity.class, Query.select(HEADERS)
                .where("REPORT_KEY = ?", key(cycleKey, kind)));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private String piece(String reportKey, int seq) {
        FrozenChunkEntity[] rows = ao.find(FrozenChunkEntity.class, Query.select("ID, PIECE")
                .where("REPORT_KEY = ? AND SEQ = ?", reportKey, seq));
        // a missing piece reads as empty: the hash then differs from the log's, which is how verification says so
        return rows.length == 0 ? "" : AoCycleRepository.text(rows[0].getPiece());
    }

    private static String key(String cycleKey, String kind) {
        return cycleKey + "#" + kind;
    }

    private static FrozenReport toReport(FrozenReportEntity row) {
        return new FrozenReport(row.getCycleKey(), row.getRendering(), Instant.ofEpochMilli(row.getFrozenAtMillis()),
                row.getSha256(), row.getByteLength());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Stores a piece whenever the buffer is full, hashing its bytes as it goes. */
    private final class PieceWriter extends Writer {

        private final String reportKey;
        private final char[] buffer = new char[PIECE_CHARS];
        private final MessageDigest digest = sha256();
        private int used;
        private int pieces;
        private long bytes;
        private boolean closed;

        PieceWriter(String reportKey) {
            this.reportKey = reportKey;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            while (length > 0) {
                if (used == buffer.length) {
                    store(false);
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(chars, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void flush() {
            // pieces are stored when full or at close: a flush must not cut one short
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (used > 0) {
                    store(true);
                }
            }
        }

        private void store(boolean last) {
            int length = used;
            if (!last && Character.isHighSurrogate(buffer[length - 1])) {
                length--; // keep the pair whole: it goes with the next piece
            }
            String piece = new String(buffer, 0, length);
            byte[] encoded = piece.getBytes(StandardCharsets.UTF_8);
            digest.update(encoded);
            bytes += encoded.length;
            ao.create(FrozenChunkEntity.class, new DBParam("REPORT_KEY", reportKey), new DBParam("SEQ", pieces),
                    new DBParam("PIECE", piece));
            pieces++;
            System.arraycopy(buffer, length, buffer, 0, used - length);
            used -= length;
        }
    }

    // ----- reading a rendering a piece at a time, for its page index (ADR 095) -----

    /** How many pieces hold the cycle's frozen {@code kind} (0 when there is none). */
    public int pieceCount(String cycleKey, String kind) {
        return row(cycleKey, kind).map(FrozenReportEntity::getChunks).orElse(0);
    }

    /** One stored piece of the cycle's frozen {@code kind}, as stored ("" when it is missing). */
    public String storedPiece(String cycleKey, String kind, int seq) {
        return piece(key(cycleKey, kind), seq);
    }

    /** The key the rendering's rows are stored under ({@code CYCLE#KIND}). */
    public static String reportKey(String cycleKey, String kind) {
        return key(cycleKey, kind);
    }
}
