package org.ctemcycles.report.view;

/** A count with its noun in the right number: "1 finding", "2 findings", "0 findings". */
public final class Counted {

    private Counted() {
    }

    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
