package org.ctemcycles.ingest.zap;

import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.XmlNode;
import org.ctemcycles.ingest.support.XmlSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads OWASP ZAP "traditional XML" reports ({@code OWASPZAPReport}), one alertitem at a time. */
public final class ZapXmlImporter implements Importer {

    @Override
    public String format() {
        return "zap-xml";
    }

    @Override
    public boolean accepts(byte[] head) {
        return "OWASPZAPReport".equals(Heads.xmlRoot(Heads.text(head)));
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        XmlSource xml = XmlSource.open(report, limits);
        try {
            xml.root();
            if (!xml.name().equals("OWASPZAPReport")) {
                throw new ImportException(xml.where() + ": the root element is <" + xml.name()
                        + ">, not <OWASPZAPReport>");
            }
            String program = xml.attribute("programName");
            String tool = program == null || program.isBlank() ? "ZAP" : program.trim();
            String version = xml.attribute("version");
            while (xml.nextChild(1)) {
                if (!xml.name().equals("site")) {
                    continue;
                }
                ZapAlerts.Site site = new ZapAlerts.Site(xml.attribute("name"), xml.attribute("host"),
                        xml.attribute("port"), xml.attribute("ssl"));
                while (xml.nextChild(2)) {
                    if (!xml.name().equals("alerts")) {
                        continue;
                    }
                    while (xml.nextChild(3)) {
                        if (xml.name().equals("alertitem")) {
                            String where = xml.where();
                            alert(xml.readNode(), site, tool, version, emitter, where);
                        }
                    }
                }
            }
            xml.finish();
            emitter.finish();
        } catch (RuntimeException e) {
            throw xml.failure(e);
        }
    }

    private static void alert(XmlNode alert, ZapAlerts.Site site, String tool, String version, Emitter emitter,
                              String where) throws ImportException {
        List<Map<String, String>> instances = new ArrayList<>();
        XmlNode list = alert.child("instances");
        if (list != null) {
            for (XmlNode instance : list.children("instance")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (XmlNode field : instance.children()) {
                    fields.put(field.name(), field.deepText());
                }
                instances.add(fields);
            }
        }
        ZapAlerts.emit(alert::childText, instances, site, tool, version == null ? "" : version, emitter, where);
    }
}
