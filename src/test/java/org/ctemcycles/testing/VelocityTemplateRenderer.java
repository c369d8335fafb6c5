package org.ctemcycles.testing;

import com.atlassian.templaterenderer.TemplateRenderer;
import org.ctemcycles.cli.html.JiraVelocityEngine;
import org.ctemcycles.cli.html.VelocityAllowlist;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Jira's template renderer for the HTTP harness: the app's templates rendered by Velocity configured as Jira's
 * ({@link JiraVelocityEngine}: every reference HTML-escaped unless its name ends in {@code Html}, the descriptor's
 * velocity allowlist enforced), into the writer as the template runs.
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {

    private final JiraVelocityEngine engine =
            new JiraVelocityEngine(VelocityAllowlist.fromClasspath(VelocityTemplateRenderer.class.getClassLoader()));

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        engine.render(templateName, context, writer);
    }
}
