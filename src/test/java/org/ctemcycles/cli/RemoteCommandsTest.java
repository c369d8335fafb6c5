package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code ctem ... --server}: the command as a client of the app, run against the HTTP harness with a bearer token. */
public class RemoteCommandsTest {

    private static final String CYCLE = "CTEM-2026-Q4";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), CLOCK);
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String out;
    private String err;
    private Path sarif;
    private Path nessus;
    private String leadToken;

    @Before
    public void cycleAndReports() throws IOException {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"Q4 payments\","
                + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        sarif = Files.copy(Path.of("src/test/resources/ingest/sarif/semgrep.sarif"),
                folder.getRoot().toPath().resolve("semgrep.sarif"));
        nessus = Files.copy(Path.of("src/test/resources/ingest/nessus/weekly-dmz.nessus"),
                folder.getRoot().toPath().resolve("weekly-dmz.nessus"));
        leadToken = api.token("lead");
    }

    private int ctem(Map<String, String> environment, String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("CTEM_HOME", folder.getRoot().toPath().resolve("home").toString());
        int status = new Ctem(env, CLOCK).run(List.of(words), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private int remote(String token, String... words) {
        List<String> all = new ArrayList<>(List.of(words));
        all.add(1, "--server");
        all.add(2, api.jiraUrl().toString());
        return ctem(token == null ? Map.of() : Map.of("CTEM_TOKEN", token), all.toArray(String[]::new));
    }

    private List<JsonObject> lines() {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return objects;
    }

    private int storedRuns() {
        return api.services().record().discovery().runs(CYCLE).size();
    }

    @Test
    public void importPushesReportsAndPrintsWhatTheLocalImportPrints() {
        assertEquals(err, 0, remote(leadToken, "import", "--cycle", CYCLE, "--source-kind", "authenticated-scan",
                sarif.toString(), nessus.toString()));
        List<JsonObject> remote = lines();
        assertEquals(3, remote.size());
        assertEquals(sarif.toString(), remote.get(0).get("file").getAsString());
        assertEquals(2, remote.get(2).get("imported").getAsInt());
        assertEquals(2, storedRuns());
        assertTrue(err, err.contains("ctem: warning: plain http to 127.0.0.1: the token is sent unencrypted"));
        assertTrue(err, err.contains("ctem: uploading 2 reports to 127.0.0.1: "));
        assertTrue(err, err.contains("(100%)"));
        assertFalse("the token is never printed", (out + err).contains(leadToken));

        // the same files through the local import print the same lines, but for the run ids
        assertEquals(0, ctem(Map.of(), "cycles", "create", "--key", CYCLE, "--name", "Q4", "--start", "2026-10-01",
                "--end", "2026-12-31"));
        assertEquals(err, 0, ctem(Map.of(), "import", "--cycle", CYCLE, "--source-kind", "authenticated-scan",
                sarif.toString(), nessus.toString()));
        List<JsonObject> local = lines();
        assertEquals(withoutRunIds(local), withoutRunIds(remote));
    }

    private static List<JsonObject> withoutRunIds(List<JsonObject> lines) {
        return lines.stream().map(line -> {
            JsonObject copy = line.deepCopy();
            copy.remove("run");
            copy.remove("runs");
            return copy;
        }).toList();
    }

    @Test
    public void aRejectedReportGivesTheLocalErrorLineAndExitCode() throws IOException {
        Path broken = Files.writeString(folder.getRoot().toPath().resolve("broken.sarif"),
                Files.readString(sarif).substring(0, 500));
        assertEquals(Ctem.BAD_INPUT, remote(leadToken, "import", "--cycle", CYCLE, sarif.toString(),
                broken.toString()));
        List<JsonObject> lines = lines();
        assertEquals(broken.toString(), lines.get(1).get("file").getAsString());
        assertTrue(lines.get(1).toString(), lines.get(1).has("error"));
        assertEquals(1, lines.get(2).get("rejected").getAsInt());
        assertEquals(1, storedRuns());
    }

    @Test
    public void badOptionsAndMissingFilesAreNamedBeforeAnythingIsSent() {
        assertEquals(Ctem.BAD_INPUT, remote(leadToken, "import", "--cycle", CYCLE, "--source-kind", "pentest",
                sarif.toString()));
        assertTrue(err, err.startsWith("ctem: --source-kind: 'pentest' is not a source kind"));
        assertEquals(Ctem.BAD_INPUT, remote(leadToken, "import", "--cycle", CYCLE, "--covers", "NOPE",
                sarif.toString()));
        assertTrue(err, err.contains("ctem: --covers: cycle " + CYCLE + " has no surface 'NOPE'"));
        assertEquals(Ctem.BAD_INPUT, remote(leadToken, "import", "--cycle", CYCLE, sarif.toString(), "missing.json"));
        assertTrue(err, err.contains("ctem: missing.json: no such file (nothing was sent)"));
        assertEquals(Ctem.BAD_INPUT, remote(leadToken, "import", "--cycle", "NOPE-1", sarif.toString()));
        assertTrue(err, err.contains("ctem: no CTEM cycle with key 'NOPE-1'"));
        assertEquals(0, storedRuns());
    }

    @Test
    public void tokenAndPermissionRefusalsHaveTheirOwnExitCode() {
        assertEquals(Ctem.BAD_INPUT, remote(null, "import", "--cycle", CYCLE, sarif.toString()));
        assertTrue(err, err.contains("ctem: --token: is required with --server"));
        assertEquals(7, remote("not-a-token", "import", "--cycle", CYCLE, sarif.toString()));
        assertTrue(err, err.contains("did not accept the token (401)"));
        assertEquals(7, remote(api.token("engineer"), "import", "--cycle", CYCLE, sarif.toString()));
        assertTrue(err, err.contains("(403)"));
        assertEquals("an outsider does not learn the cycle exists", Ctem.BAD_INPUT,
                remote(api.token("outsider"), "import", "--cycle", CYCLE, sarif.toString()));
        assertEquals(0, storedRuns());
    }

    @Test
    public void anUnreachableServerAFailedHandshakeAndPlainHttpElsewhereAreSaidPlainly() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertEquals(5, ctem(Map.of("CTEM_TOKEN", leadToken), "cycles", "list", "--server",
                "http://127.0.0.1:" + closed));
        assertTrue(err, err.contains("ctem: cannot reach http://127.0.0.1:" + closed));
        try (ServerSocket plain = new ServerSocket(0)) {
            // answers a TLS hello in plain HTTP, as a server without TLS on that port does. The client's 30 s
            // connect timeout covers the TLS handshake (the JDK's AsyncSSLConnection.finishConnect), so a hello left
            // unanswered ends in exit 5, not 6 (seen once in CI; which way it went unanswered is not known). So the
            // server waits for the hello as long as the client may take (it gave up after 20 s) and answers every
            // connection, not only the first
            Thread answer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (var socket = plain.accept()) {
                        // the hello is read first and the client's close awaited: a close with unread bytes would
                        // reset the connection, which the client may see before the answer (a race, not tested here)
                        socket.getInputStream().read(new byte[16 * 1024]);
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.shutdownOutput();
                        socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        // the client has gone, or the test has closed the server socket
                    }
                }
            });
            answer.setDaemon(true);
            answer.start();
            assertEquals(6, ctem(Map.of("CTEM_TOKEN", leadToken), "cycles", "list", "--server",
                    "https://127.0.0.1:" + plain.getLocalPort()));
            assertTrue(err, err.contains("ctem: TLS with https://127.0.0.1:" + plain.getLocalPort() + " failed"));
        }
        assertEquals(Ctem.BAD_INPUT, ctem(Map.of("CTEM_TOKEN", leadToken), "cycles", "list", "--server",
                "http://jira.example.com"));
        assertTrue(err, err.contains("ctem: --server: http:// would send the token in clear text"));
        assertFalse((out + err).contains(leadToken));
    }

    @Test
    public void reportDownloadsTheEvidencePackIntoTheLocalLayout() throws IOException {
        assertEquals(0, remote(leadToken, "import", "--cycle", CYCLE, nessus.toString()));
        Path pack = folder.getRoot().toPath().resolve("pack");
        assertEquals(err, 0, remote(api.token("auditor"), "report", "--cycle", CYCLE, "--out", pack.toString()));
        assertTrue(out, out.startsWith("Evidence pack of " + CYCLE + " written to " + pack.toAbsolutePath()));
        assertTrue(out, out.contains("Evidence items present: "));
        assertTrue(out, out.contains("  missing: Cycle closure summary: "));
        assertTrue(Files.readString(pack.resolve("evidence-pack.html")).contains("Q4 payments"));
        assertTrue(Files.readString(pack.resolve("evidence-pack.json")).contains(CYCLE));
        assertTrue(Files.readString(pack.resolve("vex.cdx.json")).contains("CycloneDX"));
        for (String file : PackCsv.FILES) {
            assertTrue(file, Files.isRegularFile(pack.resolve("csv").resolve(file)));
        }
        try (var files = Files.list(pack)) {
            assertEquals("no partial file is left behind", List.of(),
                    files.filter(f -> f.toString().endsWith(".partial")).toList());
        }
        assertTrue(err, err.contains("ctem: wrote evidence-pack.html ("));
        assertEquals(7, remote(api.token("engineer"), "report", "--cycle", CYCLE, "--out", pack.toString()));
    }

    @Test
    public void cyclesListShowsWhatTheTokensUserMaySee() {
        assertEquals(err, 0, remote(leadToken, "cycles", "list", "--json"));
        assertEquals(CYCLE, lines().get(0).get("key").getAsString());
        assertEquals(0, remote(leadToken, "cycles", "list"));
        assertTrue(out, out.contains(CYCLE) && out.contains("Scoping") && out.contains("Q4 payments"));
        assertEquals(0, remote(api.token("outsider"), "cycles", "list"));
        assertTrue(out, out.startsWith("No CTEM cycle yet"));
    }
}
