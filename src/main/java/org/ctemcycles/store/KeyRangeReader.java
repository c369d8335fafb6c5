package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the rows of many unique text keys (a finding's {@code CYCLE/hash}, a register entry's
 * {@code CYCLE/F-hash}), up to 1,000 keys at a time, by the range of the keys rather than an IN list of them, when
 * the range holds few other rows. H2 checks every row it finds by index against the whole IN list again, so a list of
 * n keys costs about n&#178;/2 comparisons: a fifth of a 14,219-finding re-scan on H2 (ADR 039). A range is one
 * statement with two parameters and no list: a COUNT of the rows in the range (index entries only) decides whether
 * to read it (few other rows in it: the cycle is about the report's size) or to look the keys up in IN lists of 500
 * as before (a report much smaller than its cycle), and an empty range is not read at all (a new import).
 * <p>
 * A range of keys is only sound if the database orders the keys as Java does. Every supported database does for keys
 * that share one prefix and differ only in lower-case hexadecimal digits of one length (digits before letters, the
 * letters in order, whatever the collation): a chunk of any other keys is looked up in IN lists.
 */
final class KeyRangeReader {

    /** Keys read by one range (at most): a chunk of the import's writes (1,000 findings). */
    static final int RANGE_KEYS = 1_000;
    /** Bind parameters per IN query (as everywhere in the store, ADR 036). */
    static final int IN_KEYS = 500;
    /** A range is read when it holds at most this many rows per key asked for. */
    static final int MAX_ROWS_PER_KEY = 2;
    /** Fewer keys than this are looked up in an IN list: a COUNT and a range would be two statements for one. */
    static final int MIN_RANGE_KEYS = 50;

    private final ActiveObjects ao;

    KeyRangeReader(ActiveObjects ao) {
        this.ao = ao;
    }

    /**
     * Streams the rows whose {@code keyColumn} is one of {@code keys} to {@code found}, each once.
     *
     * @param columns the columns to read; they must include {@code keyColumn}
     * @param keyOf   a row's key (the value of {@code keyColumn})
     */
    <T extends RawEntity<K>, K> void stream(Class<T> type, String columns, String keyColumn, Function<T, String> keyOf,
                                            Set<String> keys, EntityStreamCallback<T, K> found) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        for (List<String> chunk : AoDiscoveryRepository.chunks(sorted, RANGE_KEYS)) {
            if (chunk.size() < MIN_RANGE_KEYS || !hexadecimalAfterOnePrefix(chunk)) {
                streamByList(type, columns, keyColumn, chunk, found);
                continue;
            }
            String range = keyColumn + " >= ? AND " + keyColumn + " <= ?";
            String low = chunk.get(0);
            String high = chunk.get(chunk.size() - 1);
            int rows = ao.count(type, Query.select().where(range, low, high));
            if (rows == 0) {
                continue;
            }
            if (rows > MAX_ROWS_PER_KEY * chunk.size()) {
                streamByList(type, columns, keyColumn, chunk, found);
                continue;
            }
            Set<String> wanted = new HashSet<>(chunk);
            ao.stream(type, Query.select(columns).where(range, low, high), row -> {
                if (wanted.contains(keyOf.apply(row))) {
                    found.onRowRead(row);
                }
            });
        }
    }

    private <T extends RawEntity<K>, K> void streamByList(Class<T> type, String columns, String keyColumn,
                                                          List<String> keys, EntityStreamCallback<T, K> found) {
        for (List<String> list : AoDiscoveryRepository.chunks(keys, IN_KEYS)) {
            ao.stream(type, Query.select(columns).where(keyColumn + " IN ("
                    + AoDiscoveryRepository.placeholders(list.size()) + ")", list.toArray()), found);
        }
    }

    /**
     * Whether the keys (sorted) share everything up to their last '/' or '-' and end in lower-case hexadecimal digits
     * of one length after it: then every collation orders them as Java does, and a row whose key lies between the
     * first and the last is ordered there by the database too.
     */
    static boolean hexadecimalAfterOnePrefix(List<String> sorted) {
        String first = sorted.get(0);
        int cut = Math.max(first.lastIndexOf('/'), first.lastIndexOf('-')) + 1;
        if (cut == 0 || cut == first.length()) {
            return false;
        }
        String prefix = first.substring(0, cut);
        for (String key : sorted) {
            if (key.length() != first.length() || !key.startsWith(prefix)) {
                return false;
            }
            for (int i = cut; i < key.length(); i++) {
                char c = key.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
        }
        return true;
    }
}
