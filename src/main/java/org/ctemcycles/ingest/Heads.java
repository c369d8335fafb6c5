package org.ctemcycles.ingest;

import java.nio.charset.StandardCharsets;

/** What format detection needs from a report's first bytes: its text, decoded as its byte order mark says. */
public final class Heads {

    private Heads() {
    }

    /** The head as text: UTF-16 when a byte order mark says so, else UTF-8 (undecodable bytes replaced). */
    public static String text(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new String(head, 3, head.length - 3, StandardCharsets.UTF_8);
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    /** The first character that is not whitespace, or -1 when there is none. */
    public static int firstSignificant(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return -1;
    }

    /** Whether the text holds the JSON member name {@code "name"} followed by a colon. */
    public static boolean hasKey(String text, String name) {
        String quoted = "\"" + name + "\"";
        int at = text.indexOf(quoted);
        while (at >= 0) {
            int i = at + quoted.length();
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == ':') {
                return true;
            }
            at = text.indexOf(quoted, at + 1);
        }
        return false;
    }

    /** The root element's local name of an XML head (after the prolog and comments), or null. */
    public static String xmlRoot(String text) {
        int i = 0;
        while (true) {
            int open = text.indexOf('<', i);
            if (open < 0 || open + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(open + 1);
            if (next == '?' || next == '!') {
                int close = next == '!' && text.startsWith("<!--", open) ? text.indexOf("-->", open) : text.indexOf('>', open);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
                continue;
            }
            int end = open + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                    && text.charAt(end) != '/') {
                end++;
            }
            String name = text.substring(open + 1, end);
            int colon = name.indexOf(':');
            return colon >= 0 ? name.substring(colon + 1) : name;
        }
    }
}
