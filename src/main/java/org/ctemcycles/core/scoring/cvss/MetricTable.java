package org.ctemcycles.core.scoring.cvss;

import java.util.Arrays;

/**
 * The metrics of one CVSS version: their abbreviations, allowed values, groups and which value
 * means "Not Defined".
 *
 * <p>Metric and value positions in these tables are the codes stored in a {@link CvssVector};
 * the scorers translate codes into weights by name at class initialisation, so the order here
 * only has to follow the specification tables for readability. Names and values are matched
 * case-sensitively, as the specifications spell them (v2 {@code Au}, v4 {@code U:Clear}).
 */
final class MetricTable {

    /** Longest name or value a key can hold; the longest in any version ("Clear") has 5. */
    static final int MAX_KEY_LENGTH = 7;

    /** Metric groups. TEMPORAL holds v2/v3 temporal metrics and the v4 threat metric E. */
    enum Group { BASE, TEMPORAL, ENVIRONMENTAL, SUPPLEMENTAL }

    /** v2.0: FIRST "A Complete Guide to the CVSS Version 2.0", section 3. */
    static final MetricTable V2 = new MetricTable("ND",
            base("AV", "L", "A", "N"),
            base("AC", "H", "M", "L"),
            base("Au", "M", "S", "N"),
            base("C", "N", "P", "C"),
            base("I", "N", "P", "C"),
            base("A", "N", "P", "C"),
            temporal("E", "U", "POC", "F", "H", "ND"),
            temporal("RL", "OF", "TF", "W", "U", "ND"),
            temporal("RC", "UC", "UR", "C", "ND"),
            environmental("CDP", "N", "L", "LM", "MH", "H", "ND"),
            environmental("TD", "N", "L", "M", "H", "ND"),
            environmental("CR", "L", "M", "H", "ND"),
            environmental("IR", "L", "M", "H", "ND"),
            environmental("AR", "L", "M", "H", "ND"));

