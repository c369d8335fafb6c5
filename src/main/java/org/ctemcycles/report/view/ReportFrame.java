package org.ctemcycles.report.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a rendering frames the evidence pack's one template (templates/evidence/cycle-report.vm):
 * <ul>
 *   <li><b>standalone</b>: a whole HTML document with every row, for files, downloads and the print version (the
 *       large sections stream from the record while it is written, in bounded memory);</li>
 *   <li><b>embedded</b>: the report's content inside Jira's page decorator (the report view). Jira's decorator holds
 *       the whole page in memory before it sends it, so this shows one page of each large section (findings, queue,
 *       validations, register, closure trail, log) with links to the next: a decorated page holds at most
 *       {@link #pageSize()} rows of each, whatever the cycle's size.</li>
 * </ul>
 */
public final class ReportFrame {

    /** Rows of each large section on one page of the report view. */
    public static final int PAGE_SIZE = 100;

    private final boolean embedded;
    private final String pageHref;
    private final String section;
    private final long after;
    private final int pageSize;

    private ReportFrame(boolean embedded, String pageHref, String section, long after, int pageSize) {
        this.embedded = embedded;
        this.pageHref = pageHref;
        this.section = section;
        this.after = after;
        this.pageSize = pageSize;
    }

    public static ReportFrame standalone() {
        return new ReportFrame(false, "", "", 0, Integer.MAX_VALUE);
    }

    /**
     * @param pageHref the report view's own address (with its query, e.g. {@code CtemCycleReport.jspa?key=K}), to
     *                 which paging links add the section and its cursor
     * @param section  the anchor of the large section whose page is asked for ("" for none: every section starts
     *                 at its first row)
     * @param after    that section's cursor
     */
    public static ReportFrame embedded(String pageHref, String section, long after, int pageSize) {
        return new ReportFrame(true, pageHref, section == null ? "" : section, Math.max(0, after), pageSize);
    }

    public boolean isEmbedded() {
        return embedded;
    }

    int pageSize() {
        return pageSize;
    }

    /** Where the given section starts on this page. */
    long after(String anchor) {
        return anchor.equals(section) ? after : 0;
    }

    /** The address of the page that shows the section from the cursor on. */
    String href(String anchor, long from) {
        String query = from == 0 ? "" : "&section=" + URLEncoder.encode(anchor, StandardCharsets.UTF_8) + "&after=" + from;
        return pageHref + query + "#" + anchor;
    }
}
