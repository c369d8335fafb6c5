package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.cli.Ctem;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.refused;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * One whole CTEM cycle through the REST API alone, over real HTTP, as a security lead's script would drive it, with
 * the demo's scanner reports and feeds on a clock that moves through the quarter: a cycle of project SEC is opened
 * and scoped, reports and feeds are uploaded, the register is prioritised, validated (one finding confirmed, one
 * refuted), mobilised into the tracker, checkpointed, resolved and retested, closed and handed over; the evidence
 * pack downloads in its four renderings with every item present; then {@code ctem import --server} pushes a report
 * into the next cycle, as a CI pipeline would. Every check reads what a user of the API would see: statuses, JSON
 * fields, the log's entries, the pack's contents. No gate is overridden: the work done meets each one. On H2 and
 * PostgreSQL.
 */
@RunWith(Parameterized.class)
public class RestCycleEndToEndTest {

    private static final String Q4 = "CTEM-2026-Q4";
    private static final String Q1 = "CTEM-2027-Q1";
    private static final Path DEMO = Path.of("demo");
    /** A row of the HTML pack's table of evidence items: number, item, description, status badge. */
    private static final Pattern ITEM_ROW = Pattern.compile(
            "<tr><td>\\d+</td><td><a href=\"#[a-z-]+\">[^<]+</a></td><td>[^<]*</td><td><span class=\"badge (\\w+)\">");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final MutableClock clock = MutableClock.on("2026-10-01");
    @Rule
    public final RestHarness api;
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    public RestCycleEndToEndTest(TestDatabase database) {
        api = new RestHarness(database, clock);
    }

