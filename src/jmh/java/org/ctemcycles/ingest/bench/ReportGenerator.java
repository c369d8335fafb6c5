package org.ctemcycles.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes large, realistic reports of each supported format for the benchmarks: varied rule ids, hosts, paths and
 * text, so that the importers do the work a real report makes them do. Deterministic (no randomness) so that every
 * run parses the same bytes.
 */
final class ReportGenerator {

    private static final String TEXT = "The application builds a query from request data without neutralising it; "
            + "an attacker who controls the value can read or change data the account should not reach. ";

    private ReportGenerator() {
    }

    /** Writes a report of about {@code megabytes} MB in the format; answers its exact size in bytes. */
    static long write(String format, int megabytes, Path file) throws IOException {
        long target = (long) megabytes * 1024 * 1024;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Counter w = new Counter(out);
            switch (format) {
                case "sarif" -> sarif(w, target);
                case "nessus" -> nessus(w, target);
                case "zap-json" -> zapJson(w, target);
                case "zap-xml" -> zapXml(w, target);
                case "trivy" -> trivy(w, target);
                case "nuclei" -> nuclei(w, target);
                case "cyclonedx-json" -> cyclonedxJson(w, target);
                case "cyclonedx-xml" -> cyclonedxXml(w, target);
                case "csv" -> csv(w, target);
                default -> throw new IllegalArgumentException(format);
            }
        }
        return Files.size(file);
    }

    /** A writer that counts what it wrote (ASCII output, so chars are bytes). */
    private static final class Counter {
        private final BufferedWriter out;
        long written;

        Counter(BufferedWriter out) {
            this.out = out;
        }

        Counter w(String text) throws IOException {
            out.write(text);
            written += text.length();
            return this;
        }
    }

    private static void sarif(Counter w, long target) throws IOException {
        w.w("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":"
                + "{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":\"2.19.3\",\"rules\":[");
        for (int r = 0; r < 200; r++) {
            w.w((r > 0 ? "," : "") + "{\"id\":\"js/rule-" + r + "\",\"name\":\"js/rule-" + r
                    + "\",\"shortDescription\":{\"text\":\"Rule number " + r + "\"},\"fullDescription\":{\"text\":\""
                    + TEXT + "\"},\"defaultConfiguration\":{\"level\":\"" + (r % 3 == 0 ? "error" : "warning")
                    + "\"},\"help\":{\"text\":\"" + TEXT + TEXT + "\"},\"properties\":{\"tags\":[\"security\","
                    + "\"external/cwe/cwe-0" + (20 + r % 80) + "\"],\"precision\":\"high\",\"security-severity\":\""
                    + (r % 10) + "." + (r % 7) + "\"}}");
        }
        w.w("]}},\"versionControlProvenance\":[{\"repositoryUri\":\"https://github.com/example/shop\"}],\"results\":[\n");
        for (long i = 0; w.written < target; i++) {
            int rule = (int) (i % 200);
            w.w((i > 0 ? ",\n" : "") + "{\"ruleId\":\"js/rule-" + rule + "\",\"ruleIndex\":" + rule
                    + ",\"message\":{\"text\":\"This query depends on a [user-provided value](1) in call " + i
                    + ".\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/module" + (i % 977)
                    + "/file" + (i % 31) + ".js\",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":" + (i % 4000 + 1)
                    + ",\"startColumn\":5,\"endColumn\":40}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":\""
                    + Long.toHexString(i * 2654435761L) + ":1\"},\"codeFlows\":[{\"threadFlows\":[{\"locations\":["
                    + "{\"location\":{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/a.js\"},\"region\":"
                    + "{\"startLine\":3}},\"message\":{\"text\":\"source\"}}},{\"location\":{\"physicalLocation\":"
                    + "{\"artifactLocation\":{\"uri\":\"src/b.js\"},\"region\":{\"startLine\":9}},\"message\":"
                    + "{\"text\":\"sink\"}}}]}]}]}");
        }
        w.w("\n]}]}\n");
    }

    private static void nessus(Counter w, long target) throws IOException {
        w.w("<?xml version=\"1.0\" ?>\n<NessusClientData_v2>\n<Policy><policyName>Advanced</policyName></Policy>\n"
                + "<Report name=\"bench\" xmlns:cm=\"http://www.nessus.org/cm\">\n");
        for (long h = 0; w.written < target; h++) {
            w.w("<ReportHost name=\"10." + (h >> 16 & 255) + "." + (h >> 8 & 255) + "." + (h & 255) + "\"><HostProperties>\n"
                    + "<tag name=\"host-ip\">10.0.0." + (h & 255) + "</tag>\n<tag name=\"host-fqdn\">host" + h
                    + ".corp.example</tag>\n<tag name=\"Credentialed_Scan\">" + (h % 2 == 0) + "</tag>\n"
                    + "<tag name=\"operating-system\">Linux Kernel 5.15</tag>\n</HostProperties>\n");
            for (int i = 0; i < 40; i++) {
                int plugin = 100000 + (int) ((h * 40 + i) % 5000);
                w.w("<ReportItem port=\"" + (i % 5 == 0 ? 0 : 443) + "\" svc_name=\"www\" protocol=\"tcp\" severity=\""
                        + (i % 5) + "\" pluginID=\"" + plugin + "\" pluginName=\"Plugin " + plugin
                        + " &lt; 2.15.0 check\" pluginFamily=\"Misc.\">\n<cve>CVE-2021-" + (40000 + i) + "</cve>\n"
                        + "<cvss3_base_score>9.8</cvss3_base_score>\n<cvss3_vector>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/"
                        + "I:H/A:H</cvss3_vector>\n<cvss_vector>CVSS2#AV:N/AC:L/Au:N/C:P/I:P/A:P</cvss_vector>\n"
                        + "<description>" + TEXT + "</description>\n<risk_factor>High</risk_factor>\n<solution>Upgrade"
                        + " the package.</solution>\n<synopsis>The remote host is affected.</synopsis>\n<vpr_score>"
                        + (i % 10) + ".4</vpr_score>\n<exploit_available>true</exploit_available>\n<plugin_output>\n"
                        + "  Path              : /opt/app/lib/lib" + i + ".jar\n  Installed version : 2.14." + i
                        + "\n  Fixed version     : 2.17.1\n</plugin_output>\n</ReportItem>\n");
            }
            w.w("</ReportHost>\n");
        }
        w.w("</Report>\n</NessusClientData_v2>\n");
    }

    private static void zapJson(Counter w, long target) throws IOException {
        w.w("{\"@programName\":\"ZAP\",\"@version\":\"2.16.1\",\"@generated\":\"Wed, 25 Feb 2026 11:09:49\",\"site\":[");
        for (long s = 0; w.written < target; s++) {
            w.w((s > 0 ? "," : "") + "{\"@name\":\"https://app" + s + ".example.com\",\"@host\":\"app" + s
                    + ".example.com\",\"@port\":\"443\",\"@ssl\":\"true\",\"alerts\":[");
            for (int a = 0; a < 30; a++) {
                w.w((a > 0 ? "," : "") + "{\"pluginid\":\"" + (10000 + a) + "\",\"alertRef\":\"" + (10000 + a)
                        + "\",\"alert\":\"Alert " + a + "\",\"name\":\"Alert " + a + "\",\"riskcode\":\"" + (a % 4)
                        + "\",\"confidence\":\"2\",\"riskdesc\":\"High (Medium)\",\"desc\":\"<p>" + TEXT
                        + "</p>\",\"instances\":[");
                for (int i = 0; i < 5; i++) {
                    w.w((i > 0 ? "," : "") + "{\"uri\":\"https://app" + s + ".example.com/page" + i + "?id=" + i
                            + "\",\"method\":\"GET\",\"param\":\"id\",\"attack\":\"1' OR '1'='1\",\"evidence\":\"\","
                            + "\"otherinfo\":\"\"}");
                }
                w.w("],\"count\":\"5\",\"solution\":\"<p>Fix it.</p>\",\"cweid\":\"" + (20 + a) + "\",\"wascid\":\"19\","
                        + "\"sourceid\":\"1\"}");
            }
            w.w("]}");
        }
        w.w("]}\n");
    }

    private static void zapXml(Counter w, long target) throws IOException {
        w.w("<?xml version=\"1.0\"?>\n<OWASPZAPReport programName=\"ZAP\" version=\"2.16.1\" generated=\"x\">\n");
        for (long s = 0; w.written < target; s++) {
            w.w("<site name=\"https://app" + s + ".example.com\" host=\"app" + s + ".example.com\" port=\"443\" "
                    + "ssl=\"true\"><alerts>\n");
            for (int a = 0; a < 30; a++) {
                w.w("<alertitem><pluginid>" + (10000 + a) + "</pluginid><alertRef>" + (10000 + a) + "</alertRef><alert>"
                        + "Alert " + a + "</alert><name>Alert " + a + "</name><riskcode>" + (a % 4) + "</riskcode>"
                        + "<confidence>2</confidence><riskdesc>High (Medium)</riskdesc><desc>&lt;p&gt;" + TEXT
                        + "&lt;/p&gt;</desc><instances>\n");
                for (int i = 0; i < 5; i++) {
                    w.w("<instance><uri>https://app" + s + ".example.com/page" + i + "?id=" + i + "</uri><method>GET"
                            + "</method><param>id</param><attack>1' OR '1'='1</attack><evidence></evidence></instance>\n");
                }
                w.w("</instances><count>5</count><solution>Fix it.</solution><cweid>" + (20 + a) + "</cweid>"
                        + "<wascid>19</wascid></alertitem>\n");
            }
            w.w("</alerts></site>\n");
        }
        w.w("</OWASPZAPReport>\n");
    }

    private static void trivy(Counter w, long target) throws IOException {
        w.w("{\"SchemaVersion\":2,\"ArtifactName\":\"registry.example.com/shop:1.4\",\"ArtifactType\":"
                + "\"container_image\",\"Metadata\":{\"OS\":{\"Family\":\"alpine\",\"Name\":\"3.19.1\"}},\"Results\":[");
        for (long t = 0; w.written < target; t++) {
            w.w((t > 0 ? "," : "") + "{\"Target\":\"app" + t + "/package-lock.json\",\"Class\":\"lang-pkgs\","
                    + "\"Type\":\"npm\",\"Vulnerabilities\":[");
            for (int v = 0; v < 50; v++) {
                w.w((v > 0 ? "," : "") + "{\"VulnerabilityID\":\"CVE-2024-" + (10000 + v) + "\",\"PkgName\":\"pkg"
                        + v + "\",\"InstalledVersion\":\"1." + v + ".0\",\"FixedVersion\":\"1." + v + ".1\",\"Status\":"
                        + "\"fixed\",\"SeveritySource\":\"nvd\",\"PrimaryURL\":\"https://avd.aquasec.com/nvd/cve-2024-"
                        + v + "\",\"Title\":\"pkg" + v + ": denial of service\",\"Description\":\"" + TEXT
                        + "\",\"Severity\":\"HIGH\",\"CweIDs\":[\"CWE-400\"],\"CVSS\":{\"nvd\":{\"V3Vector\":"
                        + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\",\"V3Score\":7.5},\"redhat\":{\"V3Vector\":"
                        + "\"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L\",\"V3Score\":3.7}},\"References\":["
                        + "\"https://example.com/a\",\"https://example.com/b\"]}");
            }
            w.w("]}");
        }
        w.w("]}\n");
    }

    private static void nuclei(Counter w, long target) throws IOException {
        for (long i = 0; w.written < target; i++) {
            w.w("{\"template\":\"http/cves/2021/CVE-2021-44228.yaml\",\"template-id\":\"template-" + (i % 3000)
                    + "\",\"info\":{\"name\":\"Template " + (i % 3000) + "\",\"author\":[\"pd\"],\"tags\":[\"cve\","
                    + "\"rce\"],\"description\":\"" + TEXT + "\",\"severity\":\"high\",\"classification\":{\"cve-id\":"
                    + "[\"cve-2021-44228\"],\"cwe-id\":[\"cwe-917\"],\"cvss-metrics\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C"
                    + "/C:H/I:H/A:H\",\"cvss-score\":10}},\"type\":\"http\",\"host\":\"https://app" + (i % 500)
                    + ".example.com\",\"matched-at\":\"https://app" + (i % 500) + ".example.com/path" + (i % 97)
                    + "?x=1\",\"ip\":\"203.0.113." + (i % 250) + "\",\"timestamp\":\"2026-03-20T22:43:31Z\","
                    + "\"request\":\"GET / HTTP/1.1\\r\\nHost: app\\r\\n\\r\\n\",\"response\":\"HTTP/1.1 200 OK\\r\\n\\r\\n"
                    + TEXT + "\",\"matcher-status\":true}\n");
        }
    }

    private static void cyclonedxJson(Counter w, long target) throws IOException {
        w.w("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":{\"tools\":{\"components\":"
                + "[{\"name\":\"trivy\",\"version\":\"0.57.1\"}]},\"component\":{\"type\":\"container\",\"name\":"
                + "\"registry.example.com/shop:1.4\"}},\"components\":[");
        for (int c = 0; c < 2000; c++) {
            w.w((c > 0 ? "," : "") + "{\"bom-ref\":\"ref-" + c + "\",\"type\":\"library\",\"name\":\"lib" + c
                    + "\",\"version\":\"1.0." + c + "\",\"purl\":\"pkg:npm/lib" + c + "@1.0." + c + "\"}");
        }
        w.w("],\"vulnerabilities\":[");
        for (long v = 0; w.written < target; v++) {
            w.w((v > 0 ? "," : "") + "{\"id\":\"CVE-2024-" + (10000 + v % 50000) + "\",\"source\":{\"name\":\"NVD\"},"
                    + "\"ratings\":[{\"source\":{\"name\":\"NVD\"},\"score\":7.5,\"severity\":\"high\",\"method\":"
                    + "\"CVSSv31\",\"vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H\"}],\"cwes\":[400],"
                    + "\"description\":\"" + TEXT + "\",\"analysis\":{\"state\":\"not_affected\",\"justification\":"
                    + "\"code_not_reachable\",\"response\":[\"will_not_fix\"],\"detail\":\"Not reachable.\"},"
                    + "\"affects\":[{\"ref\":\"ref-" + (v % 2000) + "\"}]}");
        }
        w.w("]}\n");
    }

    private static void cyclonedxXml(Counter w, long target) throws IOException {
        w.w("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version="
                + "\"1\"><metadata><tools><components><component type=\"application\"><name>trivy</name><version>"
                + "0.57.1</version></component></components></tools></metadata><components>\n");
        for (int c = 0; c < 2000; c++) {
            w.w("<component type=\"library\" bom-ref=\"ref-" + c + "\"><name>lib" + c + "</name><version>1.0." + c
                    + "</version><purl>pkg:npm/lib" + c + "@1.0." + c + "</purl></component>\n");
        }
        w.w("</components><vulnerabilities>\n");
        for (long v = 0; w.written < target; v++) {
            w.w("<vulnerability><id>CVE-2024-" + (10000 + v % 50000) + "</id><source><name>NVD</name></source><ratings>"
                    + "<rating><score>7.5</score><severity>high</severity><method>CVSSv31</method><vector>CVSS:3.1/AV:N/"
                    + "AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H</vector></rating></ratings><cwes><cwe>400</cwe></cwes><description>"
                    + TEXT + "</description><analysis><state>not_affected</state><justification>code_not_reachable"
                    + "</justification></analysis><affects><target><ref>ref-" + (v % 2000) + "</ref></target></affects>"
                    + "</vulnerability>\n");
        }
        w.w("</vulnerabilities></bom>\n");
    }

    private static void csv(Counter w, long target) throws IOException {
        w.w("source_tool,source_kind,rule_id,title,severity,cve_ids,cwe_ids,asset_type,asset,location,cvss_vector,"
                + "evidence,description\n");
        for (long i = 0; w.written < target; i++) {
            w.w("pentest,manual test,rule-" + (i % 400) + ",\"Finding " + (i % 400) + ", with a comma\","
                    + new String[] {"Low", "Medium", "High", "Critical"}[(int) (i % 4)].toLowerCase(Locale.ROOT)
                    + ",CVE-2024-" + (10000 + i % 9000) + ",CWE-79,host,host" + (i % 3000) + ".corp.example,"
                    + (i % 65535) + "/tcp,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N,\"payload \"\"x\"\"\",\""
                    + TEXT + "\"\n");
        }
    }
}
