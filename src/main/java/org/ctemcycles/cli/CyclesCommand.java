package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.report.json.CycleJson;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ctem cycles create|list|show}: the same cycle service as the REST API, on the embedded database. */
final class CyclesCommand {

    static final String USAGE = """
            ctem cycles create --key KEY --name NAME --start YYYY-MM-DD --end YYYY-MM-DD
                               [--objective TEXT] [--checkpoint-days N] [--project JIRAKEY]
                Opens a cycle in the Scoping stage and prints it as JSON. --project names the Jira project the
                cycle belongs to (where its exposures are worked), when the record is later shared with Jira.
            ctem cycles list [--json]
                Lists the cycles, newest start first (--json: one JSON object a line).
            ctem cycles show KEY [--json]
                Shows one cycle.""";

    private final CommandContext context;

    CyclesCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("cycles", "needs a subcommand: create, list or show\n" + USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "create" -> create(Arguments.parse(rest,
                    Set.of("key", "name", "objective", "start", "end", "checkpoint-days", "project"), Set.of()));
            case "list" -> list(Arguments.parse(rest, Set.of(), Set.of("json")));
            case "show" -> show(Arguments.parse(rest, Set.of(), Set.of("json")));
            default -> throw new InvalidInputException("cycles " + words.get(0),
                    "is not a subcommand: use create, list or show\n" + USAGE);
        };
    }

    private CycleService service() {
        return context.record().cycles();
    }

    private int create(Arguments args) {
        noPositional(args, "cycles create");
        try {
            Cycle cycle = service().create(new CycleDraft(args.option("key"), args.option("name"),
                    args.option("objective"), args.option("start"), args.option("end"),
                    args.option("checkpoint-days"), args.option("project")), context.actor);
            context.out.println(CycleJson.toJson(cycle));
            return 0;
        } catch (InvalidInputException e) {
            // name the command-line options, not the service's field names
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new org.ctemcycles.core.common.Problem(optionFor(p.field()), p.message())).toList());
        }
    }

    private int list(Arguments args) {
        noPositional(args, "cycles list");
        List<Cycle> cycles = service().list();
        if (args.flag("json")) {
            cycles.forEach(cycle -> context.out.println(CycleJson.toJson(cycle)));
            return 0;
        }
        table(context.out, cycles.stream().map(CycleJson::toJson).toList());
        return 0;
    }

    /** The cycles (as {@link CycleJson} gives them, locally or from a Jira) as a table. */
    static void table(PrintStream out, List<JsonObject> cycles) {
        if (cycles.isEmpty()) {
            out.println("No CTEM cycle yet. Open one with: ctem cycles create --key KEY --name NAME"
                    + " --start YYYY-MM-DD --end YYYY-MM-DD");
            return;
        }
        String format = "%-20s %-15s %-10s %-11s %s%n";
        out.printf(format, "KEY", "STAGE", "START", "PLANNED END", "NAME");
        for (JsonObject cycle : cycles) {
            out.printf(format, text(cycle, "key"), Stage.valueOf(text(cycle, "stage")).label(), text(cycle, "start"),
                    text(cycle, "plannedEnd"), text(cycle, "name"));
        }
    }

    private static String text(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsString() : "";
    }

    private int show(Arguments args) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException("cycles show", "needs exactly one cycle key, e.g. ctem cycles show CTEM-2026-Q3");
        }
        Cycle cycle = service().get(args.positional().get(0));
        if (args.flag("json")) {
            context.out.println(CycleJson.toJson(cycle));
            return 0;
        }
        context.out.printf("Key:                 %s%n", cycle.key());
        context.out.printf("Name:                %s%n", cycle.name());
        context.out.printf("Stage:               %s%n", cycle.stage().label());
        context.out.printf("Objective:           %s%n", cycle.objective().isEmpty() ? "(none yet)" : cycle.objective());
        context.out.printf("Start:               %s%n", cycle.cadence().start());
        context.out.printf("Planned end:         %s%n", cycle.cadence().plannedEnd());
        context.out.printf("Checkpoint interval: %d days%n", cycle.cadence().checkpointIntervalDays());
        context.out.printf("Opened:              %s by %s%n", cycle.createdAt(), cycle.createdBy());
        if (!cycle.projectKey().isEmpty()) {
            context.out.printf("Jira project:        %s%n", cycle.projectKey());
        }
        return 0;
    }

    private static void noPositional(Arguments args, String command) {
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException(command, "does not take '" + args.positional().get(0) + "'");
        }
    }

    private static String optionFor(String field) {
        return switch (field) {
            case "plannedEnd" -> "--end";
            case "checkpointIntervalDays" -> "--checkpoint-days";
            case "projectKey" -> "--project";
            default -> "--" + field;
        };
    }
}