    @Test
    public void aWholeCycleRunsThroughTheRestApiAndTheNextCycleTakesAReportPushedByTheCommand() throws Exception {
        // 1 October: the lead opens the quarter's cycle in SEC and scopes it
        Reply opened = api.post("lead", "/cycles", """
                {"key":"CTEM-2026-Q4","name":"Q4 payments and identity","projectKey":"SEC",
                 "objective":"Cut exploitable exposure on payment and identity surfaces",
                 "start":"2026-10-01","plannedEnd":"2026-12-31","checkpointIntervalDays":7}""");
        JsonObject cycle = ok(201, opened);
        assertTrue(opened.location(), opened.location().endsWith("/cycles/" + Q4));
        assertEquals("SCOPING", text(cycle, "stage"));
        assertEquals("SEC", text(cycle, "projectKey"));
        JsonObject gate = ok(200, api.get("lead", q4("/stage")));
        assertFalse("nothing is scoped yet", gate.get("met").getAsBoolean());

        JsonObject scope = ok(200, api.put("lead", q4("/scope"), """
                {"successCriteria":"No KEV-listed exposure open past its due date","checkpointIntervalDays":14}"""));
        assertEquals(14, scope.get("checkpointIntervalDays").getAsInt());
        assertTrue(scope.get("editable").getAsBoolean());
        ok(201, api.post("lead", q4("/surfaces"), """
                {"key":"PAYMENTS-API","name":"Payments API","kind":"customer-facing-system","businessOwner":"alice",
                 "criticality":"critical","exposure":"internet-facing","successCriterion":"No exploitable critical",
                 "rules":["host:*.pay.example.com","host:api.pay.example.com","url:https://api.pay.example.com/",
                          "image:registry.example.com/payments/*"]}"""));
        ok(201, api.post("lead", q4("/surfaces"), """
                {"key":"DATA-PIPELINE","name":"Customer data pipeline","kind":"regulated-data-flow",
                 "businessOwner":"bob","criticality":"high","exposure":"internal",
                 "successCriterion":"Every high code finding owned",
                 "rules":["ip:10.20.0.0/16","repo:https://github.com/example/data-pipeline"]}"""));
        ok(201, api.post("lead", q4("/surfaces"), """
                {"key":"WORKFORCE-IDENTITY","name":"Workforce identity","kind":"identity-surface",
                 "businessOwner":"carol","criticality":"critical","exposure":"internet-facing",
                 "successCriterion":"VPN and SSO patched within KEV due dates",
                 "rules":["host:sso.example.com","host:vpn.example.com"]}"""));
        JsonObject surfaces = ok(200, api.get("lead", q4("/surfaces")));
        assertEquals(List.of("DATA-PIPELINE", "PAYMENTS-API", "WORKFORCE-IDENTITY"),
                texts(items(surfaces), "key"));
        assertEquals("alice", text(items(surfaces).get(1), "businessOwner"));
        gate = ok(200, api.get("lead", q4("/stage")));
        assertTrue(gate.toString(), gate.get("met").getAsBoolean());
        assertEquals("DISCOVERY", advance().get("to").getAsString());

        // 9 October: the scans of the week and the feeds go in
        clock.setDay("2026-10-09");
        Reply imported = upload(Q4, new MultipartBody()
                .file("codeql-data-pipeline.sarif", demo("reports/codeql-data-pipeline.sarif"))
                .file("nessus-authenticated-2026-10-06.nessus", demo("reports/nessus-authenticated-2026-10-06.nessus")));
        JsonObject imports = ok(200, imported);
        JsonArray files = imports.getAsJsonArray("files");
        assertEquals("sarif", text(files.get(0).getAsJsonObject(), "format"));
        assertEquals("nessus", text(files.get(1).getAsJsonObject(), "format"));
        int enrolled = 0;
        for (JsonElement file : files) {
            assertFalse(file.toString(), file.getAsJsonObject().get("alreadyImported").getAsBoolean());
            enrolled += file.getAsJsonObject().getAsJsonObject("register").get("enrolled").getAsInt();
        }
        assertEquals(2, imports.getAsJsonObject("summary").get("imported").getAsInt());
        List<JsonObject> register = all(q4("/register"));
        assertEquals("every in-scope finding entered the register", enrolled, register.size());
        assertTrue(register.stream().allMatch(e -> text(e, "status").equals("OPEN")));
        assertEquals(2, items(ok(200, api.get("lead", q4("/runs")))).size());
        JsonObject uploadedAgain = ok(200, upload(Q4, new MultipartBody()
                .file("again.nessus", demo("reports/nessus-authenticated-2026-10-06.nessus"))));
        assertTrue("the same report twice changes nothing", uploadedAgain.getAsJsonArray("files").get(0)
                .getAsJsonObject().get("alreadyImported").getAsBoolean());

        JsonObject epss = ok(200, api.send("lead", api.request("/feeds/epss?source=epss_scores-2026-10-09.csv")
                .header("Content-Type", "text/csv").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofByteArray(demo("feeds/epss_scores-2026-10-09.csv")))));
        assertEquals("ACTIVE", text(epss, "status"));
        JsonObject kev = ok(200, api.send("lead", MultipartBody.post(api.request("/feeds/kev"), new MultipartBody()
                .file("known_exploited_vulnerabilities.json", demo("feeds/known_exploited_vulnerabilities.json"))
                .bytes())));
        assertEquals("ACTIVE", text(kev, "status"));
        JsonObject feeds = ok(200, api.get("lead", "/feeds"));
        assertEquals(text(epss, "id"), text(feeds.getAsJsonObject("epss").getAsJsonObject("active"), "id"));
        assertEquals(text(kev, "id"), text(feeds.getAsJsonObject("kev").getAsJsonObject("active"), "id"));

        // 10 October: prioritised, the queue read with its rationale
        clock.setDay("2026-10-10");
        assertEquals("PRIORITISATION", advance().get("to").getAsString());
        Reply early = api.post("lead", q4("/stage"), "{}");
        refused(409, "gate-not-met", early);
        assertTrue(early.body(), early.body().contains("findings have no priority decision"));
        JsonObject ranking = ok(200, api.post("lead", q4("/queue"), "{}"));
        assertEquals(register.size(), ranking.get("findings").getAsInt());
        List<JsonObject> queue = all(q4("/queue"));
        assertEquals(register.size(), queue.size());
        JsonObject top = queue.get(0);
        assertEquals(1, top.get("rank").getAsInt());
        assertEquals("CRITICAL", text(top, "tier"));
        assertTrue(top.toString(), text(top, "rationale").contains("CISA KEV"));
        assertTrue("the decision names the feeds it read", top.getAsJsonArray("feeds").toString()
                .contains(text(kev, "version")));
        assertEquals("VALIDATION", advance().get("to").getAsString());

