package org.ctemcycles.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ManualFindingDraft;
import org.ctemcycles.core.discovery.ManualIntakeResult;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;
import org.ctemcycles.report.json.DiscoveryJson;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code ctem findings list|show|add}: read the deduplicated finding set; enter a finding from manual testing. */
final class FindingsCommand {

    static final String USAGE = """
            ctem findings list --cycle KEY [--fix-candidates] [--out-of-scope] [--json]
                Lists a cycle's findings (--fix-candidates: only those a later covering run no longer saw;
                --out-of-scope: only those no scope rule matched).
            ctem findings show ID [--json]
                Shows a finding with every signal (soft-deleted ones too).
            ctem findings add --cycle KEY --title TEXT --asset KIND:VALUE --severity S [--location TEXT]
                              [--cve ID]... [--cwe ID]... [--cvss VECTOR]... [--reference REF] [--evidence TEXT]
                Records a finding from manual testing through the same identity and dedup as imports
                (KIND: host, ip, url, repo, image, package, cloud, other; S: info, low, medium, high, critical).""";

    private final CommandContext context;

    FindingsCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("findings", "needs a subcommand: list, show or add\n" + USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "list" -> list(Arguments.parse(rest, Set.of("cycle"), Set.of("fix-candidates", "out-of-scope", "json")));
            case "show" -> show(Arguments.parse(rest, Set.of(), Set.of("json")));
            case "add" -> add(Arguments.parse(rest, Set.of("cycle", "title", "asset", "severity", "location",
                    "reference", "evidence"), Set.of("cve", "cwe", "cvss"), Set.of()));
            default -> throw new InvalidInputException("findings " + words.get(0),
                    "is not a subcommand: use list, show or add\n" + USAGE);
        };
    }

    private int list(Arguments args) {
        Stream<Finding> findings = DiscoveryContext.discovery(context).findings(DiscoveryContext.requiredCycle(args))
                .stream();
        if (args.flag("fix-candidates")) {
            findings = findings.filter(Finding::fixCandidate);
        }
        if (args.flag("out-of-scope")) {
            findings = findings.filter(f -> !f.inScope());
        }
        List<Finding> selected = findings.toList();
        if (args.flag("json")) {
            selected.forEach(f -> context.out.println(DiscoveryJson.finding(f)));
            return Ctem.OK;
        }
        int surfaceWidth = Math.max("SURFACE".length(), selected.stream().filter(Finding::inScope)
                .mapToInt(f -> f.surfaceKey().length()).max().orElse(0));
        String format = "%-7s %-18s %-9s %-" + surfaceWidth + "s %-5s %-36s %-24s %s%n";
        context.out.printf(format, "ID", "KEY", "SEVERITY", "SURFACE", "FIX?", "ASSET", "RULE", "TITLE");
        for (Finding f : selected) {
            context.out.printf(format, f.id(), f.key(), f.severity().name(), f.inScope() ? f.surfaceKey() : "(out)",
                    f.fixCandidate() ? "yes" : "", cut(f.asset().value(), 36), cut(f.ruleId(), 24), cut(f.title(), 60));
        }
        context.out.println(selected.size() + " finding" + (selected.size() == 1 ? "" : "s"));
        return Ctem.OK;
    }

    private int show(Arguments args) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException("findings show", "needs exactly one finding id, e.g. ctem findings show 12");
        }
        long id;
        try {
            id = Long.parseLong(args.positional().get(0));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("findings show", "'" + args.positional().get(0) + "' is not a finding id");
        }
        DiscoveryService discovery = DiscoveryContext.discovery(context);
        Finding finding = discovery.finding(id);
        List<Signal> signals = discovery.signals(id);
        if (args.flag("json")) {
            JsonObject json = DiscoveryJson.finding(finding);
            JsonArray array = new JsonArray();
            signals.forEach(s -> array.add(DiscoveryJson.signal(s)));
            json.add("signals", array);
            context.out.println(json);
            return Ctem.OK;
        }
        context.out.printf("Finding %d (%s) in %s: %s%n", finding.id(), finding.key(), finding.cycleKey(),
                finding.title());
        context.out.printf("  Surface:   %s%n", finding.inScope() ? finding.surfaceKey() : "out of scope");
        context.out.printf("  Asset:     %s (%s)%n", finding.asset().value(), finding.asset().kind().name().toLowerCase());
        context.out.printf("  Rule:      %s %s at %s%n", finding.tool(), finding.ruleId(),
                finding.location().isEmpty() ? "-" : finding.location());
        context.out.printf("  Severity:  %s   Status: %s%s%n", finding.severity(), finding.status().label(),
                finding.fixCandidate() ? "   fix candidate (run " + finding.fixCandidateRunId() + ")" : "");
        context.out.printf("  CVEs:      %s   CWEs: %s%n", String.join(", ", finding.cves()), String.join(", ", finding.cwes()));
        context.out.printf("  Seen:      %s .. %s%n", finding.firstSeen(), finding.lastSeen());
        context.out.println("  Signals:");
        for (Signal s : signals) {
            context.out.printf("    run %-5d %-20s %-12s %-10s %s%s%n", s.runId(), s.sourceKind().label(), s.tool(),
                    s.rawSeverity(), s.seenAt(), s.live() ? "" : "   soft-deleted by run " + s.deletedByRunId());
        }
        return Ctem.OK;
    }

    private int add(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("findings add", "does not take '" + args.positional().get(0) + "'");
        }
        ManualIntakeResult result;
        try {
            result = DiscoveryContext.discovery(context).recordManual(new ManualFindingDraft(
                    DiscoveryContext.requiredCycle(args), args.option("title"), args.option("asset"),
                    args.option("location"), args.option("severity"), args.options("cve"), args.options("cwe"),
                    args.options("cvss"), args.option("reference"), args.option("evidence")), context.actor);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(p -> new Problem(switch (p.field()) {
                case "cves" -> "--cve";
                case "cwes" -> "--cwe";
                case "cvssVectors" -> "--cvss";
                default -> "--" + p.field();
            }, p.message())).toList());
        }
        DiscoveryIntake.Outcome intake = context.record().intake().take(result.finding().cycleKey(),
                result.summary(), context.actor);
        JsonObject json = DiscoveryJson.finding(result.finding());
        json.addProperty("merged", result.merged());
        json.addProperty("run", result.summary().runId());
        json.add("register", DiscoveryJson.intake(intake));
        context.out.println(json);
        return Ctem.OK;
    }

    private static String cut(String text, int width) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
}
