package org.ctemcycles.ingest.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One XML element read whole: its local name, attributes, own text and child elements. Importers read one record
 * (a Nessus ReportItem, a ZAP alertitem, a CycloneDX vulnerability) at a time into this small tree.
 */
public final class XmlNode {

    private final String name;
    private final Map<String, String> attributes;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    XmlNode(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    static XmlNode of(String name) {
        return new XmlNode(name, new LinkedHashMap<>());
    }

    StringBuilder textBuffer() {
        return text;
    }

    void add(XmlNode child) {
        children.add(child);
    }

    public String name() {
        return name;
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The element's own text (not its children's), trimmed. */
    public String text() {
        return text.toString().trim();
    }

    /**
     * The element's text and all its descendants' text in document order, trimmed (ZAP writes HTML unescaped in old
     * reports). Walks the tree with its own stack, so any nesting the depth limit accepts is read.
     */
    public String deepText() {
        if (children.isEmpty()) {
            return text();
        }
        StringBuilder all = new StringBuilder();
        Deque<XmlNode> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            XmlNode node = pending.pop();
            all.append(node.text);
            for (int i = node.children.size() - 1; i >= 0; i--) {
                pending.push(node.children.get(i));
            }
        }
        return all.toString().trim();
    }

    public List<XmlNode> children() {
        return children;
    }

    /** The first child of that local name, or null. */
    public XmlNode child(String name) {
        for (XmlNode child : children) {
            if (child.name.equals(name)) {
                return child;
            }
        }
        return null;
    }

    public List<XmlNode> children(String name) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(name)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The deep text of the first child of that name, or null when it is absent or blank. */
    public String childText(String name) {
        XmlNode child = child(name);
        if (child == null) {
            return null;
        }
        String text = child.deepText();
        return text.isEmpty() ? null : text;
    }

    /** The non-blank deep texts of every child of that name, in order. */
    public List<String> childTexts(String name) {
        List<String> texts = new ArrayList<>();
        for (XmlNode child : children) {
            if (child.name.equals(name)) {
                String text = child.deepText();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    /** Follows a path of child names; null where any step is missing. */
    public XmlNode path(String... names) {
        XmlNode at = this;
        for (String step : names) {
            at = at.child(step);
            if (at == null) {
                return null;
            }
        }
        return at;
    }
}