        // 13 October: the top finding confirmed by exploitation, the last refuted
        clock.setDay("2026-10-13");
        String confirmed = text(top, "key");
        String refuted = text(queue.get(queue.size() - 1), "key");
        int refutedScore = queue.get(queue.size() - 1).get("score").getAsInt();
        JsonObject validation = ok(200, api.post("lead", q4("/validations"), """
                {"finding":"%s","method":"exploit-reproduction","outcome":"exploitable-confirmed",
                 "notes":"JNDI lookup reproduced from the internet","evidence":["PENTEST-2026-42"]}"""
                .formatted(confirmed)));
        assertEquals("EXPLOITABLE_CONFIRMED", text(validation, "outcome"));
        validation = ok(200, api.post("lead", q4("/validations"), """
                {"finding":"%s","method":"attack-path-analysis","outcome":"not-exploitable",
                 "notes":"no path from any entry point"}""".formatted(refuted)));
        assertEquals("OPEN", text(validation, "statusBefore"));
        assertEquals("FALSE_POSITIVE", text(validation, "statusAfter"));
        assertEquals(2, all(q4("/validations")).size());
        ok(200, api.post("lead", q4("/queue"), "{}"));
        assertTrue("a refuted finding drops in the next ranking",
                decision(refuted).get("score").getAsInt() < refutedScore);
        assertEquals("MOBILISATION", advance().get("to").getAsString());

        // 15 October: every finding still open is mobilised into the tracker; the first checkpoint
        clock.setDay("2026-10-15");
        List<String> open = texts(all(q4("/register?status=open")), "finding");
        assertEquals(register.size() - 1, open.size());
        JsonObject mobilised = ok(200, api.post("lead", q4("/register/mobilise"), """
                {"findings":%s,"owner":"dave","deadline":"2026-11-30","changeRecord":"CHG-2026-1001",
                 "verificationStep":"rescan the surface and retest"}""".formatted(jsonArray(open))));
        List<JsonObject> entries = items(mobilised);
        assertEquals(open.size(), entries.size());
        List<String> issues = texts(entries, "trackerIssue");
        assertTrue(issues.toString(), issues.stream().allMatch(i -> i.matches("SEC-\\d+")));
        assertEquals("one tracker issue per finding", open.size(), issues.stream().distinct().count());
        assertEquals(open.size(), api.tracker.issues().size());
        JsonObject entry = ok(200, api.get("engineer", q4("/findings/" + confirmed))).getAsJsonObject("register");
        assertEquals("dave", text(entry, "owner"));
        assertEquals("2026-11-30", text(entry, "deadline"));
        JsonObject checkpoint = ok(200, api.post("lead", q4("/checkpoints"), "{\"notes\":\"all residual findings"
                + " owned\"}"));
        assertEquals("2026-10-15", text(checkpoint, "heldOn"));
        assertEquals("2026-10-15", text(checkpoint, "plannedFor"));

        // 20 November: the engineer's fix, then the retest that verifies it
        clock.setDay("2026-11-20");
        JsonObject resolved = ok(200, api.put("lead", q4("/register/" + confirmed + "/status"),
                "{\"status\":\"resolved\",\"note\":\"patched to log4j 2.17.1\"}"));
        assertEquals("RESOLVED", text(resolved, "status"));
        validation = ok(200, api.post("lead", q4("/validations"), """
                {"finding":"%s","method":"retest","outcome":"retest-passed","notes":"exploit no longer works"}"""
                .formatted(confirmed)));
        assertEquals("VERIFIED", text(validation, "statusAfter"));
        JsonObject schedule = ok(200, api.get("auditor", q4("/checkpoints")));
        assertTrue(schedule.toString(), texts(schedule.getAsJsonArray("missed")).contains("2026-10-29"));

        // 31 December: closed, handed over with the residual queue
        clock.setDay("2026-12-31");
        JsonObject closure = ok(200, api.post("lead", q4("/closure"), "{}"));
        assertEquals(List.of(confirmed), texts(closure.getAsJsonArray("delivered")));
        assertEquals(List.of(refuted), texts(closure.getAsJsonArray("falsePositives")));
        List<String> carried = texts(closure.getAsJsonArray("carriedOver"));
        assertEquals(register.size() - 2, carried.size());
        assertEquals("CLOSED", text(ok(200, api.get("auditor", "/cycles/" + Q4)), "stage"));
        Reply frozen = api.post("lead", q4("/checkpoints"), "{}");
        assertEquals(frozen.toString(), 400, frozen.status());
        assertTrue(frozen.body(), frozen.body().contains("is closed"));

