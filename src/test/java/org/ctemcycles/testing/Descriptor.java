package org.ctemcycles.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** atlassian-plugin.xml (the repository-root file, or any copy of it) parsed safely: no DTDs, no external entities. */
public final class Descriptor {

    public static final Path ROOT_FILE = Path.of("atlassian-plugin.xml");

    private final Document document;

    private Descriptor(Document document) {
        this.document = document;
    }

    public static Descriptor load() {
        try (InputStream in = Files.newInputStream(ROOT_FILE)) {
            return parse(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Descriptor parse(InputStream in) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return new Descriptor(builder.parse(in));
        } catch (Exception e) {
            throw new IllegalStateException("atlassian-plugin.xml cannot be parsed: " + e.getMessage(), e);
        }
    }

    public Element root() {
        return document.getDocumentElement();
    }

    public List<Element> elements(String tagName) {
        NodeList nodes = document.getElementsByTagName(tagName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    public List<String> texts(String tagName) {
        return elements(tagName).stream().map(e -> e.getTextContent().trim()).toList();
    }

    /** Entries of every velocity-allowlist module, e.g. {@code org.x.Foo#getBar(java.lang.String)}. */
    public Set<String> allowlist() {
        Set<String> methods = new LinkedHashSet<>();
        for (Element module : elements("velocity-allowlist")) {
            NodeList nodes = module.getElementsByTagName("method");
            for (int i = 0; i < nodes.getLength(); i++) {
                methods.add(nodes.item(i).getTextContent().trim());
            }
        }
        return methods;
    }
}
