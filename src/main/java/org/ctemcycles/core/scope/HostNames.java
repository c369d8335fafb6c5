package org.ctemcycles.core.scope;

import java.util.Locale;

/** Host names as DNS compares them: case-insensitive, a trailing root dot meaning nothing. */
final class HostNames {

    private HostNames() {
    }

    static String canonical(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The host part of "host", "host:port" or "[v6]:port" as a scanner may write it; an unbracketed text with more
     * than one colon is an IPv6 literal and kept whole.
     */
    static String withoutPort(String text) {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close > 0 ? s.substring(1, close) : s;
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            String port = s.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return s.substring(0, colon);
            }
        }
        return s;
    }
}
