package org.ctemcycles.testing;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A real Velocity engine configured like Jira's: templates from the classpath, every reference HTML-escaped unless
 * its name ends in {@code Html}, and the velocity allowlist enforced (see {@link AllowlistUberspector}).
 */
public final class JiraVelocity {

    private final VelocityEngine engine;
    private final List<String> violations = new ArrayList<>();

    public JiraVelocity(Set<String> allowlist) {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        properties.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspector.class.getName());
        properties.setProperty("runtime.references.strict", "false");
        engine = new VelocityEngine();
        engine.setApplicationAttribute(AllowlistUberspector.ALLOWLIST, allowlist);
        engine.setApplicationAttribute(AllowlistUberspector.VIOLATIONS, violations);
        engine.init(properties);
    }

    public String render(String template, Map<String, Object> values) {
        VelocityContext context = new VelocityContext();
        values.forEach(context::put);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new JiraHtmlEscaping());
        cartridge.attachToContext(context);
        Template t = engine.getTemplate(template, "UTF-8");
        StringWriter out = new StringWriter();
        t.merge(context, out);
        return out.toString();
    }

    /** Calls blocked because their method is not on the allowlist (empty when all is well). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Jira's rule: escape every inserted value unless the reference's last name ends in "Html". */
    static final class JiraHtmlEscaping implements ReferenceInsertionEventHandler {

        @Override
        public Object referenceInsert(String reference, Object value) {
            if (value == null || lastName(reference).endsWith("Html")) {
                return value;
            }
            return escape(value.toString());
        }

        static String lastName(String reference) {
            String r = reference.replace("$", "").replace("!", "").replace("{", "").replace("}", "");
            int paren = r.indexOf('(');
            if (paren >= 0) {
                r = r.substring(0, paren);
            }
            int dot = r.lastIndexOf('.');
            return dot >= 0 ? r.substring(dot + 1) : r;
        }

        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
