package org.ctemcycles.core.scoring.cvss;

/**
 * Thrown when a CVSS vector string is malformed or violates its version's specification.
 *
 * <p>Unchecked because vectors usually arrive from scanner output where the caller cannot do
 * anything better than report the message; the message always names the version and, when one is
 * to blame, the metric and the offending text.
 */
public class InvalidVectorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The metric at fault, or null when the fault is not about a single metric. */
    private final String metric;

    public InvalidVectorException(String message, String metric) {
        super(message);
        this.metric = metric;
    }

    /** The metric at fault (e.g. {@code "AV"}), or null for faults such as an unknown version. */
    public String metric() {
        return metric;
    }
}
