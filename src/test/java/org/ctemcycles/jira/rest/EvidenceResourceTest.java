package org.ctemcycles.jira.rest;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The evidence pack's downloads over real HTTP: who may read them, their files, and the HTML rendered by Velocity. */
public class EvidenceResourceTest {

    private static final String CYCLE = "CTEM-2026-Q4";
    private static final String HOSTILE = "<script>alert('pwn')</script> in the login form";

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));

    @Before
    public void cycleWithAFinding() {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"Q4 payments\","
                + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        String report = "{\"file\":\"probe.jsonl\",\"format\":\"nuclei\"}\n" + new Gson().toJson(
                ObservationBuilder.nessus().ruleId("xss-login").title(HOSTILE).host("web01.pay.example").build())
                + "\n";
        Reply imported = api.send("lead", MultipartBody.post(api.request("/cycles/" + CYCLE + "/imports"),
                new MultipartBody().file("probe.jsonl", report.getBytes(StandardCharsets.UTF_8)).bytes()));
        assertEquals(imported.toString(), 200, imported.status());
    }

    private HttpResponse<byte[]> download(String user, String file) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(api.request("/cycles/" + CYCLE + "/" + file)
                    .header(RestHarness.USER_HEADER, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String disposition(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Disposition").orElse("");
    }

    @Test
    public void anAuditorDownloadsTheReportAsHtmlRenderedByVelocityWithHostileTextInert() {
        HttpResponse<byte[]> html = download("auditor", "evidence.html");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("attachment; filename=\"" + CYCLE + "-evidence-pack.html\"", disposition(html));
        assertTrue("streamed as it is rendered, not buffered to count its length",
                html.headers().firstValue("Content-Length").isEmpty());
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("Q4 payments"));
        assertTrue(page, page.contains("&lt;script&gt;alert(&#39;pwn&#39;)&lt;/script&gt;")
                || page.contains("&lt;script&gt;alert('pwn')&lt;/script&gt;"));
        assertFalse(page.contains(HOSTILE));
    }

    @Test
    public void theJsonAndTheVexAreTheCommandsRenderings() {
        HttpResponse<byte[]> json = download("auditor", "evidence.json");
        assertEquals(200, json.statusCode());
        assertEquals("attachment; filename=\"" + CYCLE + "-evidence-pack.json\"", disposition(json));
        JsonObject pack = JsonParser.parseString(new String(json.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(pack.toString(), pack.toString().contains(CYCLE));
        assertTrue(pack.toString().contains("xss-login"));

        HttpResponse<byte[]> vex = download("lead", "evidence.vex.json");
        assertEquals(200, vex.statusCode());
        assertEquals(EvidenceResource.CYCLONEDX_JSON, vex.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"" + CYCLE + "-vex.cdx.json\"", disposition(vex));
        JsonObject bom = JsonParser.parseString(new String(vex.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("CycloneDX", bom.get("bomFormat").getAsString());
        assertEquals("1.6", bom.get("specVersion").getAsString());
    }

    @Test
    public void theCsvZipHoldsOneFilePerRegister() throws IOException {
        HttpResponse<byte[]> zip = download("admin", "evidence.csv.zip");
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"" + CYCLE + "-evidence-csv.zip\"", disposition(zip));
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(PackCsv.FILES, new ArrayList<>(files.keySet()));
        assertTrue(files.get("findings.csv"), files.get("findings.csv").startsWith("key,title,"));
        assertTrue(files.get("findings.csv"), files.get("findings.csv").contains("xss-login"));
        assertTrue(files.get("activity-log.csv").split("\r\n").length > 1);
    }

    @Test
    public void engineersAndOutsidersMayNotDownloadTheEvidence() {
        for (String file : List.of("evidence.html", "evidence.json", "evidence.vex.json", "evidence.csv.zip")) {
            HttpResponse<byte[]> engineer = download("engineer", file);
            assertEquals(file, 403, engineer.statusCode());
            assertTrue(new String(engineer.body(), StandardCharsets.UTF_8).contains("\"code\":\"forbidden\""));
            assertEquals(file, 404, download("outsider", file).statusCode());
        }
        assertEquals(404, download("lead", "evidence.pdf").statusCode());
    }
}
