package org.ctemcycles.core.evidence;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * A section of the evidence pack that may be too large to hold: every iteration reads it again from the live record,
 * a page at a time, so a renderer holds one page however many rows there are. Templates iterate it like a list.
 */
public final class Rows<T> implements Iterable<T> {

    private final LongFunction<Page<T>> pages;

    /** @param pages reads the page after a cursor (0 before the first row) */
    public Rows(LongFunction<Page<T>> pages) {
        this.pages = pages;
    }

    public static <T> Rows<T> of(List<T> rows) {
        return new Rows<>(after -> new Page<>(after == 0 ? rows : List.of(), 1, false));
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page = pages.apply(0);
            private int at;

            @Override
            public boolean hasNext() {
                while (at == page.rows().size()) {
                    if (!page.more()) {
                        return false;
                    }
                    page = pages.apply(page.next());
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
