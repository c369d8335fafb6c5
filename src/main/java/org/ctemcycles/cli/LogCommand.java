package org.ctemcycles.cli;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleService;

import java.util.List;
import java.util.Set;

/**
 * {@code ctem log verify|show}: checks the hash chains of the activity log (exit 3 naming the first edited,
 * inserted or deleted entry) and prints a cycle's log.
 */
final class LogCommand {

    static final String USAGE = """
            ctem log verify [--cycle KEY]
                Verifies the activity log's hash chain of one cycle, or of every cycle: exit 0 when intact,
                3 when broken, naming the first edited, inserted or deleted entry.
            ctem log show KEY
                Prints a cycle's activity log: sequence, time, actor, action, subject, before and after.""";

    private final CommandContext context;

    LogCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("log", "needs a subcommand: verify or show");
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "verify" -> verify(Arguments.parse(rest, Set.of("cycle"), Set.of()));
            case "show" -> show(Arguments.parse(rest, Set.of(), Set.of()));
            default -> throw new InvalidInputException("log " + words.get(0), "is not a subcommand: use verify or show");
        };
    }

    private int verify(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("log verify", "does not take '" + args.positional().get(0)
                    + "' (name a cycle with --cycle KEY)");
        }
        ActivityLog log = context.record().log();
        List<String> chains;
        if (args.option("cycle") != null) {
            chains = List.of(context.record().cycles().get(args.option("cycle")).key());
        } else {
            chains = log.chains();
        }
        int broken = 0;
        for (String chain : chains) {
            ChainReport report = log.verify(chain);
            if (report.intact()) {
                context.out.printf("%s: %d entries, chain intact%n", chain, report.entries());
            } else {
                broken++;
                context.out.printf("%s: chain broken: %s%n", chain, report.firstBreak());
            }
        }
        if (chains.isEmpty()) {
            context.out.println("No activity log yet.");
        }
        return broken == 0 ? Ctem.OK : Ctem.LOG_BROKEN;
    }

    private int show(Arguments args) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException("log show", "needs exactly one cycle key");
        }
        String key = CycleService.normalise(args.positional().get(0));
        List<LogEntry> entries = context.record().log().chain(context.record().cycles().get(key).key());
        for (LogEntry e : entries) {
            context.out.printf("#%d %s %s %s %s%n    before: %s%n    after:  %s%n", e.sequence(), e.at(), e.actor(),
                    e.actionLabel(), e.subject(), e.before().isEmpty() ? "-" : e.before(),
                    e.after().isEmpty() ? "-" : e.after());
        }
        return Ctem.OK;
    }
}
