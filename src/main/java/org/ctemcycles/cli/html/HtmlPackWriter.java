package org.ctemcycles.cli.html;

import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.report.view.EvidencePackView;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a cycle's evidence pack as one self-contained HTML document, for an auditor to read and print: the template
 * Jira's cycle report view uses, rendered by an engine configured like Jira's. The large sections stream from the
 * record into the writer as the template iterates them.
 */
public class HtmlPackWriter {

    /** The template, shared with the Jira view. */
    public static final String TEMPLATE = EvidencePackView.TEMPLATE;

    private final JiraVelocityEngine velocity;

    public HtmlPackWriter() {
        velocity = new JiraVelocityEngine(VelocityAllowlist.fromClasspath(HtmlPackWriter.class.getClassLoader()));
    }

    public void write(EvidencePack pack, Writer out) throws IOException {
        velocity.render(TEMPLATE, Map.of("pack", new EvidencePackView(pack)), out);
    }
}
