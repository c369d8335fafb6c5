package org.ctemcycles.cli;

import com.google.gson.GsonBuilder;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.RankingThreads;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.QueueService;
import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevReader;
import org.ctemcycles.ingest.priority.FindingFactsReader;
import org.ctemcycles.ingest.priority.PolicyJsonReader;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.report.json.PolicyJson;
import org.ctemcycles.store.AoDecisionRepository;
import org.ctemcycles.store.AoFeedStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ctem prioritise} ranks finding facts (JSON lines) under a policy with EPSS and KEV feed files and prints the
 * ranked decisions as JSON lines; {@code ctem policy} prints the policy in force as JSON.
 */
final class PrioritiseCommand {

    static final String USAGE = """
            ctem prioritise --findings FILE.jsonl [--epss FEED] [--kev FEED] [--policy FILE] [--record]
                            [--stored-feeds] [--max-bytes N] [--max-field-length N] ...
                Ranks the findings (one JSON object a line, see README) and prints one decision a line, highest
                first: score, tier, SSVC outcome, deadline and rule, factors with provenance, rationale.
                --epss: FIRST's epss_scores-*.csv(.gz); --kev: CISA's KEV catalogue, JSON or CSV (.gz too);
                --policy: a policy file (ctem policy prints the default); --record: also store the decisions
                in the database (append-only: earlier decisions are kept).
                --stored-feeds: use the database's active EPSS and KEV feeds (see ctem feeds load) for those
                not given as files. Feeds are read within the limits of ctem import (--max-bytes after
                decompression, --max-field-length, --max-depth, --max-record-values).
            ctem cycle prioritise KEY [--epss FEED] [--kev FEED] [--policy FILE] [--json] [--max-bytes N] ...
                Ranks every finding in the cycle's register with the facts the cycle holds (CVEs and CVSS from
                discovery, the surface's criticality and exposure, the latest validation outcome) and stores the
                decisions as the cycle's queue (logged). Feeds not given as files come from the database's active
                ones (ctem feeds load); none at all is recorded as unknown in every decision.
            ctem cycle queue KEY [--json]
                The cycle's current queue: each finding's newest decision, highest first.
            ctem policy [--policy FILE]
                Prints the prioritisation policy in force (the default, or FILE checked and completed) as JSON.
            ctem feeds load [--epss FEED] [--kev FEED] [--max-bytes N] [--max-field-length N] ...
                Checks each feed whole, then stores it in the database as the new active version (as a Jira node
                does); a rejected feed leaves the active one in place.
            ctem feeds list
                Lists the stored feed versions, newest first, with their state.""";

    private final CommandContext context;

    PrioritiseCommand(CommandContext context) {
        this.context = context;
    }

