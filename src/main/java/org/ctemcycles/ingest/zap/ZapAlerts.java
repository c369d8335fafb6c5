package org.ctemcycles.ingest.zap;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mapping shared by the JSON and XML reports: one observation per alert instance (or one for an alert that
 * lists none). The two readers hand alerts over as field lookups, since both formats carry the same names.
 */
final class ZapAlerts {

    private ZapAlerts() {
    }

    /** A site of the report: its name (the origin URL) and host. */
    record Site(String name, String host, String port, String ssl) {

        AssetRef asset() {
            String origin = Normalise.origin(name);
            if (origin != null) {
                return new AssetRef(AssetKind.URL, origin);
            }
            if (host != null && !host.isBlank()) {
                return Normalise.hostOrIp(host);
            }
            return new AssetRef(AssetKind.URL, name == null ? "" : name.trim());
        }
    }

    /**
     * Emits the observations of one alert.
     *
     * @param alert     the alert's fields by name (pluginid, alertRef, alert, name, riskcode, ...)
     * @param instances each instance's fields by name (uri, method, param, attack, evidence, otherinfo)
     */
    static void emit(Function<String, String> alert, List<Map<String, String>> instances, Site site, String tool,
                     String version, Emitter emitter, String where) throws ImportException {
        String pluginId = blankToNull(alert.apply("pluginid"));
        String alertRef = blankToNull(alert.apply("alertRef"));
        String ruleId = alertRef != null ? alertRef : pluginId;
        if (ruleId == null) {
            emitter.tallySkip("alerts without a pluginid or alertRef (no stable identity)", where);
            return;
        }
        String name = blankToNull(alert.apply("name"));
        if (name == null) {
            name = blankToNull(alert.apply("alert"));
        }
        String riskCode = blankToNull(alert.apply("riskcode"));
        String riskDesc = blankToNull(alert.apply("riskdesc"));
        List<Map<String, String>> each = new ArrayList<>(instances);
        if (each.isEmpty()) {
            // old reports put one instance's fields on the alert itself
            each.add(Map.of("uri", nz(alert.apply("uri")), "method", nz(alert.apply("method")),
                    "param", nz(alert.apply("param")), "attack", nz(alert.apply("attack")),
                    "evidence", nz(alert.apply("evidence"))));
        }
        for (Map<String, String> instance : each) {
            ObservationBuilder o = new ObservationBuilder()
                    .sourceKind(SourceKind.EXTERNAL_SCAN)
                    .tool(tool, version)
                    .ruleId(ruleId)
                    .title(name)
                    .severity(riskDesc != null ? riskDesc : riskCode, severity(riskCode, riskDesc))
                    .asset(site.asset())
                    .location(location(instance, site))
                    .evidence(instance.get("evidence"));
            o.cwes(Normalise.cwes(List.of(nz(alert.apply("cweid")))));
            String tagCves = alert.apply("cve");
            if (tagCves != null) {
                o.cves(Normalise.cves(List.of(tagCves.split("[,\\s]+"))));
            }
            o.attribute("pluginid", pluginId);
            o.attribute("confidence", confidence(alert.apply("confidence")));
            o.attribute("riskcode", riskCode);
            o.attribute("wascid", zeroToNull(alert.apply("wascid")));
            o.attribute("sourceid", alert.apply("sourceid"));
            o.attribute("systemic", alert.apply("systemic"));
            o.attribute("description", alert.apply("desc"));
            o.attribute("solution", alert.apply("solution"));
            o.attribute("reference", alert.apply("reference"));
            o.attribute("otherinfo", firstNonBlank(instance.get("otherinfo"), alert.apply("otherinfo")));
            o.attribute("uri", instance.get("uri"));
            o.attribute("method", instance.get("method"));
            o.attribute("param", instance.get("param"));
            o.attribute("attack", instance.get("attack"));
            emitter.emit(o.build(), () -> where);
        }
    }

    /** "GET https://h/p?a&b [param]": method, the URL without query values, and the parameter ZAP named. */
    private static String location(Map<String, String> instance, Site site) {
        String uri = blankToNull(instance.get("uri"));
        String method = blankToNull(instance.get("method"));
        String param = blankToNull(instance.get("param"));
        StringBuilder location = new StringBuilder();
        if (method != null) {
            location.append(method.toUpperCase(java.util.Locale.ROOT)).append(' ');
        }
        location.append(uri != null ? Normalise.stableUrl(uri) : nz(site.name()).trim());
        if (param != null) {
            location.append(" [").append(param).append(']');
        }
        return location.toString();
    }

    /** riskcode 0-3 (informational, low, medium, high); the riskdesc word when the code is missing. */
    static ObservedSeverity severity(String riskCode, String riskDesc) {
        if (riskCode != null) {
            switch (riskCode.trim()) {
                case "0": return ObservedSeverity.INFO;
                case "1": return ObservedSeverity.LOW;
                case "2": return ObservedSeverity.MEDIUM;
                case "3": return ObservedSeverity.HIGH;
                default: break;
            }
        }
        if (riskDesc != null) {
            int space = riskDesc.indexOf(' ');
            return Normalise.severityWord(space > 0 ? riskDesc.substring(0, space) : riskDesc);
        }
        return ObservedSeverity.UNKNOWN;
    }

    private static String confidence(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim()) {
            case "0" -> "False Positive";
            case "1" -> "Low";
            case "2" -> "Medium";
            case "3" -> "High";
            case "4" -> "Confirmed";
            default -> code;
        };
    }

    private static String zeroToNull(String value) {
        return value == null || value.isBlank() || value.trim().equals("0") || value.trim().equals("-1") ? null : value;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
