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
import java.util.stream.Stream;

/**
 * {@code ctem demo [--out DIR]}: runs a complete, realistic CTEM cycle on a fresh embedded H2 database with the
 * sample data shipped in {@code demo/} (three surfaces, six scanner reports in six formats, EPSS and KEV snapshots,
 * validation, mobilisation, checkpoints, closure, handover) and writes its evidence pack. Every step is an ordinary
 * {@code ctem} command run on a simulated date in Q4 2026, so the demo exercises exactly what a user types, and its
 * database stays behind for exploring ({@code ctem --db DIR/database/ctem ...}).
 */
final class DemoCommand {

    static final String USAGE = """
            ctem demo [--out DIR] [--data DIR]
                Runs a complete CTEM cycle (Q4 2026, simulated dates) on a fresh database from the sample data in
                demo/ and writes its evidence pack to DIR (default: ./ctem-demo): pack/evidence-pack.html and the
                other renderings, and the database it used (database/). Re-running replaces an earlier demo in DIR.""";

    static final String CYCLE = "CTEM-2026-Q4";
    static final String NEXT = "CTEM-2027-Q1";
    /** Marks a folder as the demo's own, so a re-run may replace it and nothing else. */
    static final String MARKER = ".ctem-demo";

    private final CommandContext context;
    private final Map<String, String> environment;
    private Path database;
    private Path data;
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
        context.out.println("Running a CTEM cycle on " + out.resolve("database") + " (simulated dates, Q4 2026)");

        scope();
        discover();
        prioritise();
        validate();
        mobilise();
        close();

