package org.ctemcycles.core.evidence;

import java.util.List;

/**
 * One page of rows read in key order, and the cursor after its last row: the next page starts after {@code next}.
 * An empty page ends the reading.
 */
public record Page<T>(List<T> rows, long next) {

    public Page {
        rows = List.copyOf(rows);
    }
}
