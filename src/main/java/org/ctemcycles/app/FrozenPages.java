package org.ctemcycles.app;

import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.report.view.FrozenLayout;
import org.ctemcycles.store.AoFrozenPages;
import org.ctemcycles.store.AoFrozenReports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The frozen evidence pack's document shown a page at a time (ADR 095): its sections, as the report template wrote
 * them, each cut into pages of at most {@code pageSize} table rows ({@link FrozenLayout}). The page index is derived
 * data, built once, the first time the document is shown, by reading the stored pieces one at a time: it is stored
 * only when the pieces hash to the SHA-256 the closure committed in the chain, and it keeps each piece's own SHA-256.
 * A page is then served from its index row by reading only the pieces it spans, each checked against that hash, so
 * what a page shows is part of what was signed off, whatever the pack's size, and memory holds a piece at a time.
 * The stored pieces are never written here.
 */
public final class FrozenPages {

    /** Reads one stored piece of a frozen rendering (the store's, or a test's that counts them). */
    @FunctionalInterface
    public interface Pieces {
        String read(String cycleKey, String rendering, int seq);
    }

    /** Where the frozen document stands for paging. */
    public enum State {
        /** No document was frozen (the cycle runs, was closed before frozen packs, or only its JSON was frozen). */
        NONE,
        /** Its pages are indexed. */
        PAGED,
        /** It was indexed but has no sections of the report template's shape: only the whole download shows it. */
        UNDIVIDED,
        /** Its stored bytes do not hash to what the closure committed: no page of it is shown. */
        CHANGED
    }

    /** A section of the frozen document: its anchor, its heading as frozen, its pages and table rows. */
    public record Section(String anchor, String title, int pages, int rows) {
    }

    public record Contents(State state, List<Section> sections) {
    }

    /** One page of a section: its number of the section's pages, and which of its table rows it holds (from 1). */
    public record Page(String section, String title, int number, int pages, int firstRow, int lastRow, int rows) {
    }

    private final AoFrozenReports reports;
    private final Pieces pieces;
    private final AoFrozenPages index;
    private final Function<String, Optional<String>> committed;
    private final int pageSize;

    /**
     * @param committed the SHA-256 a cycle's closure committed in the chain for its frozen document
     *                  ({@link FrozenReports#committedSha256})
     */
    public FrozenPages(AoFrozenReports reports, Pieces pieces, AoFrozenPages index,
                       Function<String, Optional<String>> committed, int pageSize) {
        this.reports = reports;
        this.pieces = pieces;
        this.index = index;
        this.committed = committed;
        this.pageSize = pageSize;
    }

    /** The frozen document's sections, its index built first when there is none yet. */
    public Contents contents(String cycleKey) {
        State state = indexed(cycleKey);
        if (state != State.PAGED) {
            return new Contents(state, List.of());
        }
        List<Section> sections = index.sections(key(cycleKey)).stream()
                .map(row -> new Section(row.section(), row.title(), row.pages(), row.rows())).toList();
        return new Contents(sections.isEmpty() ? State.UNDIVIDED : State.PAGED, sections);
    }

    /** The page {@code number} of the section, once the document is indexed. */
    public Optional<Page> page(String cycleKey, String section, int number) {
        return index.page(key(cycleKey), section, number).map(row -> new Page(row.section(), row.title(),
                row.number(), row.pages(), row.firstRow(), row.lastRow(), row.rows()));
    }

    /**
     * Writes the page as a document of the stored bytes alone (the document's head and styles, the section's
     * tags, the page's rows), reading only the pieces its index row names.
     *
     * @throws NotFoundException when the document or the page does not exist
     * @throws ConflictException when a piece it reads no longer has the hash it had when indexed, or the document
     *                           does not hash to what the closure committed
     */
    public void write(String cycleKey, String section, int number, OutputStream out) throws IOException {
        State state = indexed(cycleKey);
        if (state == State.CHANGED) {
            throw changed(cycleKey);
        }
        AoFrozenPages.Row row = index.page(key(cycleKey), section, number).orElseThrow(() -> new NotFoundException(
                "the evidence pack of " + cycleKey + " frozen at closure has no page " + number + " of section '"
                        + section + "'"));
        int seq = -1;
        String piece = "";
        for (String span : row.spans().split(";")) {
            String[] parts = span.split(" ");
            int wanted = Integer.parseInt(parts[0]);
            if (wanted != seq) {
                seq = wanted;
                piece = pieces.read(cycleKey, FrozenReport.HTML, seq);
                if (!sha256(piece).equals(parts[3])) {
                    throw changed(cycleKey);
                }
            }
            out.write(piece.substring(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The document's state, building and storing its index when there is none and the bytes are the committed. */
    private State indexed(String cycleKey) {
        String key = key(cycleKey);
        Optional<String> committed = this.committed.apply(cycleKey);
        Optional<String> built = index.indexedSha256(key);
        if (built.isPresent()) {
            return built.equals(committed) ? State.PAGED : State.CHANGED;
        }
        int count = reports.pieceCount(cycleKey, FrozenReport.HTML);
        if (count == 0) {
            return State.NONE;
        }
        FrozenLayout layout = new FrozenLayout(pageSize);
        MessageDigest whole = digest();
        List<String> pieceHashes = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) {
            String piece = pieces.read(cycleKey, FrozenReport.HTML, seq);
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            whole.update(bytes);
            pieceHashes.add(HexFormat.of().formatHex(digest().digest(bytes)));
            layout.piece(piece);
        }
        String sha256 = HexFormat.of().formatHex(whole.digest());
        if (committed.isEmpty() || !committed.get().equals(sha256)) {
            return State.CHANGED; // nothing indexed: what it would show is not what was signed off
        }
        List<AoFrozenPages.Row> rows = new ArrayList<>();
        for (FrozenLayout.Page page : layout.pages()) {
            StringBuilder spans = new StringBuilder();
            for (FrozenLayout.Span span : page.spans()) {
                if (!spans.isEmpty()) {
                    spans.append(';');
                }
                spans.append(span.piece()).append(' ').append(span.from()).append(' ').append(span.to()).append(' ')
                        .append(pieceHashes.get(span.piece()));
            }
            rows.add(new AoFrozenPages.Row(rows.size(), page.section(), page.title(), page.number(), page.pages(),
                    page.firstRow(), page.lastRow(), page.rows(), spans.toString()));
        }
        try {
            index.write(key, sha256, rows);
        } catch (RuntimeException e) {
            if (index.indexedSha256(key).isEmpty()) {
                throw e;
            }
            // another node stored the same index first
        }
        return State.PAGED;
    }

    private static ConflictException changed(String cycleKey) {
        return new ConflictException("the stored document of the evidence pack of " + cycleKey + " frozen at"
                + " closure does not hash to what the closure committed in the activity log: no page of it is shown"
                + " (ctem log verify names the change)");
    }

    private static String key(String cycleKey) {
        return AoFrozenReports.reportKey(cycleKey, FrozenReport.HTML);
    }

    private static String sha256(String piece) {
        return HexFormat.of().formatHex(digest().digest(piece.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