        JsonObject handover = ok(200, api.post("lead", q4("/handover"), """
                {"newCycle":{"key":"CTEM-2027-Q1","name":"Q1 payments and identity","start":"2027-01-01",
                 "plannedEnd":"2027-03-31","objective":"Burn down the residual queue"},"carryScope":true}"""));
        assertEquals(carried.size(), handover.get("inherited").getAsInt());
        assertEquals(List.of("DATA-PIPELINE", "PAYMENTS-API", "WORKFORCE-IDENTITY"),
                texts(handover.getAsJsonArray("carriedScope")).stream().sorted().toList());
        JsonObject next = handover.getAsJsonObject("next");
        assertEquals(Q1, text(next, "key"));
        assertEquals(Q4, text(next, "predecessor"));
        assertEquals("SEC", text(next, "projectKey"));
        List<JsonObject> inherited = all("/cycles/" + Q1 + "/register");
        assertEquals(carried.stream().sorted().toList(), texts(inherited, "finding").stream().sorted().toList());
        assertTrue(inherited.stream().allMatch(e -> text(e, "carriedFrom").equals(Q4)
                && text(e, "trackerIssue").matches("SEC-\\d+") && text(e, "owner").equals("dave")));
        assertEquals(Q1, text(ok(200, api.get("auditor", q4("/cadence"))), "nextCycle"));

        // the evidence pack, as the auditor downloads it
        JsonObject pack = JsonParser.parseString(download("evidence.json", "application/json",
                Q4 + "-evidence-pack.json")).getAsJsonObject();
        Map<String, Boolean> present = new LinkedHashMap<>();
        pack.getAsJsonArray("items").forEach(i -> present.put(text(i.getAsJsonObject(), "item"),
                i.getAsJsonObject().get("present").getAsBoolean()));
        assertEquals(present.toString(), 9, present.size());
        assertFalse("9 of 9 evidence items present: " + present, present.containsValue(false));
        assertEquals(register.size(), pack.getAsJsonArray("findings").size());
        String html = download("evidence.html", "text/html", Q4 + "-evidence-pack.html");
        assertTrue(html.contains("<h2><span class=\"num\">1</span> Evidence items and control mappings</h2>"));
        List<String> statuses = new ArrayList<>();
        Matcher row = ITEM_ROW.matcher(html);
        while (row.find()) {
            statuses.add(row.group(1));
        }
        assertEquals("the items table marks each of the 9 present", Collections.nCopies(9, "present"), statuses);
        assertFalse(html.contains("Missing:"));
        assertTrue(html.contains(confirmed) && html.contains("Q4 payments and identity"));
        JsonObject vex = JsonParser.parseString(download("evidence.vex.json", "application/vnd.cyclonedx+json",
                Q4 + "-vex.cdx.json")).getAsJsonObject();
        assertEquals("CycloneDX", text(vex, "bomFormat"));
        assertEquals("the VEX states the two validated findings", 2, vex.getAsJsonArray("vulnerabilities").size());
        assertTrue(vex.toString(), vex.toString().contains("\"state\":\"not_affected\""));
        Map<String, String> csv = unzip(downloadBytes("evidence.csv.zip", "application/zip",
                Q4 + "-evidence-csv.zip"));
        assertEquals(PackCsv.FILES, new ArrayList<>(csv.keySet()));
        assertEquals(register.size() + 1, csv.get("mobilisation-register.csv").lines().count());
        assertTrue(csv.get("validation.csv").contains("EXPLOITABLE_CONFIRMED"));
        CommandRun downloaded = ctem("report", "--server", api.jiraUrl().toString(), "--token", api.token("auditor"),
                "--cycle", Q4, "--out", folder.getRoot().toPath().resolve("pack").toString());
        assertEquals(downloaded.err(), 0, downloaded.status());
        assertTrue(downloaded.out(), downloaded.out().contains("Evidence items present: 9 of 9"));

        // the log tells the story, and its chain verifies
        List<JsonObject> log = all(q4("/log"));
        List<String> actions = texts(log, "action");
        for (String action : List.of("CYCLE_OPENED", "SCOPE_RECORDED", "SURFACE_ADDED", "STAGE_ADVANCED", "IMPORTED",
                "FINDINGS_ENROLLED", "DECISION_RECORDED", "VALIDATION_RECORDED", "MOBILISED", "CHECKPOINT_RECORDED",
                "STATUS_CHANGED", "CYCLE_CLOSED", "HANDED_OVER")) {
            assertTrue(action + " in " + actions, actions.contains(action));
        }
        assertEquals("two imports logged once each, the repeated upload not at all", 2,
                actions.stream().filter("IMPORTED"::equals).count());
        assertTrue(log.stream().allMatch(e -> text(e, "actor").equals(RecordApi.LEAD_KEY)));
        JsonObject verified = ok(200, api.get("auditor", q4("/log/verification")));
        assertTrue(verified.toString(), verified.get("intact").getAsBoolean());
        assertEquals(log.size(), verified.get("entries").getAsInt());

