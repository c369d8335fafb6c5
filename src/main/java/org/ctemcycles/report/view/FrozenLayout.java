package org.ctemcycles.report.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Divides the report template's standalone document ({@value EvidencePackView#TEMPLATE}), as frozen at closure in
 * stored pieces, into the pages the report view shows one at a time (ADR 095): a title page (the title block and the
 * contents), then each {@code <section>} of the report's {@code <main>}, a section of more than {@code pageSize}
 * table rows cut into pages of at most that many rows. A page is a list of {@link Span}s of the stored pieces which,
 * written one after the other, make a well-formed document of the stored bytes only: the document's head (its
 * styles), the section's own opening and closing tags, the cut table's opening (its columns and headers) repeated
 * and its closing, and the page's rows with whatever lies between them.
 *
 * <p>It reads the document once, a piece at a time, as a stream of tags: the template escapes every value, so in
 * its output a {@code <} always opens a tag. It keeps the offsets of each section's tables and of every
 * {@code pageSize}-th row, a few numbers per page, never the text. A document that does not have the template's
 * shape (a title block, a {@code <main>} with sections) gives no pages, and the view offers the whole download.
 */
public final class FrozenLayout {

    /** The title page's section name: the report's title block and its table of contents. */
    public static final String TITLE = "title";

    /** The longest tag the scanner keeps; a longer one (not the template's) is passed over as text. */
    private static final int LONGEST_TAG = 4096;
    private static final int LONGEST_TITLE = 250;

    /** Characters {@code [from, to)} of stored piece {@code piece} (counted from 0). */
    public record Span(int piece, int from, int to) {
    }

    /**
     * One page: its section's anchor and heading (as text, the document's character references decoded), its
     * number (from 1) of the section's {@code pages}, which of the section's {@code rows} table rows it holds
     * ({@code firstRow} to {@code lastRow}, from 1; 0 and 0 for a section without rows), and where its text is.
     */
    public record Page(String section, String title, int number, int pages, int firstRow, int lastRow, int rows,
                       List<Span> spans) {
    }

    private final int pageSize;
    private final List<Long> pieceStarts = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final StringBuilder tag = new StringBuilder();
    private long position;
    private boolean inTag;
    private long tagStart;
    private long titleStart = -1;
    private long mainStart = -1;
    private long mainOpenEnd = -1;
    private long mainCloseStart = -1;
    private long mainCloseEnd = -1;
    private int sectionDepth;
    private Section section;
    private int tableDepth;
    private Table table;
    private boolean inBody;
    private StringBuilder heading;

    public FrozenLayout(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one row, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** Reads the next stored piece. */
    public void piece(String text) {
        pieceStarts.add(position);
        for (int i = 0; i < text.length(); i++, position++) {
            char c = text.charAt(i);
            if (inTag) {
                if (c == '>') {
                    inTag = false;
                    if (tag.length() <= LONGEST_TAG) {
                        tag(tag.toString(), tagStart, position + 1);
                    }
                } else if (tag.length() <= LONGEST_TAG) {
                    tag.append(c);
                }
            } else if (c == '<') {
                inTag = true;
                tagStart = position;
                tag.setLength(0);
            } else if (heading != null && heading.length() < LONGEST_TITLE) {
                heading.append(c);
            }
        }
    }

    /**
     * The pages, once every piece was read: the title page, then each section's pages in document order; none when
     * the document does not have the template's shape.
     */
    public List<Page> pages() {
        long end = position;
        if (titleStart < 0 || mainStart < titleStart || mainCloseEnd < 0 || sections.isEmpty()) {
            return List.of();
        }
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(TITLE, "", 1, 1, 0, 0, 0, spans(List.of(
                new long[]{0, titleStart}, new long[]{titleStart, mainStart}, new long[]{mainCloseEnd, end}))));
        for (Section s : sections) {
            int count = Math.max(1, (s.rows + pageSize - 1) / pageSize);
            for (int p = 0; p < count; p++) {
                List<long[]> ranges = new ArrayList<>();
                ranges.add(new long[]{0, titleStart});
                ranges.add(new long[]{mainStart, mainOpenEnd});
                ranges.add(new long[]{s.start, s.openEnd});
                ranges.addAll(s.body(p, count));
                ranges.add(new long[]{s.closeStart, s.closeEnd});
                ranges.add(new long[]{mainCloseStart, end});
                int first = s.rows == 0 ? 0 : p * pageSize + 1;
                int last = Math.min(s.rows, (p + 1) * pageSize);
                pages.add(new Page(s.anchor, decode(s.title), p + 1, count, first, last, s.rows, spans(ranges)));
            }
        }
        return pages;
    }

    private void tag(String text, long start, long end) {
        boolean closing = text.startsWith("/");
        String name = name(text, closing ? 1 : 0);
        if (!closing && name.equals("header") && titleStart < 0) {
            titleStart = start;
        } else if (name.equals("main") && titleStart >= 0) {
            if (!closing && mainStart < 0) {
                mainStart = start;
                mainOpenEnd = end;
            } else if (closing && mainOpenEnd >= 0 && mainCloseStart < 0) {
                mainCloseStart = start;
                mainCloseEnd = end;
            }
        } else if (mainOpenEnd >= 0 && mainCloseStart < 0) {
            inMain(name, closing, text, start, end);
        }
    }

