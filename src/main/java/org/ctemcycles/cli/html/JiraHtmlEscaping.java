package org.ctemcycles.cli.html;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;

/**
 * Jira's escaping rule for Velocity: every value a reference inserts is HTML-escaped, unless the reference's last
 * name ends in {@code Html} ({@code $view.rowsHtml}, {@code $bodyHtml}). Templates are therefore safe by default
 * and a raw insertion is visible in the template itself.
 */
public final class JiraHtmlEscaping implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(String reference, Object value) {
        if (value == null || lastName(reference).endsWith("Html")) {
            return value;
        }
        return escape(value.toString());
    }

    /** "$!{pack.cycle.nameHtml}" and "$x.bodyHtml()" end in "nameHtml" and "bodyHtml". */
    static String lastName(String reference) {
        String r = reference.replace("$", "").replace("!", "").replace("{", "").replace("}", "");
        int paren = r.indexOf('(');
        if (paren >= 0) {
            r = r.substring(0, paren);
        }
        int dot = r.lastIndexOf('.');
        return dot >= 0 ? r.substring(dot + 1) : r;
    }

    /** Escapes the five characters that matter in HTML text and in double- or single-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
