package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An XML report opened for streaming with the JDK's own StAX parser, DTDs and external entities off. A document
 * that declares a DOCTYPE is refused outright (no scanner format needs one, and it is how XXE and entity expansion
 * attacks start). Tracks the element depth against the limit, reads text in chunks against the field-length limit,
 * and reads one record at a time into an {@link XmlNode}.
 *
 * <p>Walking children: at a start tag of depth d, {@code while (xml.nextChild(d)) {...}} stops at each direct child's
 * start tag; a child the loop does not read is passed over by the next call.
 */
public final class XmlSource {

    /** The most elements one record read by {@link #readNode()} may hold. */
    public static final int MAX_RECORD_ELEMENTS = 100_000;

    private final XMLStreamReader reader;
    private final ImportLimits limits;
    private int depth;

    private XmlSource(XMLStreamReader reader, ImportLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** The parser settings every XML importer uses: no DTD, no external entities, no entity replacement beyond XML's five. */
    public static XMLInputFactory factory() {
        // the JDK's built-in implementation, not whatever StAX provider the host application puts on the class path
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Newer JDKs (24+) count XML's predefined entities (&lt; &amp; ...) across the whole document against small
        // default limits, which rejects real reports of a few hundred MB. No other entity can occur (a DOCTYPE is
        // refused), so these limits guard nothing here; ours (depth, field length, size) apply instead.
        for (String limit : new String[] {"jdk.xml.entityExpansionLimit", "jdk.xml.maxGeneralEntitySizeLimit",
                "jdk.xml.totalEntitySizeLimit"}) {
            try {
                factory.setProperty(limit, "0");
            } catch (IllegalArgumentException notSupported) {
                // another StAX implementation: it has no such limit to lift
            }
        }
        return factory;
    }

    public static XmlSource open(InputStream report, ImportLimits limits) throws ImportException {
        try {
            return new XmlSource(factory().createXMLStreamReader(report), limits);
        } catch (XMLStreamException e) {
            throw new ImportException("line 1: not readable as XML: " + e.getMessage(), e);
        }
    }

    /** "line L, column C" of the parser's current position. */
    public String where() {
        Location location = reader.getLocation();
        return location == null ? "at an unknown position"
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    public int depth() {
        return depth;
    }

    /** The current element's local name. */
    public String name() {
        return reader.getLocalName();
    }

    public String namespace() {
        String uri = reader.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    public String attribute(String name) {
        return reader.getAttributeValue(null, name);
    }

    /** Advances one event, enforcing the depth limit and refusing a DOCTYPE. */
    private int next() throws XMLStreamException, ImportException {
        int event = reader.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                if (++depth > limits.maxDepth()) {
                    throw new ImportException(where() + ": elements nested deeper than the limit of "
                            + limits.maxDepth() + " levels (maxDepth)");
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.DTD -> throw new ImportException(where()
                    + ": the document declares a DOCTYPE, which is not accepted (DTDs and entities are disabled;"
                    + " no supported report format uses one)");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportException(where()
                    + ": the entity reference &" + reader.getLocalName() + "; is not accepted");
            default -> {
            }
        }
        return event;
    }

    /** Moves to the root element's start tag; fails on anything but an element at the top. */
    public void root() throws ImportException {
        try {
            while (reader.hasNext()) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
            throw new ImportException(where() + ": the document has no root element");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Moves to the next direct child start tag of the element at {@code parentDepth}; false once that element ends.
     */
    public boolean nextChild(int parentDepth) throws ImportException {
        try {
            while (reader.hasNext()) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT && depth == parentDepth + 1) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT && depth < parentDepth) {
                    return false;
                }
            }
            throw new ImportException(where() + ": the XML ends before the element closes (truncated report?)");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Reads the current element (at its start tag) with all its descendants; leaves the reader at its end tag. */
    public XmlNode readNode() throws ImportException {
        try {
            int start = depth;
            Deque<XmlNode> open = new ArrayDeque<>();
            XmlNode root = new XmlNode(reader.getLocalName(), attributes());
            open.push(root);
            int elements = 1;
            long chars = 0;
            long maxChars = 8L * limits.maxFieldLength();
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_RECORD_ELEMENTS) {
                            throw new ImportException(where() + ": one <" + root.name() + "> holds more than "
                                    + MAX_RECORD_ELEMENTS + " elements");
                        }
                        XmlNode child = new XmlNode(reader.getLocalName(), attributes());
                        open.peek().add(child);
                        open.push(child);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        open.pop();
                        if (depth < start) {
                            return root;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        StringBuilder text = open.peek().textBuffer();
                        int length = reader.getTextLength();
                        if (text.length() + length > limits.maxFieldLength()) {
                            throw new ImportException(where() + ": the text of <" + open.peek().name()
                                    + "> is longer than the limit of " + limits.maxFieldLength()
                                    + " characters (maxFieldLength)");
                        }
                        chars += length;
                        if (chars > maxChars) {
                            throw new ImportException(where() + ": one <" + root.name() + "> holds more than "
                                    + maxChars + " characters of text");
                        }
                        text.append(reader.getTextCharacters(), reader.getTextStart(), length);
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw new ImportException(where()
                            + ": the XML ends inside <" + root.name() + "> (truncated report?)");
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** The current element's text including its descendants', trimmed; leaves the reader at its end tag. */
    public String text() throws ImportException {
        return readNode().deepText();
    }

    /** Reads to the end of the document, checking it is well formed. */
    public void finish() throws ImportException {
        try {
            while (reader.hasNext()) {
                next();
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private Map<String, String> attributes() {
        int count = reader.getAttributeCount();
        Map<String, String> attributes = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return attributes;
    }

    /** The failure as an ImportException naming the line and column. */
    public ImportException failure(Exception e) {
        if (e instanceof ImportException imported) {
            return imported;
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof LimitException) {
                return new ImportException(cause.getMessage(), e);
            }
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String where = where();
        if (e instanceof XMLStreamException xml && xml.getLocation() != null) {
            where = "line " + xml.getLocation().getLineNumber() + ", column " + xml.getLocation().getColumnNumber();
            int at = message.indexOf("Message: ");
            if (at >= 0) {
                message = message.substring(at + "Message: ".length());
            }
        }
        if (message.contains("XML document structures must start and end")
                || message.contains("Premature end of file")) {
            message = "the XML ends too early (truncated report?): " + message;
        }
        return new ImportException(where + ": malformed XML: " + message.strip(), e);
    }
}
