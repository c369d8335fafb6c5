package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.notice.Notice;
import org.ctemcycles.core.notice.NoticeRun;
import org.ctemcycles.core.notice.SentNotice;

import java.util.List;
import java.util.Set;

/**
 * {@code ctem notices [send|sent KEY]}: the notices the record owes today (ADR 092) on the embedded database. The
 * command line has no Jira to comment or mail through: {@code send} delivers by printing each notice and records it
 * once, under the same unique key as inside Jira, so a second run the same day prints nothing.
 */
final class NoticesCommand {

    static final String USAGE = """
            ctem notices
                Lists the notices due today and not yet sent: owners told of deadlines 7 days and 1 day away
                and passed, risk owners of acceptances ending within 7 days, each cycle's daily digest for its
                security leads. Records nothing.
            ctem notices send
                Prints each notice due (the command line's delivery) and records it as sent, once: a second run
                the same day prints nothing. Each notice sent is in its cycle's activity log.
            ctem notices sent KEY
                Lists the notices of cycle KEY already sent: when, to whom, about what.""";

    private final CommandContext context;

    NoticesCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            Arguments.parse(words, Set.of(), Set.of());
            List<Notice> due = context.record().notices().due();
            if (due.isEmpty()) {
                out("No notice is due.");
            }
            due.forEach(this::print);
            return 0;
        }
        List<String> rest = words.subList(1, words.size());
        switch (words.get(0)) {
            case "send" -> {
                Arguments args = Arguments.parse(rest, Set.of(), Set.of());
                if (!args.positional().isEmpty()) {
                    throw new InvalidInputException("notices send", "does not take '" + args.positional().get(0)
                            + "'");
                }
                NoticeRun run = context.record().notices().send(this::print, context.actor);
                out("%d sent, %d already sent", run.sent().size(), run.alreadySent());
            }
            case "sent" -> {
                Arguments args = Arguments.parse(rest, Set.of(), Set.of());
                if (args.positional().size() != 1) {
                    throw new InvalidInputException("KEY", "give the key of one cycle");
                }
                List<SentNotice> sent = context.record().notices().sent(args.positional().get(0));
                if (sent.isEmpty()) {
                    out("No notice sent.");
                }
                for (SentNotice n : sent) {
                    out("%s  %s  %s  %s  to %s  by %s", n.sentAt(), n.kind().label(),
                            n.findingKey().isEmpty() ? n.cycleKey() : n.findingKey(), n.day(),
                            n.recipient().isEmpty() ? "security leads" : n.recipient(), n.sentBy());
                }
            }
            default -> throw new InvalidInputException("notices " + words.get(0), "is not a subcommand: use send"
                    + " or sent KEY (see ctem --help)");
        }
        return 0;
    }

    private void print(Notice notice) {
        out("%s  %s  to %s%s: %s", notice.cycleKey(), notice.kind().label(),
                notice.recipient().isEmpty() ? "security leads" : notice.recipient(),
                notice.trackerIssue().isEmpty() ? "" : " on " + notice.trackerIssue(), notice.text().strip());
    }

    private void out(String format, Object... values) {
        context.out.printf(format + "%n", values);
    }
}
