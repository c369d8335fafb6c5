package org.ctemcycles.cli;

import org.ctemcycles.app.FrozenReports;
import org.ctemcycles.app.RecordVerification;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.report.view.Counted;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ctem log verify|show}: checks each cycle's record (exit 3 on any breach): the hash chain of its activity log
 * (naming the first edited, inserted, deleted or re-hashed entry, a head moved back, a log deleted or whose start was
 * replaced), with its keyed anchor when the key is at hand, and the record digests of its checkpoints and closure
 * (naming each register entry, finding or decision changed without a logged reason), and the stored bytes of the
 * evidence pack frozen at closure against the hashes the closure logged (ADR 083); and prints a cycle's log with
 * its recorded states as fields.
 */
final class LogCommand {

    static final String USAGE = """
            ctem log verify [--cycle KEY]
                Verifies the record of one cycle, or of every cycle: the activity log's hash chain and its keyed
                anchor (the key in a file beside the database), and the digests of the register, findings and
                decisions that checkpoints and the closure committed, and the evidence pack frozen at closure
                against the SHA-256 the closure logged. Exit 0 when intact; 3 when broken, naming the first
                edited, inserted, deleted or re-hashed entry, a deleted log, every changed row and a changed
                frozen pack.
            ctem log show KEY
                Prints a cycle's activity log: sequence, time, actor, action, subject, before and after (as
                fields).""";

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
            RecordVerification.Result verified = context.record().verification().verify(chain);
            ChainReport report = verified.chain();
            RecordReport records = verified.records();
            String anchor = report.keyed() ? ", keyed anchor verified (key " + report.anchorKeyId() + ")"
                    : ", no anchor key";
            if (report.intact()) {
                context.out.printf("%s: %s, chain intact%s%n", chain, Counted.of(report.entries(), "entry", "entries"),
                        anchor);
            } else {
                context.out.printf("%s: chain broken: %s%n", chain, report.firstBreak());
            }
            if (records.intact()) {
                context.out.printf("%s: %s%n", chain, records.digests().isEmpty() ? "no record digest yet"
                        : Counted.of(records.digests().size(), "record digest", "record digests")
                        + " verified (" + records.digests().stream().map(RecordDigest::label)
                        .collect(Collectors.joining(", ")) + ")");
            } else {
                records.breaches().forEach(b -> context.out.printf("%s: record changed: %s%n", chain, b));
                if (records.unlisted() > 0) {
                    context.out.printf("%s: record changed: and %d more%n", chain, records.unlisted());
                }
            }
            FrozenReports.Verification frozen = verified.frozenPack();
            if (!frozen.verified().isEmpty() && frozen.intact()) {
                context.out.printf("%s: evidence pack frozen at closure verified (%s)%n", chain,
                        String.join(", ", frozen.verified()));
            }
            if (frozen.state().equals(FrozenReports.Verification.UNFINISHED)) {
                context.out.printf("%s: evidence pack not yet frozen: the closure committed, its freeze did not"
                        + " finish (closing the cycle again finishes it)%n", chain);
            }
            frozen.breaches().forEach(b -> context.out.printf("%s: frozen evidence pack changed: %s%n", chain, b));
            if (!verified.intact()) {
                broken++;
            }
        }
        if (chains.isEmpty()) {
            context.out.println("No activity log yet.");
        }
        return broken == 0 ? Ctem.OK : Ctem.LOG_BROKEN;
    }

    /** A recorded state as fields, one a line under its label: "    after:  owner: dave". */
    private void state(String label, String text) {
        String fields = StateText.readable(text);
        String indent = " ".repeat(12);
        context.out.printf("    %-7s %s%n", label + ":", fields.isEmpty() ? "-" : fields.replace("\n", "\n" + indent));
    }

    private int show(Arguments args) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException("log show", "needs exactly one cycle key");
        }
        String key = CycleService.normalise(args.positional().get(0));
        List<LogEntry> entries = context.record().log().chain(context.record().cycles().get(key).key());
        for (LogEntry e : entries) {
            context.out.printf("#%d %s %s %s %s%n", e.sequence(), e.at(), e.actor(), e.actionLabel(), e.subject());
            state("before", e.before());
            state("after", e.after());
        }
        return Ctem.OK;
    }
}
