package org.ctemcycles.cli.html;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.log.NullLogChute;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * A Velocity engine configured like Jira's, so that a template rendered here renders the same inside Jira: templates
 * from the class path in UTF-8, every inserted reference HTML-escaped by {@link JiraHtmlEscaping}, and every method
 * call checked against the velocity allowlist by {@link AllowlistUberspector}. One engine serves any number of
 * renderings; it holds no state between them.
 */
public final class JiraVelocityEngine {

    private final VelocityEngine engine;

    public JiraVelocityEngine(VelocityAllowlist allowlist) {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        properties.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, NullLogChute.class.getName());
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspector.class.getName());
        properties.setProperty("runtime.references.strict", "false");
        engine = new VelocityEngine();
        engine.setApplicationAttribute(AllowlistUberspector.ALLOWLIST, allowlist);
        engine.init(properties);
    }

    /**
     * Renders a class-path template with the given context into {@code out}, as it goes: the output is never held
     * whole, so a template iterating a large section streams it.
     *
     * @throws IllegalStateException when the template calls a method that is not on the allowlist
     */
    public void render(String template, Map<String, Object> values, Writer out) throws IOException {
        VelocityContext context = new VelocityContext();
        values.forEach(context::put);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new JiraHtmlEscaping());
        cartridge.attachToContext(context);
        Template t = engine.getTemplate(template, StandardCharsets.UTF_8.name());
        t.merge(context, out);
        out.flush();
    }
}
