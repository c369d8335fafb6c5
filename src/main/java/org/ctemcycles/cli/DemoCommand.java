package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.common.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ctem demo [--out DIR]}: runs a complete, realistic CTEM cycle on a fresh embedded H2 database with the
 * sample data shipped in {@code demo/} (three surfaces, six scanner reports in six formats, EPSS and KEV snapshots,
 * validation, mobilisation, rescans, checkpoints, closure, handover) and writes its evidence pack. Every step is an
 * ordinary {@code ctem} command run on a simulated day of the last complete quarter before today
 * ({@link DemoCalendar}), so the demo exercises exactly what a user types, the cycle it leaves is closed, and its
 * database stays behind for exploring ({@code ctem --db DIR/database/ctem ...}) with the same figures as its pack.
 */
final class DemoCommand {

    static final String USAGE = """
            ctem demo [--out DIR] [--data DIR]
                Runs a complete CTEM cycle in the last complete quarter before today (simulated dates) on a fresh
                database from the sample data in demo/ and writes its evidence pack to DIR (default: ./ctem-demo):
                pack/evidence-pack.html and the other renderings, the database it used (database/) and the dated
                inputs it imported (inputs/). Re-running replaces an earlier demo in DIR.""";

    /** Marks a folder as the demo's own, so a re-run may replace it and nothing else. */
    static final String MARKER = ".ctem-demo";

    private final CommandContext context;
    private final Map<String, String> environment;
    private Path database;
    private Path data;
    private Path inputs;
    private DemoCalendar calendar;
    private String cycle;
    private LocalDate today;

    DemoCommand(CommandContext context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
    }

    int run(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("out", "data"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("demo", "does not take '" + args.positional().get(0) + "'");
        }
        Path out = Path.of(args.option("out") == null ? "ctem-demo" : args.option("out")).toAbsolutePath();
        data = Path.of(args.option("data") != null ? args.option("data")
                : System.getProperty("ctem.demo.data", "demo")).toAbsolutePath();
        if (!Files.isDirectory(data.resolve("reports")) || !Files.isDirectory(data.resolve("feeds"))) {
            throw new InvalidInputException(args.option("data") != null ? "--data" : "demo",
                    "the sample data is not at " + data + " (it needs reports/ and feeds/; run ./ctem from the"
                            + " project folder or name it with --data)");
        }
        prepare(out);
        database = out.resolve("database").resolve("ctem");
        inputs = out.resolve("inputs");
        calendar = DemoCalendar.before(LocalDate.now(context.clock));
        cycle = calendar.cycleKey();
        context.out.println("Running a CTEM cycle on " + out.resolve("database") + " (simulated dates, "
                + calendar.quarter() + ": " + calendar.start() + " to " + calendar.end() + ")");

        scope();
        discover();
        prioritise();
        validate();
        mobilise();
        remediate();
        close();

        Path pack = out.resolve("pack");
        on(calendar.end());
        String report = ctem("report", "--cycle", cycle, "--out", pack.toString());
        context.out.println();
        context.out.print(report);
        context.out.println();
        context.out.println("Open " + pack.resolve(ReportCommand.HTML) + " in a browser (print it to PDF for the"
                + " audit file). Explore the cycle with: ./ctem --db " + database + " cycle show " + cycle);
        return Ctem.OK;
    }

