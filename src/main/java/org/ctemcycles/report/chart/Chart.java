package org.ctemcycles.report.chart;

import java.util.List;

/**
 * A chart as a page or a report shows it: an SVG drawn on the server (no script; it prints as it shows) and the same
 * numbers as a table beside it, for screen readers and for anyone who would rather read them. Every text in it comes
 * from the caller (translated there); values from the record are escaped.
 */
public final class Chart {

    private final String id;
    private final String title;
    private final String description;
    private final List<String> columns;
    private final List<ChartRow> rows;
    private final String svg;

    Chart(String id, String title, String description, List<String> columns, List<ChartRow> rows, String svg) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.svg = svg;
    }

    /** The id of the chart's figure on its page (unique per page). */
    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    /** One sentence that says what the chart shows and how to read it. */
    public String getDescription() {
        return description;
    }

    /** The table's column headers: the category, then one per value. */
    public List<String> getColumns() {
        return columns;
    }

    public List<ChartRow> getRows() {
        return rows;
    }

    /** Whether there is nothing to draw (every value zero, or no category). */
    public boolean isEmpty() {
        return rows.stream().allMatch(ChartRow::zero);
    }

    /**
     * The chart as SVG markup, safe to write unescaped: every text in it was escaped when it was drawn (the name
     * ends in "Html", so Jira's Velocity writes it as it is).
     */
    public String getSvgHtml() {
        return svg;
    }
}