        // 4 January: the next cycle is scoped and started, and CI pushes a scan into it with ctem --server
        clock.setDay("2027-01-04");
        ok(200, api.put("lead", "/cycles/" + Q1 + "/scope", "{\"successCriteria\":\"Residual queue halved\"}"));
        assertEquals("DISCOVERY", ok(200, api.post("lead", "/cycles/" + Q1 + "/stage", "{}")).get("to")
                .getAsString());
        int before = all("/cycles/" + Q1 + "/findings").size();
        Path report = Files.copy(DEMO.resolve("reports/nuclei-identity-edge.jsonl"),
                folder.getRoot().toPath().resolve("nuclei-identity-edge.jsonl"));
        String token = api.token("lead");
        CommandRun ctem = ctem("import", "--server", api.jiraUrl().toString(), "--token", token, "--cycle", Q1,
                report.toString());
        assertEquals(ctem.err(), 0, ctem.status());
        JsonObject line = JsonParser.parseString(ctem.out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertEquals("nuclei", text(line, "format"));
        assertFalse(line.get("alreadyImported").getAsBoolean());
        List<JsonObject> findings = all("/cycles/" + Q1 + "/findings");
        assertTrue(findings.size() > before);
        assertTrue("the pushed scan's findings are in the next cycle: " + findings, findings.stream()
                .anyMatch(f -> f.toString().contains("vpn.example.com")));
        assertTrue(texts(all("/cycles/" + Q1 + "/runs"), "file").contains("nuclei-identity-edge.jsonl"));
        assertNotEquals(ctem.out(), -1, ctem.out().indexOf("\"imported\":1"));
    }

    // ----- what the test does as a client -----

    private static String q4(String path) {
        return "/cycles/" + Q4 + path;
    }

    private JsonObject advance() {
        return ok(200, api.post("lead", q4("/stage"), "{}"));
    }

    private Reply upload(String cycle, MultipartBody body) {
        return api.send("lead", MultipartBody.post(api.request("/cycles/" + cycle + "/imports"), body.bytes()));
    }

    private static byte[] demo(String file) throws IOException {
        return Files.readAllBytes(DEMO.resolve(file));
    }

    /** The newest decision of a finding in the queue. */
    private JsonObject decision(String finding) {
        return all(q4("/queue")).stream().filter(d -> text(d, "key").equals(finding)).findFirst()
                .orElseThrow(() -> new AssertionError(finding + " is not in the queue"));
    }

    /** Every item of a paged list, as the lead reads it, 50 at a time. */
    private List<JsonObject> all(String path) {
        List<JsonObject> all = new ArrayList<>();
        String after = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonObject page = ok(200, api.get("lead", path + separator + "limit=50"
                    + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, StandardCharsets.UTF_8))));
            all.addAll(items(page));
            after = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
        } while (after != null);
        return all;
    }

    private static List<JsonObject> items(JsonObject page) {
        List<JsonObject> items = new ArrayList<>();
        page.getAsJsonArray("items").forEach(i -> items.add(i.getAsJsonObject()));
        return items;
    }

    private static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static String jsonArray(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array.toString();
    }

    /** A rendering of the evidence pack as the auditor downloads it: its type and file name checked. */
    private String download(String rendering, String type, String fileName) throws IOException, InterruptedException {
        return new String(downloadBytes(rendering, type, fileName), StandardCharsets.UTF_8);
    }

    private byte[] downloadBytes(String rendering, String type, String fileName)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(api.request(q4("/" + rendering))
                .header(RestHarness.USER_HEADER, "auditor").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(rendering, 200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertEquals("attachment; filename=\"" + fileName + "\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        return response.body();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private record CommandRun(int status, String out, String err) {
    }

    /** The {@code ctem} command as a CI job runs it, on the test's clock. */
    private CommandRun ctem(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toPath().resolve("home").toString()), clock)
                .run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