    private void scope() {
        on("2026-10-01");
        ctem("cycle", "create", "--key", cycle, "--name", calendar.quarter() + ": payments, data pipeline,"
                        + " workforce identity", "--start", calendar.start().toString(), "--end",
                calendar.end().toString(), "--checkpoint-days", "14", "--objective",
                "Cut exploitable exposure on the payment, customer-data and identity surfaces");
        ctem("cycle", "scope", "set", cycle, "--success-criteria", "No KEV-listed exposure on an internet-facing"
                + " surface open past its due date; every critical finding validated and owned");
        ctem("cycle", "scope", "add", cycle, "--surface", "PAYMENTS-API", "--name", "Payments API", "--kind",
                "customer-facing-system", "--owner", "alice.martin", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "No exploitable critical or KEV finding at close",
                "--rule", "host:*.pay.example.com", "--rule", "host:api.pay.example.com",
                "--rule", "url:https://api.pay.example.com/", "--rule", "image:registry.example.com/payments/*");
        ctem("cycle", "scope", "add", cycle, "--surface", "DATA-PIPELINE", "--name", "Customer data pipeline",
                "--kind", "regulated-data-flow", "--owner", "bob.osei", "--criticality", "high", "--exposure",
                "internal", "--success-criterion", "Every high finding in the pipeline owned with a deadline",
                "--rule", "ip:10.20.0.0/16", "--rule", "repo:https://github.com/example/data-pipeline");
        ctem("cycle", "scope", "add", cycle, "--surface", "WORKFORCE-IDENTITY", "--name", "Workforce identity",
                "--kind", "identity-surface", "--owner", "carol.nguyen", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "VPN and SSO patched within KEV due dates",
                "--rule", "host:sso.example.com", "--rule", "host:vpn.example.com",
                "--rule", "url:https://sso.example.com/", "--rule", "url:https://vpn.example.com/");
        on("2026-10-02"); // the scope is signed off the day after it was recorded, before any discovery
        ctem("cycle", "advance", cycle);
        say("Scoping", "3 surfaces with owners, criticality and success criteria; objectives and cadence recorded");
    }