        Path pack = out.resolve("pack");
        String report = ctem("report", "--cycle", CYCLE, "--out", pack.toString());
        context.out.println();
        context.out.print(report);
        context.out.println();
        context.out.println("Open " + pack.resolve(ReportCommand.HTML) + " in a browser (print it to PDF for the"
                + " audit file). Explore the cycle with: ./ctem --db " + database + " cycle show " + CYCLE);
        return Ctem.OK;
    }

    private void scope() {
        on("2026-10-01");
        ctem("cycle", "create", "--key", CYCLE, "--name", "Q4 2026: payments, data pipeline, workforce identity",
                "--start", "2026-10-01", "--end", "2026-12-31", "--checkpoint-days", "14", "--objective",
                "Cut exploitable exposure on the payment, customer-data and identity surfaces");
        ctem("cycle", "scope", "set", CYCLE, "--success-criteria", "No KEV-listed exposure on an internet-facing"
                + " surface open past its due date; every critical finding validated and owned");
        ctem("cycle", "scope", "add", CYCLE, "--surface", "PAYMENTS-API", "--name", "Payments API", "--kind",
                "customer-facing-system", "--owner", "alice.martin", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "No exploitable critical or KEV finding at close",
                "--rule", "host:*.pay.example.com", "--rule", "host:api.pay.example.com",
                "--rule", "url:https://api.pay.example.com/", "--rule", "image:registry.example.com/payments/*");
        ctem("cycle", "scope", "add", CYCLE, "--surface", "DATA-PIPELINE", "--name", "Customer data pipeline",
                "--kind", "regulated-data-flow", "--owner", "bob.osei", "--criticality", "high", "--exposure",
                "internal", "--success-criterion", "Every high finding in the pipeline owned with a deadline",
                "--rule", "ip:10.20.0.0/16", "--rule", "repo:https://github.com/example/data-pipeline");
        ctem("cycle", "scope", "add", CYCLE, "--surface", "WORKFORCE-IDENTITY", "--name", "Workforce identity",
                "--kind", "identity-surface", "--owner", "carol.nguyen", "--criticality", "critical", "--exposure",
                "internet-facing", "--success-criterion", "VPN and SSO patched within KEV due dates",
                "--rule", "host:sso.example.com", "--rule", "host:vpn.example.com",
                "--rule", "url:https://sso.example.com/", "--rule", "url:https://vpn.example.com/");
        on("2026-10-02"); // the scope is signed off the day after it was recorded, before any discovery
        ctem("cycle", "advance", CYCLE);
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
            ctem("import", "--cycle", CYCLE, data.resolve("reports").resolve(report.getValue()).toString());
        }
        on("2026-10-12");
        ctem("feeds", "load", "--epss", feed("epss_scores-"), "--kev", feed("known_exploited_vulnerabilities"));
        say("Discovery", reports.size() + " reports in " + reports.size() + " formats imported; "
                + findings(f -> true).size() + " findings (" + findings(f -> !f.get("inScope").getAsBoolean()).size()
                + " out of scope); EPSS and KEV snapshots loaded");
    }

    private void prioritise() {
        on("2026-10-13");
        ctem("cycle", "advance", CYCLE);
        ctem("cycle", "prioritise", CYCLE);
        ctem("cycle", "advance", CYCLE);
        say("Prioritisation", queue().size() + " findings ranked with CVSS, EPSS, KEV, criticality and exposure");
    }

    private void validate() {
        List<String> queue = queue();
        on("2026-10-15");
        ctem("cycle", "checkpoint", CYCLE, "--notes", "Discovery complete on all three surfaces; queue ranked");
        on("2026-10-16");
        ctem("cycle", "validate", CYCLE, queue.get(0), "--method", "exploit-reproduction", "--outcome",
                "exploitable-confirmed", "--notes", "JNDI lookup reproduced from the internet against the staging"
                        + " replica; callback received", "--evidence", "PENTEST-2026-042",
                "--evidence", "https://wiki.example.com/sec/PENTEST-2026-042");
        ctem("cycle", "validate", CYCLE, queue.get(1), "--method", "attack-path-analysis", "--outcome",
                "exploitable-confirmed", "--notes", "Reachable from the internet through the load balancer",
                "--evidence", "APA-2026-07");
        String xss = first(f -> f.get("title").getAsString().contains("Cross Site Scripting"));
        ctem("cycle", "validate", CYCLE, xss, "--method", "manual-test", "--outcome", "mitigated-by-control",
                "--notes", "The WAF rule 941100 blocks the reflected payload; the fix stays planned",
                "--evidence", "WAF-RULE-941100");
        String logging = first(f -> f.get("ruleId").getAsString().contains("clear-text-logging"));
        ctem("cycle", "validate", CYCLE, logging, "--method", "attack-path-analysis", "--outcome",
                "not-exploitable", "--notes", "The logged field is a hashed customer id; no path to clear text");
        ctem("cycle", "prioritise", CYCLE);
        ctem("cycle", "advance", CYCLE);
        say("Validation", "4 findings validated (2 confirmed exploitable, 1 mitigated by a control, 1 refuted);"
                + " the queue re-ranked with the outcomes");
    }

    private void mobilise() {
        on("2026-10-20");
        Map<String, List<String>> bySurface = new HashMap<>();
        List<String> open = register().stream().filter(e -> e.status.equals("Open") || e.status.equals("Reopened"))
                .map(e -> e.finding).toList();
        for (JsonObject f : findings(f -> f.get("inScope").getAsBoolean())) {
            if (open.contains(f.get("key").getAsString())) {
                bySurface.computeIfAbsent(f.get("surface").getAsString(), k -> new ArrayList<>())
                        .add(f.get("key").getAsString());
            }
        }
        String accepted = bySurface.get("DATA-PIPELINE").remove(bySurface.get("DATA-PIPELINE").size() - 1);
        ctem("cycle", "accept-risk", CYCLE, accepted, "--owner", "bob.osei", "--control", "Network segmentation:"
                + " the pipeline subnet accepts connections from the ETL hosts only", "--expiry", "2027-03-31");
        Map<String, String[]> teams = Map.of(
                "PAYMENTS-API", new String[]{"dave.kim", "2026-11-15", "CHG-2026-1001"},
                "DATA-PIPELINE", new String[]{"erin.walsh", "2026-12-15", "CHG-2026-1002"},
                "WORKFORCE-IDENTITY", new String[]{"frank.li", "2026-11-10", "CHG-2026-1003"});
        for (Map.Entry<String, List<String>> surface : bySurface.entrySet()) {
            String[] team = teams.get(surface.getKey());
            List<String> words = new ArrayList<>(List.of("cycle", "mobilise", CYCLE));
            words.addAll(surface.getValue());
            words.addAll(List.of("--owner", team[0], "--deadline", team[1], "--change", team[2], "--verify",
                    "Rescan " + surface.getKey() + " and retest the finding", "--dependency",
                    surface.getKey().equals("PAYMENTS-API") ? "Release 1.4.3 of the payments image" : ""));
            ctem(words.toArray(String[]::new));
        }
        on("2026-10-29");
        ctem("cycle", "checkpoint", CYCLE, "--notes", "Every finding still needing work is owned");
        say("Mobilisation", open.size() - 1 + " findings mobilised into the tracker with owners, deadlines and"
                + " change records; 1 risk accepted with a compensating control");
    }

    private void close() {
        List<String> queue = queue();
        on("2026-11-05");
        ctem("cycle", "status", CYCLE, queue.get(0), "--to", "resolved", "--note", "Log4j 2.17.1 deployed");
        ctem("cycle", "status", CYCLE, queue.get(1), "--to", "resolved", "--note", "Patched in release 1.4.3");
        on("2026-11-06");
        ctem("cycle", "validate", CYCLE, queue.get(0), "--method", "retest", "--outcome", "retest-passed",
                "--notes", "Exploit no longer triggers a callback", "--evidence", "PENTEST-2026-042-R1");
        ctem("cycle", "validate", CYCLE, queue.get(1), "--method", "retest", "--outcome", "retest-failed",
                "--notes", "The old image is still running on one node", "--evidence", "RETEST-2026-11-06");
        on("2026-11-12");
        ctem("cycle", "checkpoint", CYCLE, "--notes", "One fix verified, one retest failed and reopened");
        on("2026-12-10");
        ctem("cycle", "checkpoint", CYCLE, "--notes", "Carry-over candidates agreed with the surface owners");
        on("2026-12-31");
        ctem("cycle", "close", CYCLE);
        ctem("cycle", "handover", CYCLE, "--new-key", NEXT, "--name", "Q1 2027: payments, data pipeline,"
                + " workforce identity", "--start", "2027-01-01", "--end", "2027-03-31", "--carry-scope");
        say("Closure", "4 checkpoints held and 2 missed (the cadence record shows both); closed and handed over"
                + " to " + NEXT + " with its residual queue");
    }

    // ----- running commands -----

    private void on(String date) {
        today = LocalDate.parse(date);
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
        return ctem("cycle", "queue", CYCLE, "--json").lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject().get("key").getAsString()).toList();
    }

    private List<JsonObject> findings(Predicate<JsonObject> which) {
        return ctem("findings", "list", "--cycle", CYCLE, "--json").lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).filter(which).toList();
    }

    private String first(Predicate<JsonObject> which) {
        return findings(which).stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "the demo data lacks a finding the demo validates")).get("key").getAsString();
    }

    private record Entry(String finding, String status) {
    }

    private List<Entry> register() {
        return ctem("cycle", "register", "list", CYCLE).lines().filter(l -> l.startsWith("F-"))
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
