package org.ctemcycles.ingest.cyclonedx;

import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.XmlNode;
import org.ctemcycles.ingest.support.XmlSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads CycloneDX XML BOMs and VEX documents, one vulnerability at a time: 1.4-1.6 with their vulnerabilities, and
 * 1.0-1.3 with the vulnerability extension inside their components; see the package documentation.
 */
public final class CycloneDxXmlImporter implements Importer {

    static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";

    /** How far into the report the root element's namespace declarations are looked for. */
    private static final int DECLARATIONS = 8192;

    @Override
    public String format() {
        return "cyclonedx-xml";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        return "bom".equals(Heads.xmlRoot(text)) && text.contains(NAMESPACE);
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        CycloneDxMapping mapping = new CycloneDxMapping(emitter);
        // a namespace is declared before its first use, in practice on the root element
        BufferedInputStream buffered = new BufferedInputStream(report, 1 << 16);
        boolean extensionDeclared;
        try {
            buffered.mark(DECLARATIONS);
            extensionDeclared = Heads.text(buffered.readNBytes(DECLARATIONS))
                    .contains(CycloneDxMapping.EXTENSION);
            buffered.reset();
        } catch (IOException e) {
            throw new ImportException("the report cannot be read: " + e.getMessage(), e);
        }
        XmlSource xml = XmlSource.open(buffered, limits);
        try {
            xml.root();
            if (!xml.name().equals("bom") || !xml.namespace().startsWith(NAMESPACE)) {
                throw new ImportException(xml.where() + ": the root element is <" + xml.name() + "> in namespace '"
                        + xml.namespace() + "', not a CycloneDX <bom>");
            }
            mapping.specVersion(xml.namespace().substring(NAMESPACE.length()), xml.where(), extensionDeclared);
            while (xml.nextChild(1)) {
                switch (xml.name()) {
                    case "metadata" -> metadata(xml.readNode(), mapping);
                    case "components" -> {
                        while (xml.nextChild(2)) {
                            if (xml.name().equals("component")) {
                                String where = xml.where();
                                XmlNode component = xml.readNode();
                                register(component, mapping);
                                extensionVulnerabilities(component, mapping, where);
                            }
                        }
                    }
                    case "vulnerabilities" -> {
                        while (xml.nextChild(2)) {
                            if (xml.name().equals("vulnerability")) {
                                String where = xml.where();
                                mapping.vulnerability(vulnerability(xml.readNode()), where);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            xml.finish();
            emitter.finish();
        } catch (RuntimeException e) {
            throw xml.failure(e);
        }
    }

    private static void metadata(XmlNode metadata, CycloneDxMapping mapping) {
        XmlNode tools = metadata.child("tools");
        if (tools != null) {
            for (XmlNode tool : tools.children("tool")) {
                mapping.tool(tool.childText("name"), tool.childText("version"));
            }
            XmlNode components = tools.child("components");
            if (components != null) {
                for (XmlNode tool : components.children("component")) {
                    mapping.tool(tool.childText("name"), tool.childText("version"));
                }
            }
            XmlNode services = tools.child("services");
            if (services != null) {
                for (XmlNode tool : services.children("service")) {
                    mapping.tool(tool.childText("name"), tool.childText("version"));
                }
            }
        }
        XmlNode component = metadata.child("component");
        if (component != null) {
            mapping.subject(component.attribute("type"), component.childText("name"), component.childText("version"),
                    component.childText("purl"));
            register(component, mapping);
        }
    }

    /** Registers a component and the components nested in it, in document order, with a stack (no recursion). */
    private static void register(XmlNode top, CycloneDxMapping mapping) {
        Deque<XmlNode> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            XmlNode component = pending.pop();
            mapping.component(component.attribute("bom-ref"), component.childText("name"),
                    component.childText("version"), component.childText("purl"));
            XmlNode nested = component.child("components");
            if (nested != null) {
                List<XmlNode> children = nested.children("component");
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
    }

    /**
     * The vulnerabilities of the 1.x extension written inside a component ({@code <v:vulnerabilities>}, as Grype,
     * KICS and Sonatype's tools write them), and inside its nested components, in document order. Nested components
     * are walked with a stack of their own, not by recursion: any depth the reader accepts is read.
     */
    private static void extensionVulnerabilities(XmlNode top, CycloneDxMapping mapping, String where)
            throws ImportException {
        Deque<XmlNode> waiting = new ArrayDeque<>();
        waiting.push(top);
        while (!waiting.isEmpty()) {
            XmlNode component = waiting.pop();
            // elements are read by local name; a 1.4+ component has no element of this name, only the extension does
            XmlNode list = component.child("vulnerabilities");
            if (list != null) {
                for (XmlNode v : list.children("vulnerability")) {
                    mapping.extensionVulnerability(extensionVulnerability(v), component.childText("name"),
                            component.childText("version"), component.childText("purl"), where);
                }
            }
            XmlNode nested = component.child("components");
            if (nested != null) {
                List<XmlNode> children = nested.children("component");
                for (int i = children.size() - 1; i >= 0; i--) {
                    waiting.push(children.get(i)); // the first child is taken next, as recursion would
                }
            }
        }
    }

    /** One vulnerability of the extension's schema ({@code vulnerability-1.0.xsd}), and KICS' variant of it. */
    private static CycloneDxVulnerability extensionVulnerability(XmlNode v) {
        XmlNode source = v.child("source");
        String sourceName = null;
        if (source != null) {
            // the schema's name attribute; KICS writes a name element instead
            sourceName = source.attribute("name") != null ? source.attribute("name") : source.childText("name");
        }
        List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
        XmlNode ratingList = v.child("ratings");
        if (ratingList != null) {
            for (XmlNode rating : ratingList.children("rating")) {
                XmlNode score = rating.child("score");
                ratings.add(new CycloneDxVulnerability.Rating(rating.childText("method"),
                        score == null ? null : score.childText("base"), rating.childText("severity"),
                        rating.childText("vector"), sourceName));
            }
        }
        List<String> cwes = new ArrayList<>(v.childTexts("cwe")); // KICS: directly in the vulnerability
        XmlNode cweList = v.child("cwes");
        if (cweList != null) {
            cwes.addAll(cweList.childTexts("cwe"));
        }
        List<String> recommendations = new ArrayList<>();
        XmlNode recommendationList = v.child("recommendations");
        if (recommendationList != null) {
            recommendations.addAll(recommendationList.childTexts("recommendation"));
        }
        List<String> advisories = new ArrayList<>();
        XmlNode advisoryList = v.child("advisories");
        if (advisoryList != null) {
            advisories.addAll(advisoryList.childTexts("advisory"));
        }
        String ref = v.attribute("ref");
        return new CycloneDxVulnerability(v.childText("id"), null, sourceName, List.of(), ratings, cwes,
                v.childText("description"), null, recommendations.isEmpty() ? null : String.join("\n", recommendations),
                null, null, null, ref == null ? List.of() : List.of(new CycloneDxVulnerability.Affect(ref, List.of())),
                advisories);
    }

    private static CycloneDxVulnerability vulnerability(XmlNode v) {
        List<String> references = new ArrayList<>();
        XmlNode referenceList = v.child("references");
        if (referenceList != null) {
            for (XmlNode reference : referenceList.children("reference")) {
                String id = reference.childText("id");
                if (id != null) {
                    references.add(id);
                }
            }
        }
        List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
        XmlNode ratingList = v.child("ratings");
        if (ratingList != null) {
            for (XmlNode rating : ratingList.children("rating")) {
                XmlNode source = rating.child("source");
                ratings.add(new CycloneDxVulnerability.Rating(rating.childText("method"), rating.childText("score"),
                        rating.childText("severity"), rating.childText("vector"),
                        source == null ? null : source.childText("name")));
            }
        }
        List<String> cwes = new ArrayList<>();
        XmlNode cweList = v.child("cwes");
        if (cweList != null) {
            cwes.addAll(cweList.childTexts("cwe"));
        }
        XmlNode analysis = v.child("analysis");
        CycloneDxVulnerability.Analysis vex = null;
        if (analysis != null) {
            List<String> responses = new ArrayList<>();
            XmlNode responseList = analysis.child("responses");
            if (responseList != null) {
                responses.addAll(responseList.childTexts("response"));
            }
            vex = new CycloneDxVulnerability.Analysis(analysis.childText("state"), analysis.childText("justification"),
                    responses, analysis.childText("detail"));
        }
        List<CycloneDxVulnerability.Affect> affects = new ArrayList<>();
        XmlNode affectList = v.child("affects");
        if (affectList != null) {
            for (XmlNode target : affectList.children("target")) {
                List<String> statuses = new ArrayList<>();
                XmlNode versions = target.child("versions");
                if (versions != null) {
                    for (XmlNode version : versions.children("version")) {
                        String status = version.childText("status");
                        String label = version.childText("version");
                        label = label != null ? label : version.childText("range");
                        if (status != null) {
                            statuses.add(label == null ? status : label + ":" + status);
                        }
                    }
                }
                affects.add(new CycloneDxVulnerability.Affect(target.childText("ref"), statuses));
            }
        }
        XmlNode source = v.child("source");
        return new CycloneDxVulnerability(v.childText("id"), v.attribute("bom-ref"),
                source == null ? null : source.childText("name"), references, ratings, cwes, v.childText("description"),
                v.childText("detail"), v.childText("recommendation"), v.childText("published"),
                v.childText("updated"), vex, affects, List.of());
    }
}