    int prioritise(List<String> words) {
        Arguments args = Arguments.parse(words, LimitOptions.with(Set.of("findings", "epss", "kev", "policy")),
                Set.of("record", "stored-feeds"));
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("prioritise", "does not take '" + args.positional().get(0) + "'");
        }
        if (args.option("findings") == null) {
            throw new InvalidInputException("--findings", "is required: a file of finding facts, one JSON object a line");
        }
        PriorityPolicy policy = policy(args.option("policy"));
        Instant now = context.clock.instant();
        Feeds feeds = feeds(args, now, args.flag("stored-feeds"));
        EpssLookup epss = feeds.epss();
        KevCatalog kev = feeds.kev();
        List<PriorityInput> inputs = read("--findings", args.option("findings"), in -> new FindingFactsReader()
                .read(new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))));
        List<Decision> ranked;
        try (RankingThreads threads = RankingThreads.of(Runtime.getRuntime().availableProcessors())) {
            ranked = PriorityEngine.of(policy, threads).prioritise(inputs, epss, kev, now);
        }
        if (!ranked.isEmpty()) {
            for (FeedUse feed : ranked.get(0).feeds()) {
                if (feed.stale()) {
                    context.err.println("ctem: warning: " + feed.describe());
                }
            }
        }
        int rank = 0;
        for (Decision decision : ranked) {
            context.out.println(DecisionJson.toJson(++rank, decision));
        }
        if (args.flag("record")) {
            String runId = "cli-" + now.toEpochMilli();
            new AoDecisionRepository(context.database().activeObjects(), new DecisionJson()).append(runId, ranked);
            context.err.println("ctem: recorded " + ranked.size() + " decisions as run " + runId);
        }
        return Ctem.OK;
    }

    /** {@code ctem cycle prioritise KEY ...}. */
    int prioritiseCycle(List<String> words) {
        Arguments args = Arguments.parse(words, LimitOptions.with(Set.of("epss", "kev", "policy")), Set.of("json"));
        String key = cycleKey(args, "cycle prioritise");
        PriorityPolicy policy = policy(args.option("policy"));
        Feeds feeds = feeds(args, context.clock.instant(), true);
        QueueService.Ranking ranking = context.record().queue().prioritise(key, policy, feeds.epss(), feeds.kev(),
                context.actor);
        for (FeedUse feed : ranking.queue().get(0).feeds()) {
            if (!feed.given() || feed.stale()) {
                context.err.println("ctem: warning: " + feed.describe());
            }
        }
        printQueue(ranking.queue(), args.flag("json"));
        context.err.println("ctem: recorded " + ranking.queue().size() + " decisions as run " + ranking.runId());
        return Ctem.OK;
    }

    /** {@code ctem cycle queue KEY}. */
    int queue(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of(), Set.of("json"));
        String key = cycleKey(args, "cycle queue");
        List<Decision> queue = context.record().queue().queue(key);
        if (queue.isEmpty() && !args.flag("json")) {
            context.out.println("The queue of " + key + " is empty: rank its register with ctem cycle prioritise "
                    + key);
            return Ctem.OK;
        }
        printQueue(queue, args.flag("json"));
        if (!args.flag("json")) {
            QueueHints.settled(context.out, context.record(), key, queue);
            QueueHints.reprioritise(context.out, context.record(), key, queue);
        }
        return Ctem.OK;
    }

    private record Feeds(EpssLookup epss, KevCatalog kev) {
    }

    /** The feeds given as --epss and --kev files; with {@code stored}, the database's active ones for the others. */
    private Feeds feeds(Arguments args, Instant now, boolean stored) {
        ImportLimits limits = LimitOptions.limits(args);
        EpssLookup epss = args.option("epss") == null ? null : read("--epss", args.option("epss"),
                in -> new EpssCsvReader(limits).read(in, args.option("epss"), now));
        KevCatalog kev = args.option("kev") == null ? null : read("--kev", args.option("kev"),
                in -> new KevReader(limits).read(in, args.option("kev"), now));
        if (stored && (epss == null || kev == null)) {
            AoFeedStore store = new AoFeedStore(context.database().activeObjects());
            epss = epss == null ? store.activeEpss().orElse(null) : epss;
            kev = kev == null ? store.activeKev().orElse(null) : kev;
        }
        return new Feeds(epss, kev);
    }

    private static String cycleKey(Arguments args, String command) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException(command, "needs exactly one cycle key, e.g. ctem " + command
                    + " CTEM-2026-Q4" + (args.positional().isEmpty() ? "" : " (given: "
                    + String.join(" ", args.positional()) + ")"));
        }
        return args.positional().get(0);
    }

    private void printQueue(List<Decision> queue, boolean json) {
        int rank = 0;
        if (json) {
            for (Decision decision : queue) {
                context.out.println(DecisionJson.toJson(++rank, decision));
            }
            return;
        }
        String format = "%4s  %-18s %5s  %-8s %-12s %-11s %s%n";
        context.out.printf(format, "RANK", "FINDING", "SCORE", "TIER", "SSVC", "DEADLINE", "WHY");
        for (Decision d : queue) {
            String rationale = d.rationale();
            String why = rationale.substring(rationale.indexOf("): ") + 3); // tier, score and SSVC have columns
            context.out.printf(format, ++rank, d.findingKey(), d.scorePoints().toPlainString(), d.tier().name(),
                    d.ssvc().determined() ? d.ssvc().label() : d.ssvc().lowest().label() + ".."
                            + d.ssvc().highest().label(), d.deadline().date() == null ? "-"
                            : d.deadline().date() + (d.deadline().overdue() ? " !" : ""), cut(why, 90));
        }
        context.out.println(queue.size() + " findings; ! = overdue");
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    int feeds(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("feeds", "needs a subcommand: load or list");
        }
        AoFeedStore store;
        switch (words.get(0)) {
            case "load" -> {
                Arguments args = Arguments.parse(words.subList(1, words.size()),
                        LimitOptions.with(Set.of("epss", "kev")), Set.of());
                ImportLimits limits = LimitOptions.limits(args);
                if (args.option("epss") == null && args.option("kev") == null) {
                    throw new InvalidInputException("feeds load", "needs --epss FEED, --kev FEED or both");
                }
                Instant now = context.clock.instant();
                // both files are read and checked before anything is stored
                EpssFeed epss = args.option("epss") == null ? null : read("--epss", args.option("epss"),
                        in -> new EpssCsvReader(limits).read(in, args.option("epss"), now));
                KevCatalog kev = args.option("kev") == null ? null : read("--kev", args.option("kev"),
                        in -> new KevReader(limits).read(in, args.option("kev"), now));
                store = new AoFeedStore(context.database().activeObjects());
                if (epss != null) {
                    store.loadEpss(epss);
                    context.out.println("EPSS " + epss.info().modelVersion() + " of " + epss.info().scoreDate() + ": "
                            + epss.size() + " CVEs stored and active");
                }
                if (kev != null) {
                    store.loadKev(kev);
                    context.out.println("KEV " + kev.info().catalogVersion() + " of " + kev.info().dateReleased()
                            + ": " + kev.size() + " entries stored and active");
                }
            }
            case "list" -> {
                Arguments.parse(words.subList(1, words.size()), Set.of(), Set.of());
                store = new AoFeedStore(context.database().activeObjects());
                for (FeedKind kind : FeedKind.values()) {
                    for (String version : store.versions(kind)) {
                        context.out.println(kind + " " + version);
                    }
                }
            }
            default -> throw new InvalidInputException("feeds " + words.get(0), "is not a subcommand: use load or list");
        }
        return Ctem.OK;
    }

    int policy(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("policy"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("policy", "does not take '" + args.positional().get(0) + "'");
        }
        context.out.println(new GsonBuilder().setPrettyPrinting().create()
                .toJson(PolicyJson.toJson(policy(args.option("policy")))));
        return Ctem.OK;
    }

    private PriorityPolicy policy(String file) {
        if (file == null) {
            return PriorityPolicy.defaults();
        }
        return read("--policy", file, in -> new PolicyJsonReader().read(
                new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    private interface FileReader<T> {
        T read(InputStream in) throws ImportException, IOException;
    }

    private static <T> T read(String option, String file, FileReader<T> reader) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return reader.read(in);
        } catch (ImportException e) {
            List<Problem> problems = new ArrayList<>();
            for (String line : e.getMessage().split("\n")) {
                problems.add(new Problem(option, file + ": " + line));
            }
            throw new InvalidInputException(problems);
        } catch (IOException e) {
            throw new InvalidInputException(option, "cannot read " + file + ": " + e);
        }
    }
}
