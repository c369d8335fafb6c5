package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.evidence.Page;

import java.util.List;
import java.util.function.Function;

/**
 * Paged lists of the REST API: {@code ?limit=N&after=CURSOR}. A list is returned in a stable order, {@code limit}
 * items at a time (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), as
 * {@code {"items": [...], "next": CURSOR-or-null}}; the next page is asked with {@code after=CURSOR}. Cursors are
 * opaque to clients (the key or id of the last item), so a page costs the same wherever it starts and rows added
 * meanwhile never shift a page. {@code next} is null exactly when no item follows. Large lists (findings, runs, the
 * queue, validations, the register, the log) are read a page at a time by keyset ({@link #page(Page, Function)});
 * short ones a user could not grow large (cycles, surfaces) are cut from the whole list ({@link #slice}).
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

    /**
     * The cursor as the position it is in a list read by keyset (an id, a rank or a log sequence number); 0 before
     * the first page.
     *
     * @throws InvalidInputException naming {@code after} when the cursor is not a position
     */
    long position() {
        if (after == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(after);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other cursor that is not one of this list
        }
        throw new InvalidInputException("after", "'" + after + "' is not a cursor of this list");
    }

    /** A page read by keyset, of the shape above: the cursor is the position after its last row. */
    static <T> JsonObject page(Page<T> page, Function<T, JsonElement> item) {
        JsonArray items = new JsonArray();
        page.rows().forEach(row -> items.add(item.apply(row)));
        return page(items, page.more() ? String.valueOf(page.next()) : null);
    }

    /**
     * This page of a short list held whole, in its order; the cursor is the key of the page's last item.
     *
     * @throws InvalidInputException naming {@code after} when the cursor is no key of the list
     */
    <T> JsonObject slice(List<T> all, Function<T, String> key, Function<T, JsonElement> item) {
        int from = 0;
        if (after != null) {
            from = all.stream().map(key).toList().indexOf(after) + 1;
            if (from == 0) {
                throw new InvalidInputException("after", "'" + after + "' is not a cursor of this list");
            }
        }
        List<T> page = all.subList(from, Math.min(all.size(), from + limit));
        JsonArray items = new JsonArray();
        page.forEach(row -> items.add(item.apply(row)));
        return page(items, from + page.size() < all.size() ? key.apply(page.get(page.size() - 1)) : null);
    }

    /** A page of the shape above. */
    static JsonObject page(JsonArray items, String next) {
        JsonObject page = new JsonObject();
        page.add("items", items);
        page.addProperty("next", next);
        return page;
    }
}
