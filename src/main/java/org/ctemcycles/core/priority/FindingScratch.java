package org.ctemcycles.core.priority;

import org.ctemcycles.core.scoring.kev.KevEntry;

import java.util.Arrays;
import java.util.List;

/**
 * Scratch space for deciding one finding, reused by one thread from finding to finding, so that deciding allocates
 * only the decision's final immutable factor list: the factors as the rules add them, and the KEV entry that counted
 * (the engine keys its SSVC and deadline caches on it).
 */
final class FindingScratch {

    private Factor[] items = new Factor[16];
    private int size;
    KevEntry kev;
    int kevIndex;

    FindingScratch clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
        kev = null;
        kevIndex = -1;
        return this;
    }

    void add(Factor factor) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = factor;
    }

    int size() {
        return size;
    }

    Factor get(int i) {
        return items[i];
    }

    /** The immutable list; the fixed-arity List.of overloads take their argument array without copying it. */
    List<Factor> toList() {
        Factor[] f = items;
        return switch (size) {
            case 0 -> List.of();
            case 1 -> List.of(f[0]);
            case 2 -> List.of(f[0], f[1]);
            case 3 -> List.of(f[0], f[1], f[2]);
            case 4 -> List.of(f[0], f[1], f[2], f[3]);
            case 5 -> List.of(f[0], f[1], f[2], f[3], f[4]);
            case 6 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5]);
            case 7 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
            case 8 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
            case 9 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
            case 10 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
            default -> List.of(Arrays.copyOf(f, size));
        };
    }
}
