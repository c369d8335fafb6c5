package org.ctemcycles.testing;

import org.ctemcycles.cli.html.JiraVelocityEngine;
import org.ctemcycles.cli.html.VelocityAllowlist;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The app's Velocity engine configured like Jira's ({@link JiraVelocityEngine}: every reference HTML-escaped unless
 * its name ends in {@code Html}, the velocity allowlist enforced), rendering a template to a string. The stand-ins
 * for Jira's own objects in this package (i18n, web resources) are Jira's business, as the real ones would be.
 */
public final class JiraVelocity {

    private final JiraVelocityEngine engine;

    public JiraVelocity(Set<String> allowlist) {
        engine = new JiraVelocityEngine(new VelocityAllowlist(allowlist, type -> type.getName().startsWith("org.ctemcycles.")
                && !type.getPackageName().equals(JiraVelocity.class.getPackageName())));
    }

    /** @throws IllegalStateException when the template calls a method that is not on the allowlist */
    public String render(String template, Map<String, Object> values) {
        StringWriter out = new StringWriter();
        try {
            engine.render(template, values, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
