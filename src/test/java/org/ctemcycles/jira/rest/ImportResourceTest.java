package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code POST /cycles/{key}/imports} over real HTTP: reports uploaded as multipart, streamed into the cycle. */
@RunWith(Parameterized.class)
public class ImportResourceTest {

    private static final String CYCLE = "CTEM-2026-Q4";
    private static final String IMPORTS = "/cycles/" + CYCLE + "/imports";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;

    public ImportResourceTest(TestDatabase database) {
        api = new RestHarness(database, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    }

    private byte[] sarif;
    private byte[] nessus;

    @Before
    public void openCycle() throws IOException {
        Reply created = api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"Q4\",\"start\":\"2026-10-01\","
                + "\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}");
        assertEquals(created.toString(), 201, created.status());
        sarif = Files.readAllBytes(Path.of("src/test/resources/ingest/sarif/semgrep.sarif"));
        nessus = Files.readAllBytes(Path.of("src/test/resources/ingest/nessus/weekly-dmz.nessus"));
    }

    private Reply upload(String user, String query, byte[] body) {
        return api.send(user, MultipartBody.post(api.request(IMPORTS + query), body));
    }

    private int storedRuns() {
        return api.services().record().discovery().runs(CYCLE).size();
    }

    private static JsonObject file(Reply reply, int index) {
        return reply.json().getAsJsonObject().getAsJsonArray("files").get(index).getAsJsonObject();
    }

    private static JsonObject summary(Reply reply) {
        return reply.json().getAsJsonObject().getAsJsonObject("summary");
    }

    @Test
    public void aLeadUploadsASarifAndANessusReportAsTwoRunsAndGetsTheImportSummary() {
        Reply reply = upload("lead", "?scannedAt=2026-11-01&sourceKind=authenticated-scan",
                new MultipartBody().file("semgrep.sarif", sarif).file("weekly-dmz.nessus", nessus).bytes());
        assertEquals(reply.toString(), 200, reply.status());
        JsonObject first = file(reply, 0);
        assertEquals("semgrep.sarif", first.get("file").getAsString());
        assertEquals("sarif", first.get("format").getAsString());
        assertFalse(first.get("alreadyImported").getAsBoolean());
        assertTrue(first.get("observations").getAsInt() > 0);
        assertTrue(first.has("register") && first.has("warningMessages") && first.has("run"));
        JsonObject second = file(reply, 1);
        assertEquals("nessus", second.get("format").getAsString());
        assertEquals("AUTHENTICATED_SCAN", second.get("sourceKind").getAsString());
        JsonObject summary = summary(reply);
        assertEquals(2, summary.get("files").getAsInt());
        assertEquals(2, summary.get("imported").getAsInt());
        assertEquals(0, summary.get("rejected").getAsInt());
        assertEquals(first.get("observations").getAsInt() + second.get("observations").getAsInt(),
                summary.get("observations").getAsInt());
        assertEquals(2, storedRuns());
        assertEquals("the file name is kept with the run", List.of("semgrep.sarif", "weekly-dmz.nessus"),
                api.services().record().discovery().runs(CYCLE).stream().map(r -> r.fileName()).sorted().toList());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"),
                api.services().record().discovery().runs(CYCLE).get(0).scannedAt());

