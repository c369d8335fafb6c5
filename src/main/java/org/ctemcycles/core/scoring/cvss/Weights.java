package org.ctemcycles.core.scoring.cvss;

import java.math.BigDecimal;

/**
 * Builds per-value-code lookup arrays for the scorers from readable {@code "N=0.85 A=0.62"}
 * specifications, resolving value names through the {@link MetricTable}.
 *
 * <p>Resolving by name (once, at class initialisation) means the weights in the scorers read like
 * the specification tables and cannot silently drift out of step with the metric tables; a value
 * left without a weight fails class initialisation.
 */
final class Weights {

    private Weights() {
    }

    static double[] doubles(MetricTable table, String metric, String spec) {
        String[] parsed = parse(table, metric, spec);
        double[] out = new double[parsed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(parsed[i]);
        }
        return out;
    }

    static int[] ints(MetricTable table, String metric, String spec) {
        String[] parsed = parse(table, metric, spec);
        int[] out = new int[parsed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(parsed[i]);
        }
        return out;
    }

    static BigDecimal[] decimals(MetricTable table, String metric, String spec) {
        String[] parsed = parse(table, metric, spec);
        BigDecimal[] out = new BigDecimal[parsed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new BigDecimal(parsed[i]);
        }
        return out;
    }

    /**
     * Maps each code of a modified metric (e.g. MAV) to the code of the same value of its base
     * metric (AV), and X to -1, meaning "use the base metric's value".
     */
    static int[] modified(MetricTable table, String modifiedMetric, String baseMetric) {
        int mod = table.indexOf(modifiedMetric);
        int base = table.indexOf(baseMetric);
        String[] values = table.values(mod);
        int[] out = new int[values.length];
        for (int code = 0; code < values.length; code++) {
            out[code] = code == table.notDefined(mod) ? -1 : table.codeOf(base, values[code]);
        }
        return out;
    }

    /** Returns, per value code, the weight text given for that value in the spec. */
    private static String[] parse(MetricTable table, String metric, String spec) {
        int m = table.indexOf(metric);
        String[] out = new String[table.values(m).length];
        for (String pair : spec.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            out[table.codeOf(m, pair.substring(0, eq))] = pair.substring(eq + 1);
        }
        for (int code = 0; code < out.length; code++) {
            if (out[code] == null) {
                throw new IllegalStateException("no weight for " + metric + ":" + table.value(m, code));
            }
        }
        return out;
    }
}