    private void inMain(String name, boolean closing, String text, long start, long end) {
        if (name.equals("section")) {
            if (!closing && ++sectionDepth == 1) {
                section = new Section(attribute(text, "id"), start, end);
            } else if (closing && sectionDepth > 0 && --sectionDepth == 0) {
                section.closeStart = start;
                section.closeEnd = end;
                sections.add(section);
                section = null;
            }
            return;
        }
        if (section == null) {
            return;
        }
        switch (name) {
            case "h2" -> {
                if (!closing && section.title == null && heading == null) {
                    heading = new StringBuilder();
                } else if (closing && heading != null) {
                    section.title = heading.toString().strip();
                    heading = null;
                }
            }
            case "table" -> {
                if (!closing && ++tableDepth == 1) {
                    table = new Table(start);
                } else if (closing && tableDepth > 0 && --tableDepth == 0) {
                    table.close = end;
                    if (table.rows > 0) {
                        section.tables.add(table);
                    }
                    table = null;
                    inBody = false;
                }
            }
            case "tbody" -> {
                if (tableDepth == 1) {
                    inBody = !closing;
                    if (closing) {
                        table.bodyEnd = start;
                    } else {
                        table.bodyStart = end;
                    }
                }
            }
            case "tr" -> {
                if (!closing && tableDepth == 1 && inBody) {
                    if (section.rows % pageSize == 0) {
                        section.cuts.add(new long[]{start, section.tables.size(), table.rows});
                    }
                    table.rows++;
                    section.rows++;
                }
            }
            default -> {
                // other tags carry no structure the pages need
            }
        }
    }

    /** The tag's name, lower case: the letters and digits from {@code from} on. */
    private static String name(String text, int from) {
        int to = from;
        while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        return text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    }

    private static String attribute(String text, String name) {
        int at = text.indexOf(" " + name + "=\"");
        if (at < 0) {
            return "";
        }
        int from = at + name.length() + 3;
        int to = text.indexOf('"', from);
        return to < 0 ? "" : text.substring(from, to);
    }

    /** Splits document ranges at the pieces' boundaries, leaving out empty ones. */
    private List<Span> spans(List<long[]> ranges) {
        List<Span> spans = new ArrayList<>();
        for (long[] range : ranges) {
            long from = range[0];
            while (from < range[1]) {
                int piece = pieceAt(from);
                long pieceStart = pieceStarts.get(piece);
                long pieceEnd = piece + 1 < pieceStarts.size() ? pieceStarts.get(piece + 1) : position;
                long to = Math.min(range[1], pieceEnd);
                spans.add(new Span(piece, (int) (from - pieceStart), (int) (to - pieceStart)));
                from = to;
            }
        }
        return spans;
    }

    /** The last piece that starts at or before {@code offset} (pieces are never empty but the last may be). */
    private int pieceAt(long offset) {
        int low = 0;
        int high = pieceStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (pieceStarts.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** A heading's text with the template's character references ({@code &#183;}, {@code &lt;}...) decoded. */
    static String decode(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? text.indexOf(';', i) : -1;
            if (semicolon > i + 1 && semicolon - i <= 10) {
                String reference = text.substring(i + 1, semicolon);
                String decoded = reference(reference);
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(Character.isWhitespace(c) ? ' ' : c);
            i++;
        }
        return out.toString().replaceAll(" {2,}", " ");
    }

    private static String reference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return null; // not a character: left as written
        }
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> null;
        };
    }

    /** A table with rows in its body: where it opens, where its body starts and ends, where it closes. */
    private static final class Table {
        final long open;
        long bodyStart = -1;
        long bodyEnd = -1;
        long close = -1;
        int rows;

        Table(long open) {
            this.open = open;
        }
    }

    private static final class Section {
        final String anchor;
        final long start;
        final long openEnd;
        long closeStart;
        long closeEnd;
        String title;
        int rows;
        final List<Table> tables = new ArrayList<>();
        /** For every pageSize-th row: its offset, its table's index in {@link #tables}, its index in that table. */
        final List<long[]> cuts = new ArrayList<>();

        Section(String anchor, long start, long openEnd) {
            this.anchor = anchor;
            this.start = start;
            this.openEnd = openEnd;
        }

        /**
         * The ranges inside the section's tags for page {@code p} of {@code count}: from the page's first row (or
         * the section's start, or the end of the table before) to its last row's end, a cut table reopened with its
         * own opening and closed with its own closing.
         */
        List<long[]> body(int p, int count) {
            List<long[]> ranges = new ArrayList<>();
            if (rows == 0) {
                ranges.add(new long[]{openEnd, closeStart});
                return ranges;
            }
            long from;
            long[] cut = cuts.get(p);
            if (p == 0) {
                from = openEnd;
            } else if (cut[2] == 0) {
                from = tables.get((int) cut[1] - 1).close;
            } else {
                Table cutTable = tables.get((int) cut[1]);
                ranges.add(new long[]{cutTable.open, cutTable.bodyStart});
                from = cut[0];
            }
            if (p == count - 1) {
                ranges.add(new long[]{from, closeStart});
                return ranges;
            }
            long[] next = cuts.get(p + 1);
            if (next[2] == 0) {
                ranges.add(new long[]{from, tables.get((int) next[1] - 1).close});
            } else {
                Table cutTable = tables.get((int) next[1]);
                ranges.add(new long[]{from, next[0]});
                ranges.add(new long[]{cutTable.bodyEnd, cutTable.close});
            }
            return ranges;
        }
    }
}
