package org.ctemcycles.cli.html;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The methods templates may call on the app's own classes: the {@code <velocity-allowlist>} of atlassian-plugin.xml,
 * which Jira (10.5 and later) enforces. Entries name the class that first declares a method, e.g.
 * {@code org.ctemcycles.report.view.ItemView#getTitle()}. Methods of classes the allowlist does not govern (Jira's,
 * the JDK's) are Jira's business and always pass.
 */
public final class VelocityAllowlist {

    /** The descriptor on the class path: the repository-root file, copied (filtered) into the classes by the build. */
    public static final String DESCRIPTOR = "atlassian-plugin.xml";

    private final Set<String> entries;
    private final Predicate<Class<?>> governed;

    /**
     * @param governed which declaring classes the allowlist applies to; Jira applies an app's list to the app's classes
     */
    public VelocityAllowlist(Set<String> entries, Predicate<Class<?>> governed) {
        this.entries = Set.copyOf(entries);
        this.governed = governed;
    }

    /** The allowlist as Jira applies it to this app: every class under org.ctemcycles. */
    public static VelocityAllowlist ofApp(Set<String> entries) {
        return new VelocityAllowlist(entries, type -> type.getName().startsWith("org.ctemcycles."));
    }

    /** The allowlist of the descriptor on the class path of {@code loader}. */
    public static VelocityAllowlist fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " is not on the class path");
            }
            return ofApp(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of every {@code <velocity-allowlist>} module of a descriptor, in their order. */
    public static Set<String> read(InputStream descriptor) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // the descriptor is our own file, but a parser that never fetches anything needs no trust
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> methods = new LinkedHashSet<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(descriptor);
            int depthInAllowlist = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depthInAllowlist > 0 || xml.getLocalName().equals("velocity-allowlist")) {
                        depthInAllowlist++;
                    }
                    if (depthInAllowlist > 1 && xml.getLocalName().equals("method")) {
                        methods.add(xml.getElementText().trim());
                        depthInAllowlist--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && depthInAllowlist > 0) {
                    depthInAllowlist--;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(DESCRIPTOR + " cannot be read: " + e.getMessage(), e);
        }
        return methods;
    }

    public Set<String> entries() {
        return entries;
    }

    /** Whether a template may call {@code method}, which {@code owner} declares first. */
    public boolean permits(Class<?> owner, Method method) {
        return !governed.test(owner) || entries.contains(entry(owner, method));
    }

    /** The allowlist entry for {@code method} as declared by {@code owner}. */
    public static String entry(Class<?> owner, Method method) {
        return owner.getName() + "#" + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                .map(Class::getName).collect(Collectors.joining(",")) + ")";
    }
}
