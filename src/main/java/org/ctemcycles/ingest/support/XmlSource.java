package org.ctemcycles.ingest.support;

import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML report opened for streaming with the JDK's own StAX parser, DTDs and external entities off. A document
 * that declares a DOCTYPE is refused outright (no scanner format needs one, and it is how XXE and entity expansion
 * attacks start). The report is decoded here (byte order mark, else the XML declaration's encoding, else UTF-8) and
 * read by the parser through an {@link XmlGuard}, which bounds every name, attribute value, text, comment and start
 * tag before the parser holds it. Tracks the element depth against the limit, and reads one record at a time into an
 * {@link XmlNode} within the record's budget of values and text.
 *
 * <p>Walking children: at a start tag of depth d, {@code while (xml.nextChild(d)) {...}} stops at each direct child's
 * start tag; a child the loop does not read is passed over by the next call.
 */
public final class XmlSource {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private final XMLStreamReader reader;
    private final XmlGuard guard;
    private final ImportLimits limits;
    private int depth;

    private XmlSource(XMLStreamReader reader, XmlGuard guard, ImportLimits limits) {
        this.reader = reader;
        this.guard = guard;
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
        // The JDK's own bounds on names (1,000 characters), attributes per element (10,000) and, since JDK 24, element
        // depth (100) are lifted too: ours apply instead (XmlGuard bounds names, values and start tags, this class the
        // depth), whatever --max-depth accepts, with messages that name the option raising them.
        for (String limit : new String[] {"jdk.xml.entityExpansionLimit", "jdk.xml.maxGeneralEntitySizeLimit",
                "jdk.xml.totalEntitySizeLimit", "jdk.xml.maxXMLNameLimit", "jdk.xml.elementAttributeLimit",
                "jdk.xml.maxElementDepth"}) {
            try {
                factory.setProperty(limit, "0");
            } catch (IllegalArgumentException notSupported) {
                // another StAX implementation: it has no such limit to lift
            }
        }
        return factory;
    }

    public static XmlSource open(InputStream report, ImportLimits limits) throws ImportException {
        XmlGuard guard;
        try {
            guard = new XmlGuard(decode(report), limits);
        } catch (IOException e) {
            throw new ImportException("line 1: not readable as XML: " + e.getMessage(), e);
        }
        try {
            return new XmlSource(factory().createXMLStreamReader(guard), guard, limits);
        } catch (XMLStreamException e) {
            throw new XmlSource(null, guard, limits).failure(e);
        }
    }

    /**
     * The report's text in the encoding XML's rules name: a byte order mark, else UTF-16 told by its first bytes, else
     * the encoding of the XML declaration, else UTF-8. Undecodable bytes become U+FFFD, as in JSON reports.
     */
    static Reader decode(InputStream report) throws IOException, ImportException {
        BufferedInputStream in = new BufferedInputStream(report, 1 << 16);
        in.mark(1024);
        byte[] head = in.readNBytes(1024);
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE || b0 == 0x3C && b1 == 0x00) {
            charset = StandardCharsets.UTF_16LE;
            skip = b0 == 0xFF ? 2 : 0;
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0x00 && b1 == 0x3C) {
            charset = StandardCharsets.UTF_16BE;
            skip = b0 == 0xFE ? 2 : 0;
        } else {
            String ascii = new String(head, StandardCharsets.ISO_8859_1);
            int declaration = ascii.indexOf("<?xml");
            int end = declaration < 0 ? -1 : ascii.indexOf("?>", declaration);
            Matcher named = end < 0 ? null : ENCODING.matcher(ascii.substring(declaration, end));
            if (named != null && named.find()) {
                String name = named.group(1);
                try {
                    charset = Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    throw new ImportException("line 1: the XML declaration names the encoding '" + name
                            + "', which is not supported");
                }
                if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                    charset = StandardCharsets.UTF_8; // declared so, but written in an ASCII-compatible encoding
                }
            }
        }
        in.skipNBytes(skip);
        return new InputStreamReader(in, charset);
    }

    /** "line L, column C" of the parser's current position. */
    public String where() {
        Location location = reader == null ? null : reader.getLocation();
        return location == null ? guard.position()
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
                    throw new ImportException(limits.tooDeep(where(), "elements"));
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

    /**
     * Reads the current element (at its start tag) with all its descendants; leaves the reader at its end tag. A record
     * may hold {@link ImportLimits#maxRecordValues()} elements and attributes and {@link ImportLimits#maxRecordText()}
     * characters of names, attribute values and text.
     */
    public XmlNode readNode() throws ImportException {
        try {
            int start = depth;
            Deque<XmlNode> open = new ArrayDeque<>();
            long[] budget = {0, 0}; // values, characters
            XmlNode root = new XmlNode(reader.getLocalName(), attributes(budget, null));
            open.push(root);
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        XmlNode child = new XmlNode(reader.getLocalName(), attributes(budget, root));
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
                            throw new ImportException(limits.tooLong(where(), "the text of <" + open.peek().name()
                                    + ">"));
                        }
                        spend(budget, 0, length, root);
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

    /** Counts values and characters of the record being read; fails past its budget. */
    private void spend(long[] budget, int values, long characters, XmlNode record) throws ImportException {
        budget[0] += values;
        budget[1] += characters;
        if (budget[0] > limits.maxRecordValues()) {
            throw new ImportException(limits.tooManyValues(where(), "one <" + record.name() + ">",
                    "elements and attributes"));
        }
        if (budget[1] > limits.maxRecordText()) {
            throw new ImportException(limits.tooMuchText(where(), "one <" + record.name() + ">"));
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

    /** The current element's attributes, counted with the element against the record's budget. */
    private Map<String, String> attributes(long[] budget, XmlNode record) throws ImportException {
        int count = reader.getAttributeCount();
        Map<String, String> attributes = new LinkedHashMap<>(Math.max(4, count * 2));
        long characters = reader.getLocalName().length();
        for (int i = 0; i < count; i++) {
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            characters += name.length() + value.length();
            attributes.put(name, value);
        }
        spend(budget, 1 + count, characters, record == null ? XmlNode.of(reader.getLocalName()) : record);
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
