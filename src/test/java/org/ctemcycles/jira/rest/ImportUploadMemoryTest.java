package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.testing.HarnessProcess;
import org.ctemcycles.testing.RestHarness;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A report upload streams through the server in bounded memory: the server runs in a JVM of its own with a
 * {@value #HEAP_MB} MB heap, and is sent a report several times that size, made up on the fly as it is sent (so the
 * test holds it nowhere either). The report is imported whole, and the server's heap use, sampled throughout, is
 * printed for BENCHMARKS.md.
 */
public class ImportUploadMemoryTest {

    static final int HEAP_MB = 32;
    /** Each observation's evidence, so that a few tens of thousands of lines make hundreds of megabytes. */
    private static final int EVIDENCE_CHARS = 8000;
    private static final long REPORT_BYTES = 5L * HEAP_MB << 19; // two and a half heaps

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Process server;

    @After
    public void stopServer() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    public void aReportTwoAndAHalfTimesTheServersHeapIsImportedWhole() throws Exception {
        Path serverErr = folder.newFile("server.err").toPath();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", classPath, HarnessProcess.class.getName())
                .redirectError(serverErr.toFile()).start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String ready = serverOut.readLine();
        assertTrue("the server did not start: " + ready + "\n" + Files.readString(serverErr),
                ready != null && ready.startsWith("READY "));
        String[] words = ready.split(" ");
        URI base = URI.create("http://127.0.0.1:" + words[1] + RestHarness.BASE_PATH);
        long maxHeap = Long.parseLong(words[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve(base.getPath() + "/cycles"))
                .header(RestHarness.USER_HEADER, "lead").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"BIG-1\",\"name\":\"Big\",\"start\":\"2026-10-01\","
                        + "\"plannedEnd\":\"2026-12-31\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(created.body(), 201, created.statusCode());

        GeneratedUpload upload = new GeneratedUpload(REPORT_BYTES);
        long start = System.nanoTime();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/cycles/BIG-1/imports"))
                        .timeout(Duration.ofMinutes(5))
                        .header(RestHarness.USER_HEADER, "lead").header("X-Atlassian-Token", "no-check")
                        .header("Content-Type", "multipart/form-data; boundary=" + GeneratedUpload.BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> upload)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(reply.body(), 200, reply.statusCode());
        JsonObject file = JsonParser.parseString(reply.body()).getAsJsonObject().getAsJsonArray("files").get(0)
                .getAsJsonObject();
        assertEquals(upload.lines, file.get("observations").getAsInt());
        assertEquals("identical observations merge into one finding", 1, file.get("newFindings").getAsInt());
        assertTrue("the upload (" + upload.sent + " bytes) must be larger than the server could hold twice ("
                + maxHeap + " bytes of heap)", upload.sent > 2 * maxHeap);

        OutputStream control = server.getOutputStream();
        control.write('\n');
        control.flush();
        String heap = serverOut.readLine();
        assertTrue(heap, heap != null && heap.startsWith("HEAP "));
        String[] used = heap.split(" ");
        System.err.printf("[ctem] upload of %.1f MB (%d observations) into a server with a %.1f MB heap: %.1f s;"
                        + " highest heap use sampled %.1f MB, old generation peak %.1f MB%n", upload.sent / 1048576.0,
                upload.lines, maxHeap / 1048576.0, seconds, Long.parseLong(used[1]) / 1048576.0,
                Long.parseLong(used[2]) / 1048576.0);
        assertTrue(heap, Long.parseLong(used[1]) <= maxHeap);
        assertEquals(0, server.waitFor());
        server = null;
    }

    /**
     * A multipart body of one ctem-jsonl report of identical observations (one finding), written line by line as it
     * is read: nothing but the current line is ever held.
     */
    static final class GeneratedUpload extends InputStream {

        static final String BOUNDARY = "ctem-memory-test";
        private static final byte[] HEAD = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"bulk.jsonl\"\r\nContent-Type: application/x-ndjson\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        private final long reportBytes;
        private byte[] current = HEAD;
        private int at;
        private long reportSent;
        private boolean tailQueued;
        int lines;
        long sent;

        GeneratedUpload(long reportBytes) {
            this.reportBytes = reportBytes;
        }

        private boolean advance() {
            while (at == current.length) {
                if (reportSent < reportBytes) {
                    current = line(++lines);
                    reportSent += current.length;
                } else if (!tailQueued) {
                    tailQueued = true;
                    current = TAIL;
                } else {
                    return false;
                }
                at = 0;
            }
            return true;
        }

        private static byte[] line(int number) {
            String evidence = ("observation " + number + " ").repeat(EVIDENCE_CHARS / 16);
            return ("{\"sourceKind\":\"EXTERNAL_SCAN\",\"tool\":\"bulk-scanner\",\"ruleId\":\"BULK-1\","
                    + "\"severity\":\"HIGH\",\"title\":\"The same exposure, reported again\",\"asset\":{\"kind\":"
                    + "\"HOST\",\"value\":\"web01.example.com\"},\"location\":\"443/tcp\",\"evidence\":\"" + evidence
                    + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            if (!advance()) {
                return -1;
            }
            sent++;
            return current[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            sent += n;
            return n;
        }
    }
}
