package org.ctemcycles.report.chart;

/** Writes SVG markup; every text and attribute value that comes from data goes through {@link #escape}. */
final class Svg {

    private Svg() {
    }

    /** The text with the five XML special characters as entities: safe inside text and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String text(double x, double y, String anchor, String cssClass, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cssClass
                + "\">" + escape(content) + "</text>";
    }

    static String rect(double x, double y, double width, double height, String fill) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(width) + "\" height=\""
                + num(height) + "\" fill=\"" + fill + "\" stroke=\"#1c2329\" stroke-width=\"0.5\"/>";
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" class=\"" + cssClass + "\"/>";
    }

    static String num(double value) {
        long rounded = Math.round(value * 10);
        return rounded % 10 == 0 ? Long.toString(rounded / 10) : Double.toString(rounded / 10.0);
    }

    /**
     * The opening of a chart's SVG: named by its title and description for assistive technology (the table beside
     * it carries the same numbers), its fonts and lines styled inline so that it prints as it shows.
     */
    static String open(String id, double width, double height, String title, String description) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ctem-chart-svg\" id=\"" + id + "-svg\" viewBox=\"0 0 "
                + num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height)
                + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">"
                + "<title id=\"" + id + "-title\">" + escape(title) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escape(description) + "</desc>"
                + "<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:11px;"
                + "fill:#1c2329}.axis{stroke:#1c2329;stroke-width:1}.grid{stroke:#c1c7d0;stroke-width:0.5;"
                + "stroke-dasharray:2 2}.axis-title{font-weight:600}.value{font-variant-numeric:tabular-nums}</style>";
    }
}
