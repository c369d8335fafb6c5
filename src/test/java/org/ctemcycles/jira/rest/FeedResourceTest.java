package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code /feeds} over real HTTP: EPSS and KEV snapshots uploaded raw or as multipart, plain or gzip, and listed. */
@RunWith(Parameterized.class)
public class FeedResourceTest {

    private static final Path EPSS = Path.of("demo/feeds/epss_scores-2026-10-09.csv");
    private static final Path KEV = Path.of("demo/feeds/known_exploited_vulnerabilities.json");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;

    public FeedResourceTest(TestDatabase database) {
        api = new RestHarness(database, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    }

    private Reply raw(String user, String path, String type, byte[] body) {
        return api.send(user, api.request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JsonObject feeds() {
        Reply reply = api.get("lead", "/feeds");
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().getAsJsonObject();
    }

    @Test
    public void aLeadLoadsEpssRawAndKevAsAGzipUploadAndSeesThemActiveWithTheirDates() {
        JsonObject none = feeds();
        assertTrue(none.getAsJsonObject("epss").get("active").isJsonNull());
        assertEquals(0, none.getAsJsonObject("kev").getAsJsonArray("versions").size());

        Reply epss = raw("lead", "/feeds/epss?source=epss_scores-2026-10-09.csv", "text/csv", read(EPSS));
        assertEquals(epss.toString(), 200, epss.status());
        JsonObject version = epss.json().getAsJsonObject();
        assertEquals("EPSS", version.get("kind").getAsString());
        assertEquals("v2026.06.15", version.get("version").getAsString());
        assertEquals("2026-10-09T12:55:00Z", version.get("asOf").getAsString());
        assertEquals("epss_scores-2026-10-09.csv", version.get("source").getAsString());
        assertEquals("ACTIVE", version.get("status").getAsString());
        assertEquals("2026-11-02T09:00:00Z", version.get("loadedAt").getAsString());
        assertEquals(Files.exists(EPSS) ? lines(EPSS) - 2 : -1, version.get("rows").getAsInt());

        Reply kev = api.send("admin", MultipartBody.post(api.request("/feeds/kev"),
                new MultipartBody().file("known_exploited_vulnerabilities.json.gz", gzip(read(KEV))).bytes()));
        assertEquals(kev.toString(), 200, kev.status());
        assertEquals("2025.08.25", kev.json().getAsJsonObject().get("version").getAsString());
        assertEquals("known_exploited_vulnerabilities.json.gz",
                kev.json().getAsJsonObject().get("source").getAsString());
        assertEquals(6, kev.json().getAsJsonObject().get("rows").getAsInt());

        JsonObject listed = feeds();
        assertEquals("2025-08-25T17:04:19.979600Z".substring(0, 19),
                listed.getAsJsonObject("kev").getAsJsonObject("active").get("asOf").getAsString().substring(0, 19));
        assertEquals("v2026.06.15", listed.getAsJsonObject("epss").getAsJsonObject("active").get("version")
                .getAsString());
        assertTrue(api.services().record().feeds().activeKev().isPresent());
    }

    private static int lines(Path file) {
        try {
            return (int) Files.lines(file).filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void aNewVersionRetiresTheOldAndABrokenOneLeavesTheActiveFeedAsItWas() {
        assertEquals(200, raw("lead", "/feeds/epss", "application/octet-stream", read(EPSS)).status());
        String newer = new String(read(EPSS), StandardCharsets.UTF_8).replace("v2026.06.15", "v2026.10.31");
        assertEquals(200, raw("lead", "/feeds/epss", "application/gzip",
                gzip(newer.getBytes(StandardCharsets.UTF_8))).status());
        JsonArray versions = feeds().getAsJsonObject("epss").getAsJsonArray("versions");
        assertEquals(List.of("v2026.10.31 ACTIVE", "v2026.06.15 RETIRED"), List.of(
                label(versions, 0), label(versions, 1)));

        String broken = newer.replace("v2026.10.31", "v2026.11.01").replaceFirst("0\\.94358", "1.5");
        Reply rejected = raw("lead", "/feeds/epss", "text/csv", broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(rejected.toString(), 400, rejected.status());
        assertEquals("rejected-report", rejected.code());
        assertTrue(rejected.body(), rejected.body().contains("line 3"));
        assertEquals("v2026.10.31", feeds().getAsJsonObject("epss").getAsJsonObject("active").get("version")
                .getAsString());
    }

    private static String label(JsonArray versions, int index) {
        JsonObject v = versions.get(index).getAsJsonObject();
        return v.get("version").getAsString() + " " + v.get("status").getAsString();
    }

    @Test
    public void onlyLeadsAndAdministratorsSeeOrLoadFeeds() {
        for (String user : List.of("engineer", "auditor", "outsider", "project-lead")) {
            assertEquals(user, 403, api.get(user, "/feeds").status());
            assertEquals(user, 403, raw(user, "/feeds/kev", "application/json", read(KEV)).status());
        }
        assertEquals(401, api.get(null, "/feeds").status());
        assertEquals(401, raw(null, "/feeds/epss", "text/csv", read(EPSS)).status());
        assertTrue(api.services().record().feeds().activeEpss().isEmpty());
        assertTrue(api.services().record().feeds().activeKev().isEmpty());
    }

    @Test
    public void aFormLikeUploadNeedsTheXsrfHeader() {
        Reply reply = raw("lead", "/feeds/kev", "text/plain", read(KEV));
        assertEquals(403, reply.status());
        assertEquals("xsrf-check-failed", reply.code());
        Reply withHeader = api.send("lead", api.request("/feeds/kev").header("Content-Type", "text/plain")
                .header("X-Atlassian-Token", "no-check").POST(HttpRequest.BodyPublishers.ofByteArray(read(KEV))));
        assertEquals(withHeader.toString(), 200, withHeader.status());
    }

    @Test
    public void aGzipBombAndADoublyCompressedFeedAreRefused() {
        // valid JSON as far as it goes: white space the parser skips until the bound stops it
        byte[] spaces = new byte[(int) FeedResource.MAX_KEV_BYTES + 1];
        java.util.Arrays.fill(spaces, (byte) ' ');
        spaces[0] = '{';
        byte[] bomb = gzip(spaces);
        Reply tooLarge = raw("lead", "/feeds/kev", "application/gzip", bomb);
        assertEquals(tooLarge.toString(), 400, tooLarge.status());
        assertTrue(tooLarge.body(), tooLarge.body().contains("larger than the limit of " + FeedResource.MAX_KEV_BYTES));

        Reply twice = raw("lead", "/feeds/kev", "application/gzip", gzip(gzip(read(KEV))));
        assertEquals(400, twice.status());
        assertTrue(twice.body(), twice.body().contains("compressed twice"));

        Reply twoParts = api.send("lead", MultipartBody.post(api.request("/feeds/kev"), new MultipartBody()
                .file("a.json", read(KEV)).file("b.json", read(KEV)).bytes()));
        assertEquals(400, twoParts.status());
        assertTrue(twoParts.body(), twoParts.body().contains("more than 1 parts"));
        assertTrue(api.services().record().feeds().activeKev().isEmpty());
    }
}
