package org.ctemcycles.core.cadence;

/** The sets of rows a record digest commits to. */
public enum DigestedSet {
    REGISTER("register", "register entry"),
    FINDINGS("findings", "finding"),
    DECISIONS("decisions", "decision");

    private final String label;
    private final String row;

    DigestedSet(String label, String row) {
        this.label = label;
        this.row = row;
    }

    public String label() {
        return label;
    }

    /** What one row is called, e.g. "register entry". */
    public String row() {
        return row;
    }

    /** The field of a checkpoint's or closure's log entry that commits to this set, e.g. "registerDigest". */
    public String logField() {
        return label + "Digest";
    }
}