    /** v3.0 and v3.1 (identical metric sets): specification section 6, vector string. */
    static final MetricTable V3 = new MetricTable("X",
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "R"),
            base("S", "U", "C"),
            base("C", "H", "L", "N"),
            base("I", "H", "L", "N"),
            base("A", "H", "L", "N"),
            temporal("E", "X", "H", "F", "P", "U"),
            temporal("RL", "X", "U", "W", "T", "O"),
            temporal("RC", "X", "C", "R", "U"),
            environmental("CR", "X", "H", "M", "L"),
            environmental("IR", "X", "H", "M", "L"),
            environmental("AR", "X", "H", "M", "L"),
            environmental("MAV", "X", "N", "A", "L", "P"),
            environmental("MAC", "X", "L", "H"),
            environmental("MPR", "X", "N", "L", "H"),
            environmental("MUI", "X", "N", "R"),
            environmental("MS", "X", "U", "C"),
            environmental("MC", "X", "H", "L", "N"),
            environmental("MI", "X", "H", "L", "N"),
            environmental("MA", "X", "H", "L", "N"));

    /** v4.0: specification section 7 (vector string), in specification order. */
    static final MetricTable V4 = new MetricTable("X",
            base("AV", "N", "A", "L", "P"),
            base("AC", "L", "H"),
            base("AT", "N", "P"),
            base("PR", "N", "L", "H"),
            base("UI", "N", "P", "A"),
            base("VC", "H", "L", "N"),
            base("VI", "H", "L", "N"),
            base("VA", "H", "L", "N"),
            base("SC", "H", "L", "N"),
            base("SI", "H", "L", "N"),
            base("SA", "H", "L", "N"),
            temporal("E", "X", "A", "P", "U"),
            environmental("CR", "X", "H", "M", "L"),
            environmental("IR", "X", "H", "M", "L"),
            environmental("AR", "X", "H", "M", "L"),
            environmental("MAV", "X", "N", "A", "L", "P"),
            environmental("MAC", "X", "L", "H"),
            environmental("MAT", "X", "N", "P"),
            environmental("MPR", "X", "N", "L", "H"),
            environmental("MUI", "X", "N", "P", "A"),
            environmental("MVC", "X", "H", "L", "N"),
            environmental("MVI", "X", "H", "L", "N"),
            environmental("MVA", "X", "H", "L", "N"),
            environmental("MSC", "X", "H", "L", "N"),
            // S (Safety) exists only as a modified value: a subsequent system's integrity or
            // availability impact can be raised to safety-relevant by the consumer.
            environmental("MSI", "X", "S", "H", "L", "N"),
            environmental("MSA", "X", "S", "H", "L", "N"),
            supplemental("S", "X", "N", "P"),
            supplemental("AU", "X", "N", "Y"),
            supplemental("R", "X", "A", "U", "I"),
            supplemental("V", "X", "D", "C"),
            supplemental("RE", "X", "L", "M", "H"),
            supplemental("U", "X", "Clear", "Green", "Amber", "Red"));

    private record Def(String name, Group group, String... values) {
    }

    private final String[] names;
    private final Group[] groups;
    private final String[][] values;
    private final long[] nameKeys;
    private final long[][] valueKeys;
    /** Per metric, the code of each one-character value by character (-1: none); fast path. */
    private final byte[][] singleCharCodes;
    /** Code of the "Not Defined" value per metric, -1 for mandatory (base) metrics. */
    private final byte[] notDefined;

    private MetricTable(String notDefinedValue, Def... defs) {
        // Codes are bytes and "seen" sets are a long bit mask in the parser.
        if (defs.length > 64) {
            throw new IllegalStateException("too many metrics");
        }
        int n = defs.length;
        names = new String[n];
        groups = new Group[n];
        values = new String[n][];
        nameKeys = new long[n];
        valueKeys = new long[n][];
        notDefined = new byte[n];
        singleCharCodes = new byte[n][128];
        for (int i = 0; i < n; i++) {
            Def d = defs[i];
            names[i] = d.name();
            groups[i] = d.group();
            values[i] = d.values().clone();
            nameKeys[i] = pack(d.name(), 0, d.name().length());
            valueKeys[i] = new long[d.values().length];
            notDefined[i] = -1;
            Arrays.fill(singleCharCodes[i], (byte) -1);
            for (int v = 0; v < d.values().length; v++) {
                valueKeys[i][v] = pack(d.values()[v], 0, d.values()[v].length());
                if (d.values()[v].length() == 1) {
                    singleCharCodes[i][d.values()[v].charAt(0)] = (byte) v;
                }
                if (d.group() != Group.BASE && d.values()[v].equals(notDefinedValue)) {
                    notDefined[i] = (byte) v;
                }
            }
        }
    }

    private static Def base(String name, String... values) {
        return new Def(name, Group.BASE, values);
    }

    private static Def temporal(String name, String... values) {
        return new Def(name, Group.TEMPORAL, values);
    }

    private static Def environmental(String name, String... values) {
        return new Def(name, Group.ENVIRONMENTAL, values);
    }

    private static Def supplemental(String name, String... values) {
        return new Def(name, Group.SUPPLEMENTAL, values);
    }

    int size() {
        return names.length;
    }

    String name(int metric) {
        return names[metric];
    }

    String value(int metric, int code) {
        return values[metric][code];
    }

    boolean isMandatory(int metric) {
        return groups[metric] == Group.BASE;
    }

    /** Code of the metric's "Not Defined" value (X or ND), or -1 for a mandatory metric. */
    int notDefined(int metric) {
        return notDefined[metric];
    }

    /** The codes a vector starts from before parsing: Not Defined everywhere it exists. */
    byte[] initialCodes() {
        return notDefined.clone();
    }

    /** Position of a metric by name; for initialising scorer tables, so unknown is a bug. */
    int indexOf(String name) {
        int i = find(name, 0, name.length(), 0);
        if (i < 0) {
            throw new IllegalArgumentException("no metric " + name);
        }
        return i;
    }

    /** Code of a value by name; for initialising scorer tables, so unknown is a bug. */
    int codeOf(int metric, String value) {
        int c = findValue(metric, value, 0, value.length());
        if (c < 0) {
            throw new IllegalArgumentException("no value " + value + " for " + names[metric]);
        }
        return c;
    }

    /** Allowed values of a metric, in table order. */
    String[] values(int metric) {
        return values[metric].clone();
    }

    /**
     * Finds the metric named by {@code s[from, to)}, or -1. Vectors almost always list metrics
     * in specification order, so the search starts at {@code hint}, the position after the
     * previous metric, and usually succeeds on the first comparison.
     */
    int find(CharSequence s, int from, int to, int hint) {
        long key = pack(s, from, to);
        if (key < 0) {
            return -1;
        }
        int n = nameKeys.length;
        for (int k = 0; k < n; k++) {
            int i = hint + k < n ? hint + k : hint + k - n;
            if (nameKeys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code text} continues at {@code pos} with the metric's name and a colon; the
     * parser's fast path, since vectors almost always list metrics in specification order.
     */
    boolean isNameAt(int metric, String text, int pos) {
        String name = names[metric];
        int colon = pos + name.length();
        if (colon >= text.length() || text.charAt(colon) != ':') {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (text.charAt(pos + k) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Code of the one-character value {@code c} of a metric, or -1. */
    int singleCharValue(int metric, char c) {
        return c < 128 ? singleCharCodes[metric][c] : -1;
    }

    /** Finds the code of the value {@code s[from, to)} of a metric, or -1. */
    int findValue(int metric, CharSequence s, int from, int to) {
        long key = pack(s, from, to);
        if (key < 0) {
            return -1;
        }
        long[] keys = valueKeys[metric];
        for (int v = 0; v < keys.length; v++) {
            if (keys[v] == key) {
                return v;
            }
        }
        return -1;
    }

    /**
     * Packs up to {@link #MAX_KEY_LENGTH} ASCII characters into a long (one byte each, length in
     * the top byte), so that names and values can be compared without allocating substrings.
     * Returns -1 for text that cannot be a valid name or value (empty, too long, non-ASCII),
     * which then matches nothing.
     */
    private static long pack(CharSequence s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_KEY_LENGTH) {
            return -1;
        }
        long key = (long) length << 56;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(from + i);
            if (c > 0x7F) {
                return -1;
            }
            key |= (long) c << (8 * i);
        }
        return key;
    }

    @Override
    public String toString() {
        return "MetricTable" + Arrays.toString(names);
    }
}
