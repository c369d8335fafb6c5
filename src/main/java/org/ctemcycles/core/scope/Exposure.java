package org.ctemcycles.core.scope;

/** Whether a surface can be reached from the internet; an input of prioritisation and of the BOD 26-04 deadlines. */
public enum Exposure {
    INTERNET_FACING("Internet-facing"),
    INTERNAL("Internal");

    private final String label;

    Exposure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
