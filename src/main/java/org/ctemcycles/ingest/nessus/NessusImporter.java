package org.ctemcycles.ingest.nessus;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;
import org.ctemcycles.ingest.support.XmlNode;
import org.ctemcycles.ingest.support.XmlSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads Tenable Nessus {@code .nessus} v2 exports, one ReportItem at a time; see the package documentation. */
public final class NessusImporter implements Importer {

    /** ReportItem children kept as attributes of the observation (scores, VPR drivers, exploitability, dates, text). */
    private static final List<String> KEPT_CHILDREN = List.of("risk_factor", "synopsis", "description", "solution",
            "see_also", "plugin_type", "fname", "cvss3_base_score", "cvss3_temporal_score", "cvss3_temporal_vector",
            "cvss_base_score", "cvss_temporal_score", "cvss_temporal_vector", "cvss4_base_score",
            "cvss4_threat_vector", "vpr_score", "vpr_v2_score", "epss_score", "threat_intensity_last_28",
            "threat_recency", "threat_sources_last_28", "exploit_code_maturity", "product_coverage", "age_of_vuln",
            "exploit_available", "exploitability_ease", "exploited_by_malware", "exploit_framework_metasploit",
            "exploit_framework_core", "exploit_framework_canvas", "exploit_framework_d2_elliot",
            "exploit_framework_exploithub", "metasploit_name", "canvas_package", "core_name", "exploited_by_nessus",
            "in_the_news", "unsupported_by_vendor", "cisa-known-exploited", "plugin_publication_date",
            "plugin_modification_date", "patch_publication_date", "vuln_publication_date", "cpe", "stig_severity");
    /** Host properties kept as attributes: what scope rules and people use to recognise the host. */
    private static final List<String> KEPT_HOST_TAGS = List.of("host-ip", "host-fqdn", "host-rdns", "netbios-name",
            "operating-system", "mac-address", "Credentialed_Scan", "system-type");

    @Override
    public String format() {
        return "nessus";
    }

    @Override
    public boolean accepts(byte[] head) {
        String root = Heads.xmlRoot(Heads.text(head));
        return "NessusClientData_v2".equals(root) || "NessusClientData".equals(root);
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        XmlSource xml = XmlSource.open(report, limits);
        try {
            xml.root();
            if (xml.name().equals("NessusClientData")) {
                throw new ImportException(xml.where() + ": this is a Nessus v1 export (NessusClientData); export"
                        + " the scan as .nessus v2 (NessusClientData_v2)");
            }
            if (!xml.name().equals("NessusClientData_v2")) {
                throw new ImportException(xml.where() + ": the root element is <" + xml.name()
                        + ">, not <NessusClientData_v2>");
            }
            while (xml.nextChild(1)) {
                if (xml.name().equals("Report")) {
                    String reportName = xml.attribute("name");
                    while (xml.nextChild(2)) {
                        if (xml.name().equals("ReportHost")) {
                            host(xml, emitter, reportName);
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

    private static void host(XmlSource xml, Emitter emitter, String reportName) throws ImportException {
        String hostName = xml.attribute("name");
        String hostWhere = xml.where();
        if (hostName == null || hostName.isBlank()) {
            throw new ImportException(hostWhere + ": a <ReportHost> has no name");
        }
        Map<String, String> tags = new HashMap<>();
        while (xml.nextChild(3)) {
            String where = xml.where();
            if (xml.name().equals("HostProperties")) {
                for (XmlNode tag : xml.readNode().children("tag")) {
                    String name = tag.attribute("name");
                    if (name != null) {
                        tags.put(name, tag.deepText());
                    }
                }
            } else if (xml.name().equals("ReportItem")) {
                XmlNode item = xml.readNode();
                item(item, hostName.trim(), tags, reportName, emitter, where);
            }
        }
    }

    private static void item(XmlNode item, String host, Map<String, String> tags, String reportName,
                             Emitter emitter, String where) throws ImportException {
        String pluginId = item.attribute("pluginID");
        if (pluginId == null || pluginId.isBlank()) {
            throw new ImportException(where + ": a <ReportItem> has no pluginID");
        }
        String port = orDefault(item.attribute("port"), "0");
        String protocol = orDefault(item.attribute("protocol"), "tcp");
        String severityCode = orDefault(item.attribute("severity"), "");
        String riskFactor = item.childText("risk_factor");
        String pluginName = item.attribute("pluginName");
        if (pluginName == null || pluginName.isBlank()) {
            pluginName = item.childText("plugin_name");
        }
        boolean credentialed = "true".equalsIgnoreCase(tags.get("Credentialed_Scan"));

        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(credentialed ? SourceKind.AUTHENTICATED_SCAN : SourceKind.EXTERNAL_SCAN)
                .tool("Nessus", "")
                .ruleId(pluginId.trim())
                .title(pluginName)
                .severity(riskFactor != null ? riskFactor : severityCode, severity(severityCode, riskFactor))
                .asset(Normalise.hostOrIp(host))
                .location(port.trim() + "/" + protocol.trim())
                .evidence(item.childText("plugin_output"));
        List<String> ids = new ArrayList<>(item.childTexts("cve"));
        o.cves(Normalise.cves(ids));
        o.cwes(Normalise.cwes(item.childTexts("cwe")));
        List<String> problems = new ArrayList<>();
        o.vector(Normalise.vector(item.childText("cvss4_vector"), "4.0", problems));
        o.vector(Normalise.vector(item.childText("cvss3_vector"), "3.0", problems));
        o.vector(Normalise.vector(item.childText("cvss_vector"), "2.0", problems));
        for (String problem : problems) {
            emitter.warn(where + ": plugin " + pluginId + ": " + problem + "; the vector is left out");
        }
        o.attribute("svc_name", item.attribute("svc_name"));
        o.attribute("pluginFamily", item.attribute("pluginFamily"));
        o.attribute("severity", severityCode);
        o.attribute("report", reportName);
        for (String name : KEPT_CHILDREN) {
            List<String> values = item.childTexts(name);
            if (!values.isEmpty()) {
                o.attribute(name, String.join("\n", values));
            }
        }
        o.attribute("bid", String.join(",", item.childTexts("bid")));
        o.attribute("xref", String.join(",", item.childTexts("xref")));
        o.attribute("iava", String.join(",", item.childTexts("iava")));
        for (String tag : KEPT_HOST_TAGS) {
            o.attribute(tag, tags.get(tag));
        }
        emitter.emit(o.build(), () -> where);
    }

    /** The severity attribute 0-4 (info, low, medium, high, critical); the risk_factor word when it is missing. */
    static ObservedSeverity severity(String code, String riskFactor) {
        return switch (code.trim()) {
            case "0" -> ObservedSeverity.INFO;
            case "1" -> ObservedSeverity.LOW;
            case "2" -> ObservedSeverity.MEDIUM;
            case "3" -> ObservedSeverity.HIGH;
            case "4" -> ObservedSeverity.CRITICAL;
            default -> Normalise.severityWord(riskFactor);
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
