package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;

/**
 * Paged lists of the REST API: {@code ?limit=N&after=CURSOR}. A list is returned in a stable order, {@code limit}
 * items at a time (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), as
 * {@code {"items": [...], "next": CURSOR-or-null}}; the next page is asked with {@code after=CURSOR}. Cursors are
 * opaque to clients (the key or id of the last item), so a page costs the same wherever it starts and rows added
 * meanwhile never shift a page.
 */
record Paging(int limit, String after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** @throws InvalidInputException naming {@code limit} when it is not a whole number from 1 to the maximum */
    static Paging of(String limit, String after) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw new InvalidInputException("limit", "'" + limit.trim() + "' is not a page size: use a whole"
                        + " number from 1 to " + MAX_LIMIT);
            }
        }
        return new Paging(size, after == null || after.isBlank() ? null : after.trim());
    }

    /** A page of the shape above. */
    static JsonObject page(JsonArray items, String next) {
        JsonObject page = new JsonObject();
        page.add("items", items);
        page.addProperty("next", next);
        return page;
    }
}