    private void discover() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("2026-10-06", "nessus-authenticated-2026-10-06.nessus");
        reports.put("2026-10-07", "trivy-payments-api-1.4.2.json");
        reports.put("2026-10-08", "zap-payments-api-2026-10-08.json");
        reports.put("2026-10-09", "codeql-data-pipeline.sarif");
        reports.put("2026-10-10", "nuclei-identity-edge.jsonl");
        reports.put("2026-10-11", "vex-payments-api-1.4.2.cdx.json");
        for (Map.Entry<String, String> report : reports.entrySet()) {
            on(report.getKey());
            ctem("import", "--cycle", cycle, report(report.getValue()));
        }
        on("2026-10-12");
        loadFeeds();
        say("Discovery", reports.size() + " reports in " + reports.size() + " formats imported; "
                + findings(f -> true).size() + " findings (" + findings(f -> !f.get("inScope").getAsBoolean()).size()
                + " out of scope); EPSS and KEV snapshots loaded");
    }

    private void prioritise() {
        on("2026-10-13");
        ctem("cycle", "advance", cycle);
        ctem("cycle", "prioritise", cycle);
        ctem("cycle", "advance", cycle);
        say("Prioritisation", queue().size() + " findings ranked with CVSS (v4.0 where the scanners give it), EPSS,"
                + " KEV, SSVC, criticality and exposure");
    }

    private void validate() {
        on("2026-10-15");
        ctem("cycle", "checkpoint", cycle, "--notes", "Discovery complete on all three surfaces; queue ranked");
        on("2026-10-16");
        ctem("cycle", "validate", cycle, titled("Log4Shell"), "--method", "exploit-reproduction", "--outcome",
                "exploitable-confirmed", "--notes", "JNDI lookup reproduced from the internet against the staging"
                        + " replica; callback received", "--evidence", "PENTEST-" + year() + "-042",
                "--evidence", "https://wiki.example.com/sec/PENTEST-" + year() + "-042");
        ctem("cycle", "validate", cycle, titled("log4j-core"), "--method", "attack-path-analysis", "--outcome",
                "exploitable-confirmed", "--notes", "Reachable from the internet through the load balancer",
                "--evidence", "APA-" + year() + "-07");
        ctem("cycle", "validate", cycle, titled("Cross Site Scripting"), "--method", "manual-test", "--outcome",
                "mitigated-by-control", "--notes", "The WAF rule 941100 blocks the reflected payload; the fix stays"
                        + " planned", "--evidence", "WAF-RULE-941100");
        ctem("cycle", "validate", cycle, first(f -> f.get("ruleId").getAsString().contains("clear-text-logging")),
                "--method", "attack-path-analysis", "--outcome", "not-exploitable", "--notes", "The logged field is"
                        + " a hashed customer id; no path to clear text");
        ctem("cycle", "validate", cycle, titled("CVE-2024-38816"), "--method", "attack-path-analysis", "--outcome",
                "not-exploitable", "--notes", "The vendor's VEX (imported from the image's CycloneDX) states the"
                        + " code is not reachable; no RouterFunctions serve static resources", "--evidence",
                "vex-payments-api-1.4.2.cdx.json");
        loadFeeds(); // the ranking of this morning uses this morning's feeds
        ctem("cycle", "prioritise", cycle);
        ctem("cycle", "advance", cycle);
        say("Validation", "5 findings validated (2 confirmed exploitable, 1 mitigated by a control, 2 refuted);"
                + " the queue ranked again with the outcomes");
    }

    private void mobilise() {
        on("2026-10-20");
        ctem("cycle", "status", cycle, titled("Nessus Scan Information"), "--to", "false-positive", "--note",
                "Informational plugin output about the scan itself, not an exposure");
        Map<String, List<String>> bySurface = new HashMap<>();
        List<String> open = register().stream().filter(e -> e.status.equals("Open") || e.status.equals("Reopened"))
                .map(e -> e.finding).toList();
        for (JsonObject f : findings(f -> f.get("inScope").getAsBoolean())) {
            if (open.contains(f.get("key").getAsString())) {
                bySurface.computeIfAbsent(f.get("surface").getAsString(), k -> new ArrayList<>())
                        .add(f.get("key").getAsString());
            }
        }
        String accepted = titled("SQL query built from user-controlled sources");
        bySurface.get("DATA-PIPELINE").remove(accepted);
        ctem("cycle", "accept-risk", cycle, accepted, "--owner", "bob.osei", "--control", "Network segmentation:"
                + " the pipeline subnet accepts connections from the ETL hosts only", "--expiry",
                calendar.nextEnd().toString());
        Map<String, String[]> teams = Map.of(
                "PAYMENTS-API", new String[]{"dave.kim", "2026-11-15", "CHG-" + year() + "-1001",
                        "Release 1.4.3 of the payments image ships in the change window of "
                                + calendar.day("2026-11-14") + "; the WAF virtually patches the exploitable"
                                + " findings until then"},
                "DATA-PIPELINE", new String[]{"erin.walsh", "2026-12-15", "CHG-" + year() + "-1002",
                        "The pipeline hosts are patched in the monthly maintenance window of "
                                + calendar.day("2026-12-12") + "; network segmentation limits the exposure until"
                                + " then"},
                "WORKFORCE-IDENTITY", new String[]{"frank.li", "2026-11-10", "CHG-" + year() + "-1003",
                        "The PAN-OS hotfix needs a failover of the VPN cluster, booked for "
                                + calendar.day("2026-11-09") + "; GlobalProtect telemetry is watched daily until"
                                + " then"});
        int mobilised = 0;
        for (String surface : List.of("PAYMENTS-API", "DATA-PIPELINE", "WORKFORCE-IDENTITY")) {
            String[] team = teams.get(surface);
            List<String> words = new ArrayList<>(List.of("cycle", "mobilise", cycle));
            words.addAll(bySurface.get(surface));
            words.addAll(List.of("--owner", team[0], "--deadline", calendar.day(team[1]), "--change", team[2],
                    "--verify", "Rescan " + surface + " and retest the finding", "--deadline-reason", team[3],
                    "--dependency", surface.equals("PAYMENTS-API") ? "Release 1.4.3 of the payments image" : ""));
            ctem(words.toArray(String[]::new));
            mobilised += bySurface.get(surface).size();
        }
        on("2026-10-29");
        ctem("cycle", "checkpoint", cycle, "--notes", "Every finding still needing work is owned");
        say("Mobilisation", mobilised + " findings mobilised into the tracker with owners, deadlines (later than the"
                + " policy's where KEV due dates had long passed, each with its reason) and change records;"
                + " 1 risk accepted with a compensating control");
    }

    private void remediate() {
        on("2026-11-05");
        String log4shell = titled("Log4Shell");
        String log4jCore = titled("log4j-core");
        ctem("cycle", "status", cycle, log4shell, "--to", "resolved", "--note", "Log4j 2.17.1 deployed");
        ctem("cycle", "status", cycle, log4jCore, "--to", "resolved", "--note", "Patched in release 1.4.3");
        on("2026-11-06");
        ctem("cycle", "validate", cycle, log4shell, "--method", "retest", "--outcome", "retest-passed",
                "--notes", "Exploit no longer triggers a callback", "--evidence", "PENTEST-" + year() + "-042-R1");
        ctem("cycle", "validate", cycle, log4jCore, "--method", "retest", "--outcome", "retest-failed",
                "--notes", "The old image is still running on one node", "--evidence",
                "RETEST-" + calendar.day("2026-11-06"));
        loadFeeds();
        ctem("cycle", "prioritise", cycle); // the retests' outcomes enter the ranking
        on("2026-11-12");
        ctem("cycle", "checkpoint", cycle, "--notes", "One fix verified, one retest failed and reopened");
        Map<String, String[]> rescans = new LinkedHashMap<>();
        rescans.put("2026-12-01", new String[]{"trivy-payments-api-1.4.3.json", "PAYMENTS-API"});
        rescans.put("2026-12-02", new String[]{"nessus-authenticated-2026-12-02.nessus",
                "PAYMENTS-API,DATA-PIPELINE"});
        rescans.put("2026-12-03", new String[]{"zap-payments-api-2026-12-03.json", "PAYMENTS-API"});
        rescans.put("2026-12-04", new String[]{"codeql-data-pipeline-2026-12-04.sarif", "DATA-PIPELINE"});
        rescans.put("2026-12-05", new String[]{"nuclei-identity-edge-2026-12-05.jsonl", "WORKFORCE-IDENTITY"});
        for (Map.Entry<String, String[]> rescan : rescans.entrySet()) {
            on(rescan.getKey());
            ctem("import", "--cycle", cycle, "--covers", rescan.getValue()[1], report(rescan.getValue()[0]));
        }
        on("2026-12-10");
        loadFeeds();
        ctem("cycle", "prioritise", cycle);
        ctem("cycle", "checkpoint", cycle, "--notes", "Rescans verified the fixes of releases 1.4.3, the PAN-OS"
                + " hotfix and the ActiveMQ upgrade; carry-over agreed with the surface owners");
        long verified = register().stream().filter(e -> e.status.equals("Verified")).count();
        say("Remediation", "fixes verified by retest and by rescans of every surface in the last month (" + verified
                + " findings verified); the queue ranked again after each round of validation");
    }

    private void close() {
        on(calendar.end());
        String closure = ctem("cycle", "close", cycle);
        // the next cycle takes part of the recommended scope: the residual queue's surfaces and the assets found
        // outside every rule; objectives and coverage the lead takes up in the next cycle's Scoping
        List<String> recommended = closure.lines().filter(l -> l.matches("\\s+\\d+\\. .*")).toList();
        String take = recommended.stream().filter(l -> l.contains(" Residual queue ")
                        || l.contains(" Asset outside every scope rule "))
                .map(l -> l.trim().substring(0, l.trim().indexOf('.'))).collect(Collectors.joining(","));
        List<String> handover = new ArrayList<>(List.of("cycle", "handover", cycle, "--new-key",
                calendar.nextCycleKey(), "--name", calendar.nextQuarter()
                        + ": payments, data pipeline, workforce identity", "--start", calendar.nextStart().toString(),
                "--end", calendar.nextEnd().toString(), "--carry-scope"));
        if (!take.isEmpty()) {
            handover.addAll(List.of("--take", take));
        }
        ctem(handover.toArray(new String[0]));
        String carried = closure.lines().filter(l -> l.startsWith("Carried over:")).findFirst().orElse("")
                .replaceAll("^Carried over:\\s+(\\d+).*", "$1");
        say("Closure", "4 checkpoints held and 2 missed (the cadence record shows both); closed on " + calendar.end()
                + " and handed over to " + calendar.nextCycleKey() + " with its residual queue of " + carried
                + " findings; " + (take.isEmpty() ? 0 : take.split(",").length) + " of " + recommended.size()
                + " recommended scope items taken");
    }

    // ----- running commands -----

    /** The demo's clock moves to a day of the sample data's quarter, shifted to the demo's quarter. */
    private void on(String referenceDay) {
        today = calendar.shift(LocalDate.parse(referenceDay));
    }

    private void on(LocalDate day) {
        today = day;
    }

    /** A sample report with its dates moved to the demo's quarter, as a file to import. */
    private String report(String name) {
        return calendar.report(data.resolve("reports").resolve(name), inputs.resolve("reports")).toString();
    }

    /** Loads the sample EPSS and KEV feeds dated today, as a daily feed job would. */
    private void loadFeeds() {
        ctem("feeds", "load", "--epss", calendar.epssFeed(Path.of(feed("epss_scores-")), inputs.resolve("feeds"),
                today).toString(), "--kev", calendar.kevFeed(Path.of(feed("known_exploited_vulnerabilities")),
                inputs.resolve("feeds"), today).toString());
    }

    /** Runs one ctem command on the demo database on the simulated day; a failing step stops the demo. */
    private String ctem(String... words) {
        List<String> line = new ArrayList<>(List.of("--db", database.toString(), "--create"));
        line.addAll(List.of(words));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(environment);
        env.remove("CTEM_SECURITY_LEADS");
        int status = new Ctem(env, Clock.fixed(today.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != Ctem.OK) {
            throw new IllegalStateException("demo step 'ctem " + String.join(" ", words) + "' failed (exit "
                    + status + "): " + err.toString(StandardCharsets.UTF_8).trim());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The year of the demo's quarter, for the identifiers of its change records and test reports. */
    private int year() {
        return calendar.start().getYear();
    }

    private void say(String stage, String what) {
        context.out.printf("  %-15s %s%n", stage, what);
    }

    private String feed(String prefix) {
        try (Stream<Path> files = Files.list(data.resolve("feeds"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted(Comparator.reverseOrder())
                    .findFirst().orElseThrow(() -> new InvalidInputException("demo", "no " + prefix + "* feed in "
                            + data.resolve("feeds"))).toString();
        } catch (IOException e) {
            throw new InvalidInputException("demo", "cannot list " + data.resolve("feeds") + ": " + e.getMessage());
        }
    }

    private List<String> queue() {
        return ctem("cycle", "queue", cycle, "--json").lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject().get("key").getAsString()).toList();
    }

    private List<JsonObject> findings(Predicate<JsonObject> which) {
        return ctem("findings", "list", "--cycle", cycle, "--json").lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).filter(which).toList();
    }

    private String titled(String part) {
        return first(f -> f.get("title").getAsString().contains(part));
    }

    private String first(Predicate<JsonObject> which) {
        return findings(which).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "the demo data lacks a finding the demo validates")).get("key").getAsString();
    }

    private record Entry(String finding, String status) {
    }

    private List<Entry> register() {
        return ctem("cycle", "register", "list", cycle).lines().filter(l -> l.startsWith("F-"))
                .map(l -> l.split(" {2,}")).map(cells -> new Entry(cells[0].trim(), cells[1].trim())).toList();
    }

    /** A fresh output folder: created, or an earlier demo's replaced; a folder holding anything else is refused. */
    private static void prepare(Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> children = Files.list(out)) {
                    if (children.findAny().isPresent() && !Files.exists(out.resolve(MARKER))) {
                        throw new InvalidInputException("--out", out + " exists and is not an earlier demo's folder;"
                                + " name a new or empty folder");
                    }
                }
                try (Stream<Path> all = Files.walk(out)) {
                    for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(out)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve(MARKER), "Written by ctem demo; a re-run replaces this folder.\n");
        } catch (IOException e) {
            throw new InvalidInputException("--out", "cannot prepare " + out + ": " + e.getMessage());
        }
    }
}
