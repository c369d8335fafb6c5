package org.ctemcycles.report.evidence;

import com.google.gson.stream.JsonWriter;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the validated findings of a cycle as a CycloneDX 1.6 VEX document (JSON): one vulnerability per validated
 * finding and CVE (the finding key where it names no CVE), its analysis taken from the latest validation:
 * <ul>
 *   <li>exploitable (confirmed), retest failed: {@code exploitable};</li>
 *   <li>not exploitable: {@code not_affected} (the validation notes are the detail);</li>
 *   <li>mitigated by control: {@code not_affected}, justification {@code protected_by_mitigating_control};</li>
 *   <li>retest passed: {@code resolved}.</li>
 * </ul>
 * A finding validated in this cycle but discovered only in an earlier one (inherited, not seen again) is listed by
 * its finding key without an affected component. Each affected asset is a component; the serial number is derived from the cycle key and the generation time, so
 * the same pack always gets the same one.
 */
public final class PackVex {

    private final String toolVersion;

    public PackVex(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(EvidencePack pack, Writer out) throws IOException {
        Map<String, ValidationRecord> latest = new HashMap<>();
        for (ValidationRecord record : pack.validations()) {
            latest.put(record.findingKey(), record); // recorded in order: the last one stands
        }
        JsonWriter json = new JsonWriter(out);
        json.setIndent(" ");
        json.beginObject().name("bomFormat").value("CycloneDX").name("specVersion").value("1.6")
                .name("serialNumber").value("urn:uuid:" + UUID.nameUUIDFromBytes((pack.cycle().key() + "@"
                        + pack.generatedAt()).getBytes(StandardCharsets.UTF_8)))
                .name("version").value(1);
        json.name("metadata").beginObject().name("timestamp").value(pack.generatedAt().toString())
                .name("tools").beginObject().name("components").beginArray().beginObject()
                .name("type").value("application").name("name").value("CTEM Cycles for Jira")
                .name("version").value(toolVersion).endObject().endArray().endObject()
                .name("properties").beginArray().beginObject().name("name").value("ctem:cycle")
                .name("value").value(pack.cycle().key()).endObject().endArray().endObject();
        Map<String, Finding> assets = new LinkedHashMap<>();
        json.name("vulnerabilities").beginArray();
        for (FindingEvidence evidence : pack.findings()) {
            ValidationRecord validation = latest.get(evidence.key());
            if (validation == null) {
                continue;
            }
            latest.remove(evidence.key());
            Finding f = evidence.finding();
            String ref = ref(f);
            assets.putIfAbsent(ref, f);
            for (String id : f.cves().isEmpty() ? List.of(f.key()) : f.cves()) {
                vulnerability(json, id, f, ref, validation);
            }
        }
        for (ValidationRecord validation : latest.values()) {
            inherited(json, validation); // validated here, discovered in an earlier cycle and not seen again
        }
        json.endArray();
        json.name("components").beginArray();
        for (Map.Entry<String, Finding> asset : assets.entrySet()) {
            Finding f = asset.getValue();
            json.beginObject().name("type").value(componentType(f)).name("bom-ref").value(asset.getKey())
                    .name("name").value(f.asset().value()).endObject();
        }
        json.endArray().endObject();
        json.flush();
    }

    private static void vulnerability(JsonWriter json, String id, Finding f, String ref, ValidationRecord v)
            throws IOException {
        boolean cve = id.startsWith("CVE-");
        json.beginObject().name("bom-ref").value(f.key() + "/" + id).name("id").value(id)
                .name("source").beginObject().name("name").value(cve ? "NVD" : "CTEM Cycles for Jira");
        if (cve) {
            json.name("url").value("https://nvd.nist.gov/vuln/detail/" + id);
        }
        json.endObject();
        if (!f.cwes().isEmpty()) {
            json.name("cwes").beginArray();
            for (String cwe : f.cwes()) {
                json.value(Integer.parseInt(cwe.replaceFirst("^CWE-", "")));
            }
            json.endArray();
        }
        json.name("description").value(f.title());
        analysis(json, v);
        json.name("affects").beginArray().beginObject().name("ref").value(ref).endObject().endArray();
        json.name("properties").beginArray().beginObject().name("name").value("ctem:finding")
                .name("value").value(f.key()).endObject().endArray();
        json.endObject();
    }

    private static void inherited(JsonWriter json, ValidationRecord v) throws IOException {
        json.beginObject().name("bom-ref").value(v.findingKey()).name("id").value(v.findingKey())
                .name("source").beginObject().name("name").value("CTEM Cycles for Jira").endObject()
                .name("description").value("Finding " + v.findingKey() + ", inherited from an earlier cycle and not"
                        + " rediscovered in " + v.cycleKey());
        analysis(json, v);
        json.name("properties").beginArray().beginObject().name("name").value("ctem:finding")
                .name("value").value(v.findingKey()).endObject().endArray();
        json.endObject();
    }

    private static void analysis(JsonWriter json, ValidationRecord v) throws IOException {
        json.name("analysis").beginObject().name("state").value(state(v));
        if (v.outcome() == ValidationOutcome.MITIGATED_BY_CONTROL) {
            json.name("justification").value("protected_by_mitigating_control");
        }
        json.name("detail").value(v.outcome().label() + " by " + v.method().label().toLowerCase(Locale.ROOT)
                        + (v.notes().isBlank() ? "" : ": " + v.notes())
                        + (v.evidenceRefs().isEmpty() ? "" : " (evidence: " + String.join(", ", v.evidenceRefs()) + ")"))
                .name("lastUpdated").value(v.validatedAt().toString()).endObject();
    }

    private static String state(ValidationRecord v) {
        return switch (v.outcome()) {
            case EXPLOITABLE_CONFIRMED, RETEST_FAILED -> "exploitable";
            case NOT_EXPLOITABLE, MITIGATED_BY_CONTROL -> "not_affected";
            case RETEST_PASSED -> "resolved";
        };
    }

    private static String ref(Finding f) {
        return "asset:" + f.asset().kind().name().toLowerCase(Locale.ROOT) + ":" + f.asset().key();
    }

    private static String componentType(Finding f) {
        return switch (f.asset().kind()) {
            case CONTAINER_IMAGE -> "container";
            case PACKAGE -> "library";
            case HOST, IP_ADDRESS -> "device";
            default -> "application";
        };
    }
}
