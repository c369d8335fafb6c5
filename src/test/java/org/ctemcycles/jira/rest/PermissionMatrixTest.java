package org.ctemcycles.jira.rest;

import com.google.gson.Gson;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.store.CheckpointEntity;
import org.ctemcycles.store.CycleEntity;
import org.ctemcycles.store.DecisionEntity;
import org.ctemcycles.store.DiscoveryRunEntity;
import org.ctemcycles.store.FeedVersionEntity;
import org.ctemcycles.store.LogEntryEntity;
import org.ctemcycles.store.RecommendationEntity;
import org.ctemcycles.store.RegisterEntryEntity;
import org.ctemcycles.store.SourceEntity;
import org.ctemcycles.store.SourceRunEntity;
import org.ctemcycles.store.SurfaceEntity;
import org.ctemcycles.store.ValidationEntity;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every endpoint of the REST API for every kind of caller, over HTTP: anonymous, a licensed user with no role
 * (outsider), an engineer (browses SEC), an auditor, a security lead (group), a Jira administrator, and a member of
 * the security-lead project role, for a cycle of their project (SEC) and of another (OPS). Each cell is asserted: the
 * status the table below says (the success status of the row's request when the caller may), the error code of a
 * refusal, the answer against docs/openapi.yaml (documented status, schema), and for every refusal that nothing of
 * the record changed. The endpoints are the resources' ({@link ResourceEndpoints}): one without a row fails.
 *
 * <p>One fixture serves every cell: a cycle of SEC in Mobilisation with surfaces, an uploaded report, a ranking, a
 * validation, a mobilised finding and a checkpoint; one in Scoping; one closed; one of OPS; loaded feeds. Changes a
 * caller may make only once (moving a stage, closing, handing over, mobilising a finding) get a fresh cycle or
 * finding per permitted caller, so each permitted cell makes the change for real; refused cells aim at the shared
 * fixture. H2 only: the happy paths on PostgreSQL are the resources' own tests.
 *
 * <p>The tables {@link #GRID} and {@link #rows()} are docs/permissions.md's "Every REST endpoint"; the test checks
 * that the document says the same, and that the OpenAPI document's {@code x-ctem-access} does.
 */
public class PermissionMatrixTest {

    /** What an endpoint needs, as docs/permissions.md and the OpenAPI document's x-ctem-access name it. */
    enum Access {
        /** Any logged-in user (the answer holds what they may see). */
        SIGNED_IN,
        /** Open a cycle in the project the request names. */
        OPEN_CYCLES,
        VIEW,
        READ_WORK,
        READ_EVIDENCE,
        RUN,
        /** RUN on the cycle, and open cycles in the project the request names (moving, handing over to a new one). */
        RUN_AND_OPEN,
        LOAD_FEEDS,
        /** Configure the app itself (its custom fields): Jira administrators only. */
        CONFIGURE
    }

    /** The columns: who calls, and the project of the cycle (or of the cycle opened) the request is about. */
    enum Caller {
        ANONYMOUS(null, "SEC"),
        OUTSIDER("outsider", "SEC"),
        ENGINEER("engineer", "SEC"),
        AUDITOR("auditor", "SEC"),
        LEAD("lead", "SEC"),
        ADMIN("admin", "SEC"),
        PROJECT_LEAD("project-lead", "SEC"),
        PROJECT_LEAD_ELSEWHERE("project-lead", "OPS");

        final String user;
        final String project;

        Caller(String user, String project) {
            this.user = user;
            this.project = project;
        }
    }

    /**
     * Access by caller: "yes" (the row's success status), or the refusal's status. docs/permissions.md has this
     * table word for word.
     */
    static final String GRID = """
            access        anonymous outsider engineer auditor lead admin project-lead project-lead-elsewhere
            SIGNED_IN     401       yes      yes      yes     yes  yes   yes          yes
            OPEN_CYCLES   401       403      403      403     yes  yes   yes          403
            VIEW          401       404      yes      yes     yes  yes   yes          404
            READ_WORK     401       404      yes      yes     yes  yes   yes          404
            READ_EVIDENCE 401       404      403      yes     yes  yes   yes          404
            RUN           401       404      403      403     yes  yes   yes          404
            RUN_AND_OPEN  401       404      403      403     yes  yes   yes          404
            LOAD_FEEDS    401       403      403      403     yes  yes   403          403
            CONFIGURE     401       403      403      403     403  yes   403          403
            """;
    private static final int YES = 0;
    private static final Map<Access, Map<Caller, Integer>> EXPECTED = grid();

    /** Which cycle a row's request is about in SEC; the FRESH ones are made anew for each caller who may. */
    enum Subject { NONE, RUNNING, SCOPING, CLOSED, FRESH_SCOPING, FRESH_MOBILISATION, FRESH_CLOSED, FRESH_HANDED_OVER }

    /** One endpoint's row: the access it needs, its request, and what it answers a caller who may. */
    record Row(Access access, int success, Subject subject, boolean freshFinding, Function<Target, Body> body,
               boolean freshSource) {

        Row(Access access, int success, Subject subject, boolean freshFinding, Function<Target, Body> body) {
            this(access, success, subject, freshFinding, body, false);
        }
    }

    /** What one cell's request is about. */
    record Target(String cycle, String finding, String project, int n, String source) {
        String path(String template) {
            return template.replace("{key}", cycle).replace("{finding}", finding).replace("{surface}", "WEB")
                    .replace("{run}", run).replace("{source}", source);
        }
    }

    /** How a request carries its body. */
    interface Body {
        HttpRequest.Builder write(HttpRequest.Builder request, String method);
    }

    @ClassRule
    public static final RestHarness API = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-20"));

    private static final String RUNNING = "SEC-RUN";
    private static final String SCOPING = "SEC-SCOPE";
    private static final String CLOSED = "SEC-DONE";
    private static final String ELSEWHERE = "OPS-RUN";
    private static final Path EPSS = Path.of("demo/feeds/epss_scores-2026-10-09.csv");
    private static final Path KEV = Path.of("demo/feeds/known_exploited_vulnerabilities.json");

    private static byte[] report;
    private static String sharedFinding;
    /** A mobilisation run of the running cycle (of its shared finding). */
    private static String run;
    /** A discovery source of the running cycle (a folder under the shared home's ctem/sources/). */
    private static String sharedSource;
    private static final Deque<String> FRESH_FINDINGS = new ArrayDeque<>();
    private static int serial;

    @BeforeClass
    public static void theFixture() {
        new CtemSettings(API.jira.settingsFactory).setSecurityLeadRole(FakeJira.LEAD_ROLE);
        RecordApi.ok(200, API.send("lead", raw("/feeds/epss", "text/csv", read(EPSS))));
        RecordApi.ok(200, API.send("lead", raw("/feeds/kev", "application/json", read(KEV))));

        open(RUNNING, "SEC");
        RecordApi.ok(200, API.put("lead", "/cycles/" + RUNNING + "/scope",
                "{\"successCriteria\":\"No KEV older than 14 days on WEB\"}"));
        RecordApi.ok(201, API.post("lead", "/cycles/" + RUNNING + "/surfaces", """
                {"key":"WEB","name":"Web tier","kind":"customer-facing system","businessOwner":"alice",
                 "criticality":"critical","exposure":"internet-facing","successCriterion":"No exploitable KEV",
                 "rules":["host:*.corp.example"]}"""));
        report = report();
        RecordApi.ok(200, API.send("lead", upload(RUNNING)));
        advance(RUNNING, 4);
        RecordApi.ok(200, API.post("lead", "/cycles/" + RUNNING + "/queue", "{}"));
        List<String> findings = new ArrayList<>();
        API.services().record().pages().register(RUNNING).forEach(entry -> findings.add(entry.findingKey()));
        sharedFinding = findings.get(0);
        FRESH_FINDINGS.addAll(findings.subList(1, findings.size()));
        RecordApi.ok(200, API.post("lead", "/cycles/" + RUNNING + "/validations", "{\"finding\":\"" + sharedFinding
                + "\",\"method\":\"manual-test\",\"outcome\":\"exploitable-confirmed\",\"evidence\":[\"PT-7\"]}"));
        RecordApi.ok(200, API.post("lead", "/cycles/" + RUNNING + "/register/mobilise", "{\"findings\":[\""
                + sharedFinding + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-08-01\","
                + "\"verificationStep\":\"rescan web01\"}"));
        RecordApi.ok(200, API.post("lead", "/cycles/" + RUNNING + "/checkpoints", "{\"notes\":\"first week\"}"));
        run = RecordApi.ok(202, API.post("lead", "/cycles/" + RUNNING + "/mobilisations", "{\"findings\":[\""
                + sharedFinding + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-08-01\","
                + "\"verificationStep\":\"rescan\"}"))
                .getAsJsonObject().get("id").getAsString();

        try {
            Files.createDirectories(API.jiraIssues.sharedHome.resolve("ctem").resolve("sources").resolve("drop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sharedSource = newSource();

        open(SCOPING, "SEC");
        open(CLOSED, "SEC");
        advance(CLOSED, 4);
        RecordApi.ok(200, API.post("lead", "/cycles/" + CLOSED + "/closure", OVERRIDE));
        open(ELSEWHERE, "OPS");
    }

    private static final String OVERRIDE = "{\"override\":{\"reason\":\"set up by the permission matrix\"}}";

    /** Every endpoint's row. */
    static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("GET /cycles", read(Access.SIGNED_IN, Subject.NONE));
        rows.put("POST /cycles", new Row(Access.OPEN_CYCLES, 201, Subject.NONE, false, t -> json("{\"key\":\"M-"
                + t.n() + "\",\"name\":\"opened by the matrix\",\"start\":\"2026-07-01\",\"plannedEnd\":\"2026-09-30\","
                + "\"projectKey\":\"" + t.project() + "\"}")));
        rows.put("GET /cycles/{key}", read(Access.VIEW, Subject.RUNNING));
        rows.put("PUT /cycles/{key}/project", write(Access.RUN_AND_OPEN, Subject.RUNNING, t -> json(
                "{\"projectKey\":\"SEC\"}")));
        rows.put("GET /cycles/{key}/scope", read(Access.VIEW, Subject.RUNNING));
        rows.put("PUT /cycles/{key}/scope", write(Access.RUN, Subject.SCOPING, t -> json("{\"objective\":\"Goal "
                + t.n() + "\"}")));
        rows.put("GET /cycles/{key}/surfaces", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/surfaces", new Row(Access.RUN, 201, Subject.RUNNING, false, t -> json(
                "{\"key\":\"S" + t.n() + "\",\"name\":\"Surface " + t.n() + "\",\"kind\":\"business process\"}")));
        rows.put("GET /cycles/{key}/surfaces/{surface}", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("PUT /cycles/{key}/surfaces/{surface}", write(Access.RUN, Subject.RUNNING, t -> json(
                "{\"businessOwner\":\"owner " + t.n() + "\"}")));
        rows.put("GET /cycles/{key}/stage", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/stage", write(Access.RUN, Subject.FRESH_SCOPING, t -> json(OVERRIDE)));
        rows.put("POST /cycles/{key}/imports", write(Access.RUN, Subject.RUNNING, t -> multipart(report)));
        rows.put("GET /cycles/{key}/findings", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/findings/{finding}", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/findings/{finding}/history", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/coverage", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/runs", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/queue", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/queue", write(Access.RUN, Subject.RUNNING, t -> json("{}")));
        rows.put("GET /cycles/{key}/validations", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("POST /cycles/{key}/validations", write(Access.RUN, Subject.RUNNING, t -> json("{\"finding\":\""
                + t.finding() + "\",\"method\":\"manual-test\",\"outcome\":\"mitigated-by-control\"}")));
        rows.put("GET /cycles/{key}/register", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/register/mobilise", new Row(Access.RUN, 200, Subject.RUNNING, true, t -> json(
                "{\"findings\":[\"" + t.finding() + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-08-15\","
                        + "\"verificationStep\":\"rescan\"}")));
        // a run of the shared finding, mobilised already: it opens no issue (the record's counts stay as they were)
        rows.put("POST /cycles/{key}/mobilisations", new Row(Access.RUN, 202, Subject.RUNNING, false, t -> json(
                "{\"findings\":[\"" + t.finding() + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-08-01\","
                        + "\"verificationStep\":\"rescan\"}")));
        rows.put("GET /cycles/{key}/mobilisations/{run}", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/mobilisations/{run}/items", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("GET /cycles/{key}/tracker", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("PUT /cycles/{key}/tracker", write(Access.RUN, Subject.RUNNING, t -> json("{\"labels\":[\"ctem\","
                + "\"m" + t.n() + "\"]}")));
        rows.put("POST /cycles/{key}/tracker/reconcile", write(Access.RUN, Subject.RUNNING, t -> xsrf()));
        rows.put("PUT /cycles/{key}/register/{finding}/status", new Row(Access.RUN, 200, Subject.RUNNING, true,
                t -> json("{\"status\":\"in-progress\"}")));
        rows.put("POST /cycles/{key}/register/{finding}/acceptance", new Row(Access.RUN, 200, Subject.RUNNING, true,
                t -> json("{\"owner\":\"JIRAUSER10000\",\"compensatingControl\":\"WAF rule 942100\","
                        + "\"expiry\":\"2026-12-31\"}")));
        rows.put("GET /cycles/{key}/checkpoints", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/checkpoints", write(Access.RUN, Subject.RUNNING, t -> json("{\"notes\":\"n"
                + t.n() + "\"}")));
        rows.put("GET /cycles/{key}/closure", read(Access.READ_WORK, Subject.CLOSED));
        rows.put("POST /cycles/{key}/closure", write(Access.RUN, Subject.FRESH_MOBILISATION, t -> json(OVERRIDE)));
        rows.put("GET /cycles/{key}/cadence", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/handover", write(Access.RUN_AND_OPEN, Subject.FRESH_CLOSED, t -> json(
                "{\"newCycle\":{\"key\":\"N-" + t.n() + "\",\"name\":\"next\",\"start\":\"2026-10-01\","
                        + "\"plannedEnd\":\"2026-12-31\"},\"carryScope\":true}")));
        rows.put("GET /cycles/{key}/recommendation", read(Access.READ_WORK, Subject.CLOSED));
        rows.put("POST /cycles/{key}/recommendation/take", write(Access.RUN, Subject.FRESH_HANDED_OVER,
                t -> json("{\"items\":[1]}")));
        rows.put("GET /cycles/{key}/sources", read(Access.READ_WORK, Subject.RUNNING));
        rows.put("POST /cycles/{key}/sources", new Row(Access.RUN, 201, Subject.RUNNING, false, t -> json(
                "{\"name\":\"m" + t.n() + "\",\"folder\":\"drop\",\"every\":\"1h\"}")));
        rows.put("DELETE /cycles/{key}/sources/{source}", new Row(Access.RUN, 200, Subject.RUNNING, false,
                t -> xsrf(), true));
        rows.put("POST /cycles/{key}/sources/{source}/run", write(Access.RUN, Subject.RUNNING, t -> xsrf()));
        rows.put("GET /cycles/{key}/log", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /cycles/{key}/log/verification", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /cycles/{key}/evidence.html", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /cycles/{key}/evidence.json", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /cycles/{key}/frozen-section.html", read(Access.READ_EVIDENCE, Subject.CLOSED));
        rows.put("GET /cycles/{key}/evidence.vex.json", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /cycles/{key}/evidence.csv.zip", read(Access.READ_EVIDENCE, Subject.RUNNING));
        rows.put("GET /feeds", read(Access.LOAD_FEEDS, Subject.NONE));
        rows.put("POST /feeds/epss", write(Access.LOAD_FEEDS, Subject.NONE, t -> raw("text/csv", read(EPSS))));
        rows.put("POST /feeds/kev", write(Access.LOAD_FEEDS, Subject.NONE, t -> multipart(read(KEV))));
        rows.put("GET /fields", read(Access.CONFIGURE, Subject.NONE));
        rows.put("POST /fields/repair", write(Access.CONFIGURE, Subject.NONE, t -> json("{}")));
        rows.put("GET /source-hosts", read(Access.CONFIGURE, Subject.NONE));
        rows.put("PUT /source-hosts", write(Access.CONFIGURE, Subject.NONE, t -> json(
                "{\"hosts\":[\"reports" + t.n() + ".example.com\"]}")));
        return rows;
    }

    private static Row read(Access access, Subject subject) {
        return new Row(access, 200, subject, false, t -> (request, method) -> request.GET());
    }

    private static Row write(Access access, Subject subject, Function<Target, Body> body) {
        return new Row(access, 200, subject, false, body);
    }

    @Test
    public void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> endpoints = ResourceEndpoints.all().stream().map(ResourceEndpoints.Endpoint::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals("endpoints of the resources without a row, and rows without an endpoint", endpoints,
                new TreeSet<>(rows().keySet()));
    }

    /**
     * Every caller gets, from every endpoint, what the table says; refusals carry their error code and change
     * nothing; every answer is one docs/openapi.yaml documents, and conforms to its schema.
     */
    @Test
    public void everyCallerGetsFromEveryEndpointWhatTheTableSays() {
        ApiDocument document = ApiDocument.load();
        Map<String, Row> rows = rows();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (ResourceEndpoints.Endpoint endpoint : ResourceEndpoints.all()) {
            Row row = rows.get(endpoint.id());
            if (row == null) {
                failures.add(endpoint + ": no row");
                continue;
            }
            for (Caller caller : Caller.values()) {
                int expected = EXPECTED.get(row.access()).get(caller);
                boolean may = expected == YES;
                Target target = target(row, caller, may);
                List<Long> before = record();
                HttpRequest.Builder request = row.body().apply(target).write(API.request(target.path(endpoint.path())),
                        endpoint.method());
                Reply reply = API.send(caller.user, request);
                String cell = endpoint.id() + " as " + caller + " (" + row.access() + ")";
                int wanted = may ? row.success() : expected;
                cells++;
                if (reply.status() != wanted) {
                    failures.add(cell + ": " + reply.status() + " instead of " + wanted + ": " + cut(reply.body()));
                    continue;
                }
                if (!may) {
                    String code = reply.code();
                    String wantedCode = Map.of(401, "not-logged-in", 403, "forbidden", 404, "not-found").get(expected);
                    if (!wantedCode.equals(code)) {
                        failures.add(cell + ": code " + code + " instead of " + wantedCode);
                    }
                    if (!before.equals(record())) {
                        failures.add(cell + ": a refused request changed the record " + before + " -> " + record());
                    }
                }
                failures.addAll(documented(document, endpoint.id(), reply).stream().map(p -> cell + ": " + p)
                        .toList());
            }
        }
        assertEquals(failures.size() + " cells of " + cells + " fail:\n" + String.join("\n", failures), 0,
                failures.size());
        assertEquals(rows.size() * Caller.values().length, cells);
    }

    /** The problems of an answer against the OpenAPI document: its status documented, its body of the schema. */
    private static List<String> documented(ApiDocument document, String id, Reply reply) {
        if (!document.statuses(id).contains(reply.status())) {
            return List.of("status " + reply.status() + " is not documented (" + document.statuses(id) + ")");
        }
        String type = reply.contentType().split(";")[0].trim();
        JsonNode body = type.endsWith("json") ? JsonMapper.shared().readTree(reply.body())
                : JsonNodeFactory.instance.stringNode(reply.body());
        return document.check(id, reply.status(), type, body);
    }

    /** The cycle, finding and project a cell's request is about; fresh ones for a caller who may make a change once. */
    private static Target target(Row row, Caller caller, boolean may) {
        int n = ++serial;
        String finding = may && row.freshFinding() ? FRESH_FINDINGS.pop() : sharedFinding;
        String source = may && row.freshSource() ? newSource() : sharedSource;
        if (caller.project.equals("OPS") && row.subject() != Subject.NONE) {
            return new Target(ELSEWHERE, finding, caller.project, n, source);
        }
        String cycle = switch (row.subject()) {
            case NONE -> "";
            case RUNNING -> RUNNING;
            case SCOPING -> SCOPING;
            case CLOSED -> CLOSED;
            case FRESH_SCOPING -> may ? open("FS-" + n, "SEC") : SCOPING;
            case FRESH_MOBILISATION -> may ? advance(open("FM-" + n, "SEC"), 4) : RUNNING;
            case FRESH_CLOSED -> may ? closed(advance(open("FC-" + n, "SEC"), 4)) : CLOSED;
            case FRESH_HANDED_OVER -> may ? handedOver(closed(advance(open("FH-" + n, "SEC"), 4))) : CLOSED;
        };
        return new Target(cycle, finding, caller.project, n, source);
    }

    /** A new folder source of the running cycle, added by the lead: its id. */
    private static String newSource() {
        return RecordApi.ok(201, API.post("lead", "/cycles/" + RUNNING + "/sources",
                "{\"name\":\"drop\",\"folder\":\"drop\",\"every\":\"1h\"}")).get("id").getAsString();
    }

    /** What the record holds, in counts: a refused request changes none of them. */
    private static List<Long> record() {
        API.awaitMobilisations(); // a run started over REST is worked (and logged) off the request
        var ao = API.database().database().activeObjects();
        List<Long> counts = new ArrayList<>(List.of((long) ao.count(LogEntryEntity.class),
                (long) ao.count(CycleEntity.class), (long) ao.count(SurfaceEntity.class),
                (long) ao.count(DiscoveryRunEntity.class), (long) ao.count(DecisionEntity.class),
                (long) ao.count(ValidationEntity.class), (long) ao.count(RegisterEntryEntity.class),
                (long) ao.count(CheckpointEntity.class), (long) ao.count(FeedVersionEntity.class),
                (long) ao.count(SourceEntity.class), (long) ao.count(SourceRunEntity.class),
                (long) ao.count(RecommendationEntity.class,
                        net.java.ao.Query.select().where("TAKEN_AT_MILLIS > ?", 0L))));
        counts.add((long) API.tracker.issues().size());
        return counts;
    }

    /**
     * The table of docs/permissions.md is this test's: the access of every endpoint, and what each access lets each
     * caller do. The OpenAPI document's x-ctem-access says the same.
     */
    @Test
    public void theDocumentsSayWhatTheMatrixAsserts() {
        String text = new String(read(Path.of("docs", "permissions.md")), StandardCharsets.UTF_8);
        Map<String, String> documented = new TreeMap<>();
        Matcher endpoint = Pattern.compile("(?m)^\\| `(GET|POST|PUT|DELETE|PATCH) ([^`]+)` \\| `(\\w+)` \\|")
                .matcher(text);
        while (endpoint.find()) {
            documented.put(endpoint.group(1) + " " + endpoint.group(2), endpoint.group(3));
        }
        Map<String, String> tested = new TreeMap<>();
        rows().forEach((id, row) -> tested.put(id, row.access().name()));
        assertEquals("docs/permissions.md, \"Every REST endpoint\"", tested, documented);

        Map<String, List<String>> grid = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^\\| `(\\w+)` \\|((?: [^|]+ \\|){8})$").matcher(text);
        while (line.find()) {
            grid.put(line.group(1), Arrays.stream(line.group(2).split("\\|")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList());
        }
        Map<String, List<String>> expected = new TreeMap<>();
        EXPECTED.forEach((access, cells) -> expected.put(access.name(), Arrays.stream(Caller.values())
                .map(c -> cells.get(c) == YES ? "yes" : String.valueOf(cells.get(c))).toList()));
        assertEquals("docs/permissions.md, the table of what each access lets each caller do", expected, grid);

        ApiDocument openApi = ApiDocument.load();
        Map<String, String> declared = new TreeMap<>();
        openApi.operations().keySet().forEach(id -> declared.put(id, openApi.access(id)));
        assertEquals("docs/openapi.yaml, x-ctem-access", tested, declared);
    }

    /** The list of cycles holds, for each caller, the cycles they have a role in, and no other. */
    @Test
    public void theListOfCyclesShowsEachCallerTheCyclesTheyHaveARoleIn() {
        Map<String, Set<String>> seen = new TreeMap<>();
        for (String user : List.of("outsider", "engineer", "auditor", "project-lead")) {
            Set<String> keys = new TreeSet<>();
            String next = null;
            do {
                Reply page = API.get(user, "/cycles?limit=500" + (next == null ? "" : "&after=" + next));
                page.json().getAsJsonObject().getAsJsonArray("items").forEach(c -> keys.add(c.getAsJsonObject()
                        .get("key").getAsString()));
                next = page.json().getAsJsonObject().get("next").isJsonNull() ? null
                        : page.json().getAsJsonObject().get("next").getAsString();
            } while (next != null);
            seen.put(user, keys);
        }
        assertEquals(Set.of(), seen.get("outsider"));
        assertTrue(seen.toString(), seen.get("engineer").containsAll(List.of(RUNNING, SCOPING, CLOSED))
                && !seen.get("engineer").contains(ELSEWHERE));
        assertEquals(seen.get("engineer"), seen.get("project-lead"));
        assertTrue(seen.get("auditor").containsAll(seen.get("engineer")) && seen.get("auditor").contains(ELSEWHERE));
    }

    // ------------------------------------------------------------------------------------------ the fixture's steps

    private static String open(String key, String project) {
        RecordApi.ok(201, API.post("lead", "/cycles", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\","
                + "\"start\":\"2026-07-01\",\"plannedEnd\":\"2026-09-30\",\"projectKey\":\"" + project + "\"}"));
        return key;
    }

    /** Moves the cycle on {@code stages} stages, overriding the gates. */
    private static String advance(String key, int stages) {
        for (int i = 0; i < stages; i++) {
            RecordApi.ok(200, API.post("lead", "/cycles/" + key + "/stage", OVERRIDE));
        }
        return key;
    }

    private static String closed(String key) {
        RecordApi.ok(200, API.post("lead", "/cycles/" + key + "/closure", OVERRIDE));
        return key;
    }

    /** Hands a closed cycle over to a new cycle in Scoping, so that it may take recommended items. */
    private static String handedOver(String key) {
        RecordApi.ok(200, API.post("lead", "/cycles/" + key + "/handover", "{\"newCycle\":{\"key\":\"" + key
                + "-NEXT\",\"name\":\"next\",\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\"}}"));
        return key;
    }

    /** A report of twelve findings on WEB's hosts, as ctem's own observation lines. */
    private static byte[] report() {
        StringBuilder lines = new StringBuilder("{\"file\":\"week1.jsonl\",\"format\":\"nessus\"}\n");
        Gson gson = new Gson();
        for (int i = 1; i <= 12; i++) {
            ObservationBuilder observation = ObservationBuilder.nessus().host("web" + i + ".corp.example");
            Observation built = (i % 3 == 1 ? observation.cves("CVE-2021-44228") : observation.ruleId("5" + i))
                    .build();
            lines.append(gson.toJson(built)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder upload(String cycle) {
        return MultipartBody.post(API.request("/cycles/" + cycle + "/imports?format=ctem-jsonl&covers=WEB"),
                new MultipartBody().file("week1.jsonl", report).bytes());
    }

    private static HttpRequest.Builder raw(String path, String type, byte[] body) {
        return API.request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static Body json(String json) {
        return (request, method) -> request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** One file as a multipart upload, with the XSRF header such uploads need. */
    private static Body multipart(byte[] file) {
        return (request, method) -> request.header("Content-Type", MultipartBody.contentType())
                .header(XsrfGuard.HEADER, "no-check").method(method, HttpRequest.BodyPublishers.ofByteArray(
                        new MultipartBody().file("upload.jsonl", file).bytes()));
    }

    /** No body, with the XSRF header a request without a body needs. */
    private static Body xsrf() {
        return (request, method) -> request.header(XsrfGuard.HEADER, "no-check")
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    private static Body raw(String type, byte[] body) {
        return (request, method) -> request.header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cut(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    /** {@link #GRID} read: access to caller to YES or a refusal's status. */
    private static Map<Access, Map<Caller, Integer>> grid() {
        Map<Access, Map<Caller, Integer>> grid = new EnumMap<>(Access.class);
        List<String> lines = GRID.lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.trim().split("\\s+");
            Map<Caller, Integer> row = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                String cell = cells[caller.ordinal() + 1];
                row.put(caller, cell.equals("yes") ? YES : Integer.parseInt(cell));
            }
            grid.put(Access.valueOf(cells[0]), row);
        }
        assertEquals("GRID has a row per access", Set.of(Access.values()), grid.keySet());
        return grid;
    }
}