        Reply again = upload("lead", "", new MultipartBody().file("copy.sarif", sarif).bytes());
        assertEquals(200, again.status());
        assertTrue(file(again, 0).get("alreadyImported").getAsBoolean());
        assertEquals(2, storedRuns());
    }

    @Test
    public void aRejectedReportIsNamedNothingOfItIsStoredAndTheOthersAreImported() {
        byte[] truncated = Arrays.copyOf(sarif, sarif.length / 2);
        Reply reply = upload("lead", "", new MultipartBody().file("good.sarif", sarif).file("broken.sarif", truncated)
                .file("weekly-dmz.nessus", nessus).bytes());
        assertEquals(reply.toString(), 400, reply.status());
        JsonObject error = reply.json().getAsJsonObject();
        assertEquals("rejected-report", error.get("code").getAsString());
        assertEquals("file", error.get("field").getAsString());
        assertTrue(error.toString(), error.get("message").getAsString().startsWith("1 of 3 reports were rejected"));
        JsonArray errors = error.getAsJsonArray("errors");
        assertEquals(1, errors.size());
        assertTrue(errors.toString(), errors.get(0).getAsJsonObject().get("message").getAsString()
                .startsWith("broken.sarif: "));
        assertTrue(file(reply, 1).get("error").getAsString().length() > 0);
        assertEquals("nessus", file(reply, 2).get("format").getAsString());
        assertEquals(2, summary(reply).get("imported").getAsInt());
        assertEquals(1, summary(reply).get("rejected").getAsInt());
        assertEquals(2, storedRuns());
    }

    @Test
    public void onlyThoseWhoRunTheCycleUploadAndNothingOfARefusedUploadIsStored() {
        byte[] body = new MultipartBody().file("semgrep.sarif", sarif).bytes();
        assertEquals(401, upload(null, "", body).status());
        assertEquals("an auditor reads but does not run", 403, upload("auditor", "", body).status());
        assertEquals("an engineer reads but does not run", 403, upload("engineer", "", body).status());
        Reply outsider = upload("outsider", "", body);
        assertEquals(404, outsider.status());
        assertEquals("not-found", outsider.code());
        assertEquals(0, storedRuns());
        assertEquals(200, upload("admin", "", body).status());
    }

    @Test
    public void aDryRunChecksAccessAndOptionsWithoutReadingTheBody() {
        byte[] body = new MultipartBody().file("semgrep.sarif", sarif).bytes();
        assertEquals(204, upload("lead", "?dryRun=true&sourceKind=code-scan", body).status());
        assertEquals(403, upload("engineer", "?dryRun=true", body).status());
        assertEquals("covers", upload("lead", "?dryRun=true&covers=NOPE", body).json().getAsJsonObject().get("field")
                .getAsString());
        assertEquals("dryRun", upload("lead", "?dryRun=maybe", body).json().getAsJsonObject().get("field")
                .getAsString());
        assertEquals(0, storedRuns());
    }

    @Test
    public void aMultipartUploadNeedsJirasXsrfHeader() {
        Reply reply = api.send("lead", api.request(IMPORTS).header("Content-Type", MultipartBody.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new MultipartBody().file("a.sarif", sarif).bytes())));
        assertEquals(403, reply.status());
        assertEquals("xsrf-check-failed", reply.code());
        assertEquals(0, storedRuns());
    }

    @Test
    public void badOptionsAreNamedBeforeAnyReportIsRead() {
        byte[] body = new MultipartBody().file("semgrep.sarif", sarif).bytes();
        Reply kind = upload("lead", "?sourceKind=pentest", body);
        assertEquals(400, kind.status());
        assertEquals("sourceKind", kind.json().getAsJsonObject().get("field").getAsString());
        Reply covers = upload("lead", "?covers=WEB,API", body);
        assertEquals(400, covers.status());
        assertEquals("covers", covers.json().getAsJsonObject().get("field").getAsString());
        Reply format = upload("lead", "?format=pdf", body);
        assertEquals("format", format.json().getAsJsonObject().get("field").getAsString());
        Reply when = upload("lead", "?scannedAt=yesterday", body);
        assertEquals("scannedAt", when.json().getAsJsonObject().get("field").getAsString());
        assertEquals(200, upload("lead", "", body).status());
        assertEquals(1, storedRuns());
        assertEquals(404, api.send("lead", MultipartBody.post(api.request("/cycles/NOPE/imports"), body)).status());
    }

    @Test
    public void aMalformedBodyIsRefusedNamingWhatIsWrong() {
        byte[] good = new MultipartBody().file("semgrep.sarif", sarif).bytes();
        Reply noBoundary = api.send("lead", api.request(IMPORTS).header("Content-Type", "multipart/form-data")
                .header("X-Atlassian-Token", "no-check").POST(HttpRequest.BodyPublishers.ofByteArray(good)));
        assertEquals(400, noBoundary.status());
        assertEquals("body", noBoundary.json().getAsJsonObject().get("field").getAsString());
        assertTrue(noBoundary.body(), noBoundary.body().contains("has no boundary parameter"));

        Reply noFileName = upload("lead", "", new MultipartBody().part("file", null, sarif).bytes());
        assertEquals(400, noFileName.status());
        assertEquals("file", noFileName.json().getAsJsonObject().get("field").getAsString());
        assertTrue(noFileName.body(), noFileName.body().contains("part 1 ('file') has no filename"));

        Reply otherField = upload("lead", "", new MultipartBody().part("comment", null,
                "hi".getBytes(StandardCharsets.UTF_8)).bytes());
        assertEquals(400, otherField.status());
        assertTrue(otherField.body(), otherField.body().contains("is named 'comment'"));

        Reply empty = upload("lead", "", new MultipartBody().bytes());
        assertEquals(400, empty.status());
        assertTrue(empty.body(), empty.body().contains("has no part named file"));
        assertEquals(0, storedRuns());
    }

    @Test
    public void aTruncatedUploadStopsWhereItBreaksAndKeepsTheReportsBeforeIt() {
        byte[] whole = new MultipartBody().file("weekly-dmz.nessus", nessus).file("semgrep.sarif", sarif).bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - sarif.length / 2);
        Reply reply = upload("lead", "", cut);
        assertEquals(reply.toString(), 400, reply.status());
        JsonObject error = reply.json().getAsJsonObject();
        assertEquals("invalid-input", error.get("code").getAsString());
        assertEquals("body", error.get("field").getAsString());
        assertTrue(error.toString(), error.get("message").getAsString()
                .contains("the body ends inside part 2 ('semgrep.sarif')"));
        assertEquals("nessus", file(reply, 0).get("format").getAsString());
        assertEquals(1, summary(reply).get("imported").getAsInt());
        assertEquals("the report before the break stays imported, nothing of the cut one is stored", 1, storedRuns());
    }
}
