package org.ctemcycles.jira.tracker;

/**
 * Scanner text made inert for Jira's wiki renderer (the description and comments of the issues the app opens): a
 * finding's title, asset or rule comes from a report anyone could have written, and must show as text, never as a
 * link, an image, a macro ({@code {html}}, {@code {panel}}, ...), a table or a heading.
 *
 * <ul>
 *   <li>Every character the renderer treats as markup is preceded by a backslash, the renderer's escape:
 *       brackets and braces (links, macros), the pipe (tables), the exclamation mark (images), the characters of
 *       text effects and lists, and the backslash itself.</li>
 *   <li>A scheme's "://" is escaped as well, so a bare URL in a title is not turned into a link.</li>
 *   <li>Line breaks become spaces (a value is one line of the issue, so it cannot start a heading, a list or a
 *       quote of its own); other control characters are dropped.</li>
 * </ul>
 * The summary is not wiki markup in Jira (it is shown as plain text), so it is only made one line and short enough.
 */
public final class WikiText {

    static final int MAX_SUMMARY = 255;
    private static final String MARKUP = "\\[]{}|!*_^~+-#?():";

    private WikiText() {
    }

    /** The text as inert wiki markup, on one line. */
    public static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                continue;
            } else if (MARKUP.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '/' && i > 0 && text.charAt(i - 1) == '/' && i > 1 && text.charAt(i - 2) == ':') {
                out.append("\\/"); // "x:/\/": the second slash of "://" escaped too
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A summary: one line, no control characters, at most 255 characters (an ellipsis when cut). */
    public static String summary(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        String line = out.toString().strip();
        return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "\u2026";
    }
}
