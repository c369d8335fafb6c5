package org.ctemcycles.core.evidence;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * A section of the evidence pack that may be too large to hold: every iteration reads it again from the live record,
 * a page at a time, so a renderer holds one page however many rows there are. Templates iterate it like a list; a
 * view that shows one page of it at a time (Jira's report view) reads that page with {@link #page}.
 */
public final class Rows<T> implements Iterable<T> {

    /** Reads the page of at most {@code limit} rows after a cursor (0 before the first row). */
    public interface Reader<T> {
        Page<T> read(long after, int limit);
    }

    private final Reader<T> reader;
    private final int pageSize;

    /** @param reader reads a page of rows after a cursor; iterating reads {@code pageSize} rows at a time */
    public Rows(Reader<T> reader, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        this.reader = reader;
        this.pageSize = pageSize;
    }

    /** @param pages reads the page after a cursor (0 before the first row), of the reader's own size */
    public Rows(LongFunction<Page<T>> pages) {
        this((after, limit) -> pages.apply(after), Integer.MAX_VALUE);
    }

    public static <T> Rows<T> of(List<T> rows) {
        return new Rows<>((after, limit) -> {
            int from = (int) Math.min(after, rows.size());
            int to = (int) Math.min(rows.size(), (long) from + limit);
            return new Page<>(rows.subList(from, to), to, to < rows.size());
        }, Integer.MAX_VALUE);
    }

    /** One page of at most {@code limit} rows after the cursor, and the cursor after it. */
    public Page<T> page(long after, int limit) {
        return reader.read(after, limit);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = reader.read(0, pageSize);
            private int at;

            @Override
            public boolean hasNext() {
                while (at == page.rows().size()) {
                    if (!page.more()) {
                        return false;
                    }
                    page = reader.read(page.next(), pageSize);
                    at = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.rows().get(at++);
            }
        };
    }

    /** Whether the section has at least one row (reads one page). */
    public boolean isEmpty() {
        return !iterator().hasNext();
    }
}
