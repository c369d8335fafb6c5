package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.report.json.DiscoveryJson;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code ctem surfaces add|list}: the minimal surface registration scope mapping needs. */
final class SurfacesCommand {

    static final String USAGE = """
            ctem surfaces add --cycle KEY --key KEY --name NAME --kind KIND [--rule KIND:PATTERN]...
                              [--owner USER] [--criticality C] [--exposure E] [--success TEXT]
                Registers a surface of a cycle with its scope rules (host:*.example.com, ip:10.0.0.0/8,
                url:https://shop.example.com/api/, repo:github.com/acme/shop, image:registry.example.com/shop,
                cloud:aws:123456789012). KIND: business-process, customer-facing-system, regulated-data-flow,
                third-party-connection, identity-surface.
            ctem surfaces list --cycle KEY [--json]
                Lists a cycle's surfaces and their scope rules.""";

    private final CommandContext context;

    SurfacesCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("surfaces", "needs a subcommand: add or list\n" + USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "add" -> add(Arguments.parse(rest, Set.of("cycle", "key", "name", "kind", "owner", "criticality",
                    "exposure", "success"), Set.of("rule"), Set.of()));
            case "list" -> list(Arguments.parse(rest, Set.of("cycle"), Set.of("json")));
            default -> throw new InvalidInputException("surfaces " + words.get(0),
                    "is not a subcommand: use add or list\n" + USAGE);
        };
    }

    private int add(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("surfaces add", "does not take '" + args.positional().get(0) + "'");
        }
        try {
            // the cycle record's scope service: validates, enforces the cycle's state, and logs the addition
            Surface surface = context.record().scope().add(DiscoveryContext.requiredCycle(args), new SurfaceDraft(
                    args.option("key"), args.option("name"), args.option("kind"), args.option("owner"),
                    args.option("criticality"), args.option("exposure"), args.option("success"),
                    args.options("rule")), context.actor);
            context.out.println(DiscoveryJson.surface(surface));
            return Ctem.OK;
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new Problem(option(p.field()), p.message())).toList());
        }
    }

    private int list(Arguments args) {
        List<Surface> surfaces = context.record().scope().list(DiscoveryContext.requiredCycle(args));
        if (args.flag("json")) {
            surfaces.forEach(s -> context.out.println(DiscoveryJson.surface(s)));
            return Ctem.OK;
        }
        if (surfaces.isEmpty()) {
            context.out.println("No surface yet. Register one with: ctem surfaces add --cycle KEY --key KEY --name NAME"
                    + " --kind KIND --rule KIND:PATTERN");
            return Ctem.OK;
        }
        String format = "%-20s %-24s %-9s %s%n";
        context.out.printf(format, "KEY", "KIND", "CRIT.", "NAME / RULES");
        for (Surface surface : surfaces) {
            context.out.printf(format, surface.key(), surface.kind().label(),
                    surface.criticality() == null ? "-" : surface.criticality().label(), surface.name());
            context.out.printf(format, "", "", "", surface.rules().isEmpty() ? "(no scope rule)"
                    : surface.rules().stream().map(ScopeRule::toString).collect(Collectors.joining(" ")));
        }
        return Ctem.OK;
    }

    private static String option(String field) {
        return switch (field) {
            case "businessOwner" -> "--owner";
            case "successCriterion" -> "--success";
            case "cycleKey", "cycle" -> "--cycle";
            default -> field.startsWith("rules[") ? "--rule " + field.substring("rules".length()) : "--" + field;
        };
    }
}
