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
     * Stores what {@code rendering} writes as the pieces of the cycle's {@code kind}, for the attempt that holds the
     * cycle's claim; {@code alive} runs after each piece (the attempt renews its claim there). Called outside a
     * transaction, each piece is a statement of its own: on H2 one transaction keeps every CLOB it read, and every
     * row it wrote with one, until it ends (ADR 084). The pieces are nobody's until {@link #commit}: a later attempt
     * removes them ({@link #removePieces}).
     */
    public Pieces store(String cycleKey, String kind, Rendering rendering, Runnable alive) throws IOException {
        PieceWriter out = new PieceWriter(key(cycleKey, kind), alive);
        rendering.write(out);
        out.close();
        return new Pieces(cycleKey, kind, out.pieces, HexFormat.of().formatHex(out.digest.digest()), out.bytes);
    }

    /** What {@link #store} stored: how many pieces, and the SHA-256 and length of their bytes. */
    public record Pieces(String cycleKey, String kind, int count, String sha256, long bytes) {
    }

    /**
     * Makes an attempt's pieces the cycle's frozen rendering, in the caller's transaction: inserts its row, whose
     * unique key lets one attempt, on any node, do so once. Only the claim's holder stores pieces; an attempt that
     * outlived its lease and stored more, or removed some, leaves another count, and nothing is committed.
     *
     * @throws IllegalStateException when the rendering's key does not hold exactly the attempt's pieces
     */
    public FrozenReport commit(Pieces pieces, Instant at) {
        String reportKey = key(pieces.cycleKey(), pieces.kind());
        if (ao.count(FrozenChunkEntity.class, Query.select().where("REPORT_KEY = ?", reportKey)) != pieces.count()) {
            throw new IllegalStateException("the frozen " + pieces.kind() + " of " + pieces.cycleKey() + " does not"
                    + " hold the " + pieces.count() + " pieces this attempt stored; another attempt changed them");
        }
        ao.create(FrozenReportEntity.class,
                new DBParam("REPORT_KEY", reportKey),
                new DBParam("CYCLE_KEY", pieces.cycleKey()),
                new DBParam("RENDERING", pieces.kind()),
                new DBParam("FROZEN_AT_MILLIS", at.toEpochMilli()),
                new DBParam("SHA256", pieces.sha256()),
                new DBParam("BYTE_LENGTH", pieces.bytes()),
                new DBParam("CHUNKS", pieces.count()));
        return new FrozenReport(pieces.cycleKey(), pieces.kind(), at, pieces.sha256(), pieces.bytes());
    }

    /**
     * Removes the pieces of each of {@code kinds} that no row holds (a half-stored rendering), a statement each;
     * returns how many it removed.
     */
    public int removePieces(String cycleKey, List<String> kinds) {
        int removed = 0;
        for (String kind : kinds) {
            if (row(cycleKey, kind).isEmpty()) {
                removed += ao.deleteWithSQL(FrozenChunkEntity.class, "REPORT_KEY = ?", key(cycleKey, kind));
            }
        }
        return removed;
    }

    /** Records, in the closure's transaction, that the closed cycle's pack is owed a freeze (ADR 084). */
    public void owe(String cycleKey, Instant closedAt, String closedBy) {
        ao.create(FrozenClaimEntity.class,
                new DBParam("CYCLE_KEY", cycleKey),
                new DBParam("STATE", Claim.OWED),
                new DBParam("FROZEN_AT_MILLIS", closedAt.toEpochMilli()),
                new DBParam("CLOSED_BY", closedBy),
                new DBParam("CLAIMED_AT_MILLIS", 0L));
    }

    /**
     * Replaces the claim {@code seen} by one of {@code attempt} in {@code state}, compare-and-set in the caller's
     * transaction: the row is deleted only as it was seen, so of two attempts that saw it only one replaces it.
     *
     * @return the new claim, or empty when another attempt changed the claim first
     */
    public Optional<Claim> replace(Claim seen, String state, String attempt, Instant claimedAt) {
        int removed = seen.attempt() == null
                ? ao.deleteWithSQL(FrozenClaimEntity.class, "CYCLE_KEY = ? AND STATE = ? AND ATTEMPT IS NULL"
                        + " AND CLAIMED_AT_MILLIS = ?", seen.cycleKey(), seen.state(), seen.claimedAt().toEpochMilli())
                : ao.deleteWithSQL(FrozenClaimEntity.class, "CYCLE_KEY = ? AND STATE = ? AND ATTEMPT = ?"
                        + " AND CLAIMED_AT_MILLIS = ?", seen.cycleKey(), seen.state(), seen.attempt(),
                        seen.claimedAt().toEpochMilli());
        if (removed != 1) {
            return Optional.empty();
        }
        ao.create(FrozenClaimEntity.class,
                new DBParam("CYCLE_KEY", seen.cycleKey()),
                new DBParam("STATE", state),
                new DBParam("FROZEN_AT_MILLIS", seen.frozenAt().toEpochMilli()),
                new DBParam("CLOSED_BY", seen.closedBy()),
                new DBParam("ATTEMPT", attempt),
                new DBParam("CLAIMED_AT_MILLIS", claimedAt.toEpochMilli()));
        return Optional.of(new Claim(seen.cycleKey(), state, seen.frozenAt(), seen.closedBy(), attempt, claimedAt));
    }

    /**
     * A closed cycle's freeze: OWED from the closure until FROZEN; the attempt holding it (null when none) and when
     * it last showed life.
     */
    public record Claim(String cycleKey, String state, Instant frozenAt, String closedBy, String attempt,
                        Instant claimedAt) {

        public static final String OWED = "OWED";
        public static final String FROZEN = "FROZEN";

        public boolean frozen() {
            return FROZEN.equals(state);
        }
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
        private final Runnable alive;
        private final char[] buffer = new char[PIECE_CHARS];
        private final MessageDigest digest = sha256();
        private int used;
        private int pieces;
        private long bytes;
        private boolean closed;

        PieceWriter(String reportKey, Runnable alive) {
            this.reportKey = reportKey;
            this.alive = alive;
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
            alive.run();
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

    /** The closed cycle's freeze; empty for a running cycle, or one closed before frozen packs existed. */
    public Optional<Claim> claim(String cycleKey) {
        FrozenClaimEntity[] rows = ao.find(FrozenClaimEntity.class, Query.select("ID, CYCLE_KEY, STATE,"
                + " FROZEN_AT_MILLIS, CLOSED_BY, ATTEMPT, CLAIMED_AT_MILLIS").where("CYCLE_KEY = ?", cycleKey));
        return rows.length == 0 ? Optional.empty() : Optional.of(new Claim(rows[0].getCycleKey(), rows[0].getState(),
                Instant.ofEpochMilli(rows[0].getFrozenAtMillis()), rows[0].getClosedBy(), rows[0].getAttempt(),
                Instant.ofEpochMilli(rows[0].getClaimedAtMillis())));
    }
}
