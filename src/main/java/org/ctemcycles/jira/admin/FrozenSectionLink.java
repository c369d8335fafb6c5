package org.ctemcycles.jira.admin;

/**
 * A section of the frozen evidence pack in the report view's section navigation (ADR 095): its heading as frozen
 * (plain text, escaped by Velocity like every value), the link to its first page, how many pages and table rows it
 * has, and whether it is the one shown.
 */
public final class FrozenSectionLink {

    private final String title;
    private final String href;
    private final int pages;
    private final int rows;
    private final boolean current;

    FrozenSectionLink(String title, String href, int pages, int rows, boolean current) {
        this.title = title;
        this.href = href;
        this.pages = pages;
        this.rows = rows;
        this.current = current;
    }

    public String getTitle() {
        return title;
    }

    public String getHref() {
        return href;
    }

    public int getPages() {
        return pages;
    }

    public int getRows() {
        return rows;
    }

    public boolean isCurrent() {
        return current;
    }
}
