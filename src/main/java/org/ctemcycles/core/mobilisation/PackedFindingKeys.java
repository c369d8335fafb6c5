package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finding keys held while a large run is taken into the register: a key of the usual form ({@code F-} and sixteen
 * hex digits) as one long, any other as text, so a million keys take eight megabytes rather than sixty.
 */
final class PackedFindingKeys {

    private static final int HEX_DIGITS = 16;
    private static final HexFormat HEX = HexFormat.of();

    private long[] packed = new long[64];
    private int size;
    private final List<String> others = new ArrayList<>();

    void add(String key) {
        if (key.length() == Finding.KEY_PREFIX.length() + HEX_DIGITS && key.startsWith(Finding.KEY_PREFIX)
                && key.substring(Finding.KEY_PREFIX.length()).chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'f')) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = Long.parseUnsignedLong(key.substring(Finding.KEY_PREFIX.length()), 16);
        } else {
            others.add(key);
        }
    }

    void clear() {
        size = 0;
        others.clear();
    }

    /** Hands the keys over, {@code count} at a time, in the order they were added (text keys last). */
    void forEachChunk(int count, Consumer<List<String>> action) {
        List<String> chunk = new ArrayList<>(Math.min(count, size + others.size()));
        for (int i = 0; i < size; i++) {
            chunk.add(Finding.KEY_PREFIX + HEX.toHexDigits(packed[i]));
            if (chunk.size() == count) {
                action.accept(chunk);
                chunk = new ArrayList<>(count);
            }
        }
        for (String key : others) {
            chunk.add(key);
            if (chunk.size() == count) {
                action.accept(chunk);
                chunk = new ArrayList<>(count);
            }
        }
        if (!chunk.isEmpty()) {
            action.accept(chunk);
        }
    }
}
