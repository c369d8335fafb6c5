package org.ctemcycles.report.view;

/**
 * Where one large section of the report view stands: whether rows come before or after the page shown, and the
 * addresses of its first and next page. In a standalone rendering every section is whole, so nothing is paged.
 */
public final class SectionPaging {

    private final boolean first;
    private final boolean more;
    private final String firstHref;
    private final String nextHref;

    SectionPaging(boolean first, boolean more, String firstHref, String nextHref) {
        this.first = first;
        this.more = more;
        this.firstHref = firstHref;
        this.nextHref = nextHref;
    }

    static SectionPaging whole() {
        return new SectionPaging(true, false, "", "");
    }

    /** Whether the page shows the section from its first row. */
    public boolean isFirst() {
        return first;
    }

    /** Whether rows follow the page shown. */
    public boolean isMore() {
        return more;
    }

    /** Whether there is anywhere to go: an earlier or a later page. */
    public boolean isPaged() {
        return !first || more;
    }

    public String getFirstHref() {
        return firstHref;
    }

    public String getNextHref() {
        return nextHref;
    }
}
