package org.ctemcycles.core.scoring.cvss;

/**
 * Turns vector text into a {@link CvssVector}, enforcing the syntax and the metric/value sets of
 * each version.
 *
 * <p>Hand-written rather than regex-based because parsing dominates the cost of scoring. It
 * first tries the metric that follows the previous one in specification order and a
 * one-character value, falls back to matching packed keys, and allocates only the result;
 * substrings are built only for error messages. Metric order is not enforced: v3.x allows any
 * order, and for v4.0 the reference implementations accept out-of-order vectors too.
 */
final class VectorParser {

    private static final String PREFIX = "CVSS:";
    /** Length of "CVSS:x.y". */
    private static final int PREFIX_LENGTH = PREFIX.length() + 3;
    /** Versions written with a prefix, most frequent first. */
    private static final CvssVersion[] PREFIXED =
            {CvssVersion.V3_1, CvssVersion.V4_0, CvssVersion.V3_0};

    private VectorParser() {
    }

    static CvssVector parse(String input) {
        if (input == null) {
            throw new InvalidVectorException("CVSS vector: null", null);
        }
        String text = input.strip();
        if (text.isEmpty()) {
            throw new InvalidVectorException("CVSS vector: empty", null);
        }
        int end = text.length();
        if (text.startsWith(PREFIX)) {
            CvssVersion version = prefixVersion(text);
            // Metrics start after the '/' that follows "CVSS:x.y".
            return parseMetrics(version, text, Math.min(end, PREFIX_LENGTH + 1), end);
        }
        // NVD used to publish v2 vectors wrapped in parentheses.
        if (text.charAt(0) == '(') {
            if (end < 2 || text.charAt(end - 1) != ')') {
                throw new InvalidVectorException(
                        "CVSS v2.0 vector: unbalanced parenthesis in '" + text + "'", null);
            }
            return parseMetrics(CvssVersion.V2, text, 1, end - 1);
        }
        return parseMetrics(CvssVersion.V2, text, 0, end);
    }

    private static CvssVersion prefixVersion(String text) {
        int slash = text.indexOf('/');
        int numberEnd = slash < 0 ? text.length() : slash;
        if (numberEnd == PREFIX_LENGTH) {
            for (CvssVersion v : PREFIXED) {
                if (text.startsWith(v.number(), PREFIX.length())) {
                    return v;
                }
            }
        }
        throw new InvalidVectorException("CVSS vector: unsupported version '"
                + text.substring(PREFIX.length(), numberEnd) + "' in '" + text + "'", null);
    }

    private static CvssVector parseMetrics(CvssVersion version, String text, int start, int end) {
        MetricTable table = CvssVector.tableOf(version);
        byte[] codes = table.initialCodes();
        byte[] order = new byte[table.size()];
        int count = 0;
        long seen = 0;
        int hint = 0;
        int pos = start;
        while (pos < end) {
            int metric;
            int valueStart;
            if (hint < table.size() && table.isNameAt(hint, text, pos)) {
                // Fast path: the metric that follows the previous one in specification order.
                metric = hint;
                valueStart = pos + table.name(metric).length() + 1;
            } else {
                int slash = text.indexOf('/', pos, end);
                int componentEnd = slash < 0 ? end : slash;
                int colon = text.indexOf(':', pos, componentEnd);
                if (colon < 0) {
                    throw fail(version, "malformed component '" + text.substring(pos, componentEnd)
                            + "' (expected METRIC:VALUE) at position " + pos, null);
                }
                metric = table.find(text, pos, colon, hint);
                if (metric < 0) {
                    String name = text.substring(pos, colon);
                    throw fail(version, "unknown metric '" + name + "'", name);
                }
                valueStart = colon + 1;
            }
            if ((seen & (1L << metric)) != 0) {
                throw fail(version, "duplicated metric " + table.name(metric), table.name(metric));
            }
            int valueEnd;
            int code;
            if (valueStart < end && (valueStart + 1 == end || text.charAt(valueStart + 1) == '/')) {
                // Fast path: almost every value is a single character.
                valueEnd = valueStart + 1;
                code = table.singleCharValue(metric, text.charAt(valueStart));
            } else {
                int slash = text.indexOf('/', valueStart, end);
                valueEnd = slash < 0 ? end : slash;
                code = table.findValue(metric, text, valueStart, valueEnd);
            }
            if (code < 0) {
                throw fail(version, "unknown value '" + text.substring(valueStart, valueEnd)
                        + "' for metric " + table.name(metric), table.name(metric));
            }
            seen |= 1L << metric;
            codes[metric] = (byte) code;
            order[count++] = (byte) metric;
            hint = metric + 1;
            if (valueEnd == end) {
                break;
            }
            pos = valueEnd + 1;
            if (pos == end) {
                throw fail(version, "empty component at the end of '" + text + "'", null);
            }
        }
        for (int m = 0; m < table.size(); m++) {
            if (table.isMandatory(m) && (seen & (1L << m)) == 0) {
                throw fail(version, "missing mandatory metric " + table.name(m), table.name(m));
            }
        }
        return new CvssVector(version, text, codes, order, count);
    }

    private static InvalidVectorException fail(CvssVersion version, String problem, String metric) {
        return new InvalidVectorException(version.displayName() + " vector: " + problem, metric);
    }
}
