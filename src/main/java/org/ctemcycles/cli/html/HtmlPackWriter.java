package org.ctemcycles.cli.html;

import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.report.view.ReportContext;
import org.ctemcycles.report.view.ReportFrame;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a cycle's evidence pack as one self-contained HTML document, for an auditor to read and print: the template
 * Jira's cycle report view uses, rendered by an engine configured like Jira's, with the app's English words. The
 * large sections stream from the record into the writer as the template iterates them.
 */
public class HtmlPackWriter {

    /** The template, shared with the Jira view. */
    public static final String TEMPLATE = EvidencePackView.TEMPLATE;

    private final JiraVelocityEngine velocity;
    private final Messages messages = Messages.english();

    public HtmlPackWriter() {
        velocity = new JiraVelocityEngine(VelocityAllowlist.fromClasspath(HtmlPackWriter.class.getClassLoader()));
    }

    public void write(EvidencePack pack, Writer out) throws IOException {
        write(pack, ReportContext.ChartFacts.none(), out);
    }

    /** @param facts the counts for the charts by surface and by score, which the pack does not hold */
    public void write(EvidencePack pack, ReportContext.ChartFacts facts, Writer out) throws IOException {
        velocity.render(TEMPLATE, ReportContext.of(pack, ReportFrame.standalone(), messages, facts), out);
    }
}
