package org.ctemcycles.report.chart;

/**
 * How a chart fills a bar, a segment or a cell: a colour of its own lightness and a pattern of its own, so that the
 * categories stay apart on a greyscale print and for readers who do not tell the colours apart. Every category is
 * also labelled in words, in the chart and in the table beside it.
 */
public enum Fill {
    /** The leading category: solid, dark. */
    DARK("#1f4e79", "none"),
    /** Diagonal hatching over a middle blue. */
    HATCHED("#4f81bd", "hatch"),
    /** Dots over a light blue. */
    DOTTED("#9dc3e6", "dots"),
    /** Solid, light grey: nothing, never, none. */
    LIGHT("#d9d9d9", "none"),
    /** Cross-hatching over a warm mid tone: what needs attention (overdue, missed, stale). */
    WARNING("#c55a11", "cross"),
    /** Solid, very dark: what is done (verified, covered). */
    DONE("#0b3d20", "none");

    private final String colour;
    private final String pattern;

    Fill(String colour, String pattern) {
        this.colour = colour;
        this.pattern = pattern;
    }

    String colour() {
        return colour;
    }

    /** The fill attribute's value inside a chart whose patterns carry the prefix {@code id}. */
    String paint(String id) {
        return pattern.equals("none") ? colour : "url(#" + id + "-" + name().toLowerCase() + ")";
    }

    /** The pattern's definition, or "" for a solid fill. */
    String definition(String id) {
        String ink = this == DOTTED || this == LIGHT ? "#1c2329" : "#ffffff";
        String marks = switch (pattern) {
            case "hatch" -> "<path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"" + ink + "\" stroke-width=\"1.2\"/>";
            case "dots" -> "<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"" + ink + "\"/>";
            case "cross" -> "<path d=\"M0,0 l6,6 M6,0 l-6,6\" stroke=\"" + ink + "\" stroke-width=\"1\"/>";
            default -> "";
        };
        if (marks.isEmpty()) {
            return "";
        }
        return "<pattern id=\"" + id + "-" + name().toLowerCase() + "\" width=\"6\" height=\"6\""
                + " patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"" + colour + "\"/>" + marks
                + "</pattern>";
    }
}
