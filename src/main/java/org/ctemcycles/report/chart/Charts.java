package org.ctemcycles.report.chart;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Draws the charts of the cycle page and the report: horizontal bars (findings by tier, by surface, by status, SLA
 * compliance, the queue's score distribution), stacked columns (the register at each checkpoint) and a grid (coverage
 * by surface and source kind). Each has labelled axes or a legend, fills that differ in lightness and pattern
 * ({@link Fill}), and its numbers again as a table. Sizes are fixed, in CSS pixels; the SVG scales down with its box.
 */
public final class Charts {

    private static final int WIDTH = 520;
    private static final int BAR = 18;
    private static final int GAP = 8;

    private Charts() {
    }

    /** One bar: its category, its value and how it is filled. */
    public record Bar(String label, long value, Fill fill) {
    }

    /** One column of stacked segments, one value per series. */
    public record Column(String label, long[] values) {
    }

    /** One row of a grid: its label and one state per column. */
    public record GridRow(String label, List<GridCell> cells) {
    }

    /** One cell of a grid: the state in words and its fill. */
    public record GridCell(String state, Fill fill) {
    }

    /**
     * Horizontal bars from a common zero, longest value setting the scale, each labelled with its category on the
     * left and its value at its end; the value axis below carries ticks and its title.
     */
    public static Chart bars(String id, String title, String description, String categoryHeader, String valueHeader,
                             List<Bar> bars) {
        int labelWidth = labelWidth(bars.stream().map(Bar::label).toList());
        double plotWidth = WIDTH - labelWidth - 56;
        long max = niceMax(bars.stream().mapToLong(Bar::value).max().orElse(0));
        int top = 22;
        int height = top + Math.max(1, bars.size()) * (BAR + GAP) + 40;
        double axisY = top + Math.max(1, bars.size()) * (BAR + GAP);
        StringBuilder svg = new StringBuilder(Svg.open(id, WIDTH, height, title, description));
        svg.append(defs(id, bars.stream().map(Bar::fill).toList()));
        svg.append(Svg.text(labelWidth - 8, 14, "end", "axis-title", categoryHeader));
        for (int tick = 0; tick <= 4; tick++) {
            double x = labelWidth + plotWidth * tick / 4;
            svg.append(Svg.line(x, top - 4, x, axisY, tick == 0 ? "axis" : "grid"));
            svg.append(Svg.text(x, axisY + 14, "middle", "value", format(max * tick / 4)));
        }
        svg.append(Svg.line(labelWidth, axisY, labelWidth + plotWidth, axisY, "axis"));
        svg.append(Svg.text(labelWidth + plotWidth / 2, axisY + 32, "middle", "axis-title", valueHeader));
        List<ChartRow> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * (BAR + GAP);
            double length = max == 0 ? 0 : plotWidth * bar.value() / max;
            svg.append(Svg.text(labelWidth - 8, y + BAR - 5, "end", "", bar.label()));
            if (length > 0) {
                svg.append(Svg.rect(labelWidth, y, Math.max(length, 1.5), BAR, bar.fill().paint(id)));
            }
            svg.append(Svg.text(labelWidth + length + 5, y + BAR - 5, "start", "value", format(bar.value())));
            rows.add(new ChartRow(bar.label(), List.of(format(bar.value())), bar.value() == 0));
        }
        svg.append("</svg>");
        return new Chart(id, title, description, List.of(categoryHeader, valueHeader), rows, svg.toString());
    }

    /**
     * Columns of stacked segments over a value axis: one column per category (a checkpoint, say), one segment per
     * series, with a legend naming each series by its fill. The table lists every value and each column's total.
     */
    public static Chart stacked(String id, String title, String description, String categoryHeader,
                                String valueHeader, String totalHeader, List<String> series, List<Fill> fills,
                                List<Column> columns) {
        int slot = 64;
        int left = 56;
        double width = Math.max(WIDTH, left + 24 + slot * Math.max(1, columns.size()));
        int top = 16 + 18 * ((series.size() + 2) / 3);
        int plotHeight = 170;
        double axisY = top + plotHeight;
        long max = niceMax(columns.stream().mapToLong(c -> sum(c.values())).max().orElse(0));
        StringBuilder svg = new StringBuilder(Svg.open(id, width, axisY + 44, title, description));
        svg.append(defs(id, fills));
        for (int s = 0; s < series.size(); s++) {
            double x = left + (s % 3) * 150;
            double y = 6 + 18 * (s / 3);
            svg.append(Svg.rect(x, y, 12, 12, fills.get(s).paint(id)));
            svg.append(Svg.text(x + 17, y + 10, "start", "", series.get(s)));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double y = axisY - plotHeight * tick / 4.0;
            svg.append(Svg.line(left, y, width - 12, y, tick == 0 ? "axis" : "grid"));
            svg.append(Svg.text(left - 6, y + 4, "end", "value", format(max * tick / 4)));
        }
        svg.append(Svg.line(left, top - 4, left, axisY, "axis"));
        svg.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(14 "
                + Svg.num(top + plotHeight / 2.0) + ") rotate(-90)\">" + Svg.escape(valueHeader) + "</text>");
        svg.append(Svg.text(left + (width - left) / 2, axisY + 38, "middle", "axis-title", categoryHeader));
        List<ChartRow> rows = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            double x = left + 12 + c * slot;
            double y = axisY;
            List<String> values = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                long value = s < column.values().length ? column.values()[s] : 0;
                double h = max == 0 ? 0 : plotHeight * (double) value / max;
                if (h > 0) {
                    y -= h;
                    svg.append(Svg.rect(x, y, 36, h, fills.get(s).paint(id)));
                }
                values.add(format(value));
            }
            long total = sum(column.values());
            svg.append(Svg.text(x + 18, y - 4, "middle", "value", format(total)));
            svg.append(Svg.text(x + 18, axisY + 14, "middle", "", column.label()));
            values.add(format(total));
            rows.add(new ChartRow(column.label(), values, total == 0));
        }
        svg.append("</svg>");
        List<String> headers = new ArrayList<>();
        headers.add(categoryHeader);
        headers.addAll(series);
        headers.add(totalHeader);
        return new Chart(id, title, description, headers, rows, svg.toString());
    }

    /**
     * A grid of cells, one row per label and one column per name, each cell filled by its state, with a legend of
     * the states; the table gives every state in words.
     */
    public static Chart grid(String id, String title, String description, String rowHeader, List<String> columnNames,
                             List<GridRow> gridRows, List<GridCell> legend) {
        int labelWidth = labelWidth(gridRows.stream().map(GridRow::label).toList());
        int cell = 70;
        double width = Math.max(WIDTH, labelWidth + cell * columnNames.size() + 12);
        int top = 42;
        double height = top + 26 * Math.max(1, gridRows.size()) + 30;
        StringBuilder svg = new StringBuilder(Svg.open(id, width, height, title, description));
        svg.append(defs(id, legend.stream().map(GridCell::fill).toList()));
        svg.append(Svg.text(labelWidth - 8, top - 8, "end", "axis-title", rowHeader));
        for (int c = 0; c < columnNames.size(); c++) {
            svg.append(Svg.text(labelWidth + c * cell + cell / 2.0, top - 8, "middle", "axis-title",
                    columnNames.get(c)));
        }
        List<ChartRow> rows = new ArrayList<>();
        for (int r = 0; r < gridRows.size(); r++) {
            GridRow row = gridRows.get(r);
            double y = top + r * 26;
            svg.append(Svg.text(labelWidth - 8, y + 15, "end", "", row.label()));
            List<String> states = new ArrayList<>();
            for (int c = 0; c < row.cells().size(); c++) {
                GridCell gridCell = row.cells().get(c);
                svg.append(Svg.rect(labelWidth + c * cell + 2, y, cell - 4, 22, gridCell.fill().paint(id)));
                states.add(gridCell.state());
            }
            rows.add(new ChartRow(row.label(), states, false));
        }
        double legendY = top + 26 * Math.max(1, gridRows.size()) + 12;
        for (int i = 0; i < legend.size(); i++) {
            double x = labelWidth + i * 110;
            svg.append(Svg.rect(x, legendY, 12, 12, legend.get(i).fill().paint(id)));
            svg.append(Svg.text(x + 17, legendY + 10, "start", "", legend.get(i).state()));
        }
        svg.append("</svg>");
        List<String> headers = new ArrayList<>();
        headers.add(rowHeader);
        headers.addAll(columnNames);
        return new Chart(id, title, description, headers, rows, svg.toString());
    }

    private static String defs(String id, List<Fill> fills) {
        Set<Fill> used = fills.isEmpty() ? Set.of() : EnumSet.copyOf(fills);
        StringBuilder defs = new StringBuilder("<defs>");
        used.forEach(fill -> defs.append(fill.definition(id)));
        return defs.append("</defs>").toString();
    }

    /** Room for the longest label (about 6.5 px a character at 11 px), between 60 and 190 px. */
    private static int labelWidth(List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(4);
        return Math.min(190, Math.max(60, (int) (longest * 6.5) + 14));
    }

    /**
     * The scale's end: four ticks of a round step (1, 2, 2.5 or 5 times a power of ten, whole numbers only), the
     * smallest that reaches the value; 4 when there is nothing to show.
     */
    static long niceMax(long value) {
        for (long power = 1; ; power *= 10) {
            for (long step : new long[]{power, 2 * power, 25 * power / 10, 5 * power}) {
                if (step > 0 && step * 4 >= value && (step != 25 * power / 10 || power >= 10)) {
                    return step * 4;
                }
            }
        }
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static String format(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
