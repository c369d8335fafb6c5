package org.ctemcycles.core.evidence;

import java.util.List;

/**
 * One page of rows read in key order, and the cursor after its last row: the next page starts after {@code next}.
 * {@code more} says whether rows follow the page (the source read one row beyond it to know), so a reader neither
 * asks for a page that would be empty nor hands out a cursor to nothing.
 */
public record Page<T>(List<T> rows, long next, boolean more) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** A page from a source that cannot tell whether more rows follow: any non-empty page may have more. */
    public Page(List<T> rows, long next) {
        this(rows, next, !rows.isEmpty());
    }
}
