package org.ctemcycles.report.view;

/**
 * Where the prioritisation panel links to, as paths under Jira's context path (the Jira adapter knows its URLs).
 *
 * @param finding the finding in the cycle's record
 * @param queue   the cycle's queue
 * @param report  the cycle's evidence pack, or "" when the user may not read the cycle's evidence
 */
public record PanelLinks(String finding, String queue, String report) {

    public PanelLinks {
        finding = finding == null ? "" : finding;
        queue = queue == null ? "" : queue;
        report = report == null ? "" : report;
    }
}
