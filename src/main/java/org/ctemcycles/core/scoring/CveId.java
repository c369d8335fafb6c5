package org.ctemcycles.core.scoring;

/**
 * CVE identifiers ({@code CVE-YYYY-NNNN}, four or more digits, leading zeros only to pad to four) and their compact
 * numeric key, which lets a 330,000-row EPSS feed live in primitive arrays instead of a map of strings.
 *
 * <p>The key is {@code year * 10^12 + number}: it orders CVEs numerically (CVE-2021-999 before CVE-2021-1000) and
 * maps back to exactly one canonical text. Numbers of more than 12 digits (none has ever been assigned) are not
 * supported and are reported as such.
 */
public final class CveId {

    private static final long YEAR_FACTOR = 1_000_000_000_000L;

    private CveId() {
    }

    /**
     * The key of a CVE identifier, or -1 if the text is not a canonical CVE id. Surrounding whitespace is not
     * accepted; the prefix must be upper-case as CVE publishes it.
     */
    public static long key(CharSequence text) {
        return key(text, 0, text.length());
    }

    /** As {@link #key(CharSequence)}, for {@code text[from, to)}; allocation-free (the feed readers' fast path). */
    public static long key(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < 13 || length > 21 || text.charAt(from) != 'C' || text.charAt(from + 1) != 'V'
                || text.charAt(from + 2) != 'E' || text.charAt(from + 3) != '-' || text.charAt(from + 8) != '-') {
            return -1;
        }
        long year = 0;
        for (int i = from + 4; i < from + 8; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            year = year * 10 + (c - '0');
        }
        int digits = to - (from + 9);
        if (digits > 4 && text.charAt(from + 9) == '0') {
            return -1; // zero padding only up to four digits: CVE-2014-0160, never CVE-2021-01234
        }
        long number = 0;
        for (int i = from + 9; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        if (year < 1999) {
            return -1;
        }
        return year * YEAR_FACTOR + number;
    }

    /** Whether the text is a canonical CVE identifier this class supports. */
    public static boolean isValid(String text) {
        return text != null && key(text) >= 0;
    }

    /** The canonical text of a key made by {@link #key(CharSequence)}. */
    public static String text(long key) {
        long year = key / YEAR_FACTOR;
        long number = key % YEAR_FACTOR;
        String digits = Long.toString(number);
        StringBuilder out = new StringBuilder(9 + Math.max(4, digits.length())).append("CVE-").append(year).append('-');
        for (int i = digits.length(); i < 4; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }
}
