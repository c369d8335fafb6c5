package org.ctemcycles.report.chart;

import java.util.List;

/** One row of a chart's table: a category and its values, as text. */
public final class ChartRow {

    private final String label;
    private final List<String> values;
    private final boolean zero;

    ChartRow(String label, List<String> values, boolean zero) {
        this.label = label;
        this.values = List.copyOf(values);
        this.zero = zero;
    }

    public String getLabel() {
        return label;
    }

    public List<String> getValues() {
        return values;
    }

    boolean zero() {
        return zero;
    }
}
