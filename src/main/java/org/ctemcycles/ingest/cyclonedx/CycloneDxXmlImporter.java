package org.ctemcycles.ingest.cyclonedx;

import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.XmlNode;
import org.ctemcycles.ingest.support.XmlSource;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads CycloneDX 1.4-1.6 XML BOMs and VEX documents, one vulnerability at a time; see the package documentation. */
public final class CycloneDxXmlImporter implements Importer {

    static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";

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
        XmlSource xml = XmlSource.open(report, limits);
        try {
            xml.root();
            if (!xml.name().equals("bom") || !xml.namespace().startsWith(NAMESPACE)) {
                throw new ImportException(xml.where() + ": the root element is <" + xml.name() + "> in namespace '"
                        + xml.namespace() + "', not a CycloneDX <bom>");
            }
            mapping.specVersion(xml.namespace().substring(NAMESPACE.length()), xml.where());
            while (xml.nextChild(1)) {
                switch (xml.name()) {
                    case "metadata" -> metadata(xml.readNode(), mapping);
                    case "components" -> {
                        while (xml.nextChild(2)) {
                            if (xml.name().equals("component")) {
                                register(xml.readNode(), mapping);
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
                v.childText("updated"), vex, affects);
    }
}
