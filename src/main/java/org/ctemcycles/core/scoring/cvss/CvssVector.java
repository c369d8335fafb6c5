package org.ctemcycles.core.scoring.cvss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and validated CVSS vector of any supported version; immutable and thread-safe.
 *
 * <p>Holds the version, the vector text and, per metric, the code of its value. Metrics the text
 * leaves out are treated as Not Defined ({@code X}, or {@code ND} in v2), which is what the
 * specifications prescribe, but {@link #metrics()} and {@link #value(String)} report only what
 * the text says.
 */
public final class CvssVector {

    private final CvssVersion version;
    private final String text;
    /** Value code per metric position of the version's {@link MetricTable}. */
    private final byte[] codes;
    /** Metric positions in the order the text lists them: the first {@code count} entries. */
    private final byte[] order;
    private final int count;

    CvssVector(CvssVersion version, String text, byte[] codes, byte[] order, int count) {
        this.version = version;
        this.text = text;
        this.codes = codes;
        this.order = order;
        this.count = count;
    }

    /**
     * Parses and validates a vector: v2.0 ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, optionally in
     * parentheses), or v3.0/v3.1/v4.0 with their {@code CVSS:x.y/} prefix. Surrounding
     * whitespace is ignored; anything else that is not in the specification is rejected.
     *
     * @throws InvalidVectorException if the text is not a valid vector; the message names the
     *     metric and the offending text
     */
    public static CvssVector parse(String text) {
        return VectorParser.parse(text);
    }

    public CvssVersion version() {
        return version;
    }

    /** The vector text as parsed (without surrounding whitespace). */
    public String text() {
        return text;
    }

    /**
     * The metrics the text lists, in its order, abbreviation to value ({@code "AV" -> "N"}).
     * A new unmodifiable map on every call: the parse path does not build it, to stay fast.
     */
    public Map<String, String> metrics() {
        MetricTable table = table();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(table.name(order[i]), table.value(order[i], codes[order[i]]));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The value the text gives a metric (e.g. {@code "N"} for {@code "AV"}), or null. */
    public String value(String metric) {
        MetricTable table = table();
        int m = table.find(metric, 0, metric.length(), 0);
        if (m < 0) {
            return null;
        }
        for (int i = 0; i < count; i++) {
            if (order[i] == m) {
                return table.value(m, codes[m]);
            }
        }
        return null;
    }

    /** Value code of the metric at a table position; Not Defined if the text omits it. */
    int code(int metric) {
        return codes[metric];
    }

    MetricTable table() {
        return tableOf(version);
    }

    static MetricTable tableOf(CvssVersion version) {
        return switch (version) {
            case V2 -> MetricTable.V2;
            case V3_0, V3_1 -> MetricTable.V3;
            case V4_0 -> MetricTable.V4;
        };
    }

    /** Vectors are equal when their texts are; the text determines everything else. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CvssVector other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
