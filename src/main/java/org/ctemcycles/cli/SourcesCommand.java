package org.ctemcycles.cli;

import org.ctemcycles.app.KeyFile;

import org.ctemcycles.app.ReportFetcher;
import org.ctemcycles.app.ScheduledDiscovery;
import org.ctemcycles.app.TokenSeal;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.store.AoSourceRepository;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ctem sources ...}: scheduled discovery sources on the embedded database. The hosts sources may fetch from
 * are the administrator's allow-list in {@code CTEM_SOURCE_HOSTS} (comma-separated); a token is read from the
 * environment variable {@code --token-env} names (never from the command line, where other users could see it),
 * sealed with the sources key kept beside the database, and never printed again.
 */
final class SourcesCommand {

    static final String USAGE = """
            ctem sources add --cycle KEY --name NAME (--url HTTPS-URL [--token-env VAR] | --folder DIR)
                             --every DURATION [--covers SURFACE,...] [--format FORMAT]
                Adds a scheduled discovery source: a report fetched over HTTPS (hosts allowed by the
                administrator in CTEM_SOURCE_HOSTS; the token read from the environment variable VAR and kept
                sealed with a key beside the database) or the reports of a folder, imported every DURATION
                (e.g. 30m, 6h, 1d; at least 5 minutes) through the same path as ctem import.
            ctem sources list
                Lists the sources with their schedule and last outcome (never a token).
            ctem sources remove ID
                Removes a source.
            ctem sources run [ID]
                Runs the sources that are due now (or source ID, due or not); an unchanged report changes
                nothing.""";

    private static final long MAX_FETCH_BYTES = ImportLimits.defaults().maxBytes();

    private final CommandContext context;
    private final Map<String, String> environment;
    private final KeyFile keyFile;

    SourcesCommand(CommandContext context, Map<String, String> environment, KeyFile keyFile) {
        this.context = context;
        this.environment = environment;
        this.keyFile = keyFile;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("sources", "needs a subcommand: add, list, remove or run");
        }
        List<String> rest = words.subList(1, words.size());
        switch (words.get(0)) {
            case "add" -> add(Arguments.parse(rest, Set.of("cycle", "name", "url", "token-env", "folder", "every",
                    "covers", "format"), Set.of()));
            case "list" -> list();
            case "remove" -> {
                Arguments args = Arguments.parse(rest, Set.of(), Set.of());
                sources().remove(id(args), context.actor);
                out("Source %d removed", id(args));
            }
            case "run" -> run(Arguments.parse(rest, Set.of(), Set.of()));
            default -> throw new InvalidInputException("sources " + words.get(0), "is not a subcommand (see ctem"
                    + " --help)");
        }
        return 0;
    }

    private void add(Arguments args) {
        String url = args.option("url");
        String folder = args.option("folder");
        if ((url == null) == (folder == null)) {
            throw new InvalidInputException("--url / --folder", "give exactly one: an https URL or a folder");
        }
        String token = null;
        String variable = args.option("token-env");
        if (variable != null) {
            token = environment.get(variable);
            if (token == null || token.isEmpty()) {
                throw new InvalidInputException("--token-env", "the environment variable " + variable
                        + " is not set or empty");
            }
        }
        List<String> covers = args.option("covers") == null ? List.of()
                : Arrays.stream(args.option("covers").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        DiscoverySource added = sources().add(args.option("cycle") == null ? "" : args.option("cycle"),
                args.option("name"), url != null ? DiscoverySource.Kind.HTTPS : DiscoverySource.Kind.FOLDER,
                url != null ? url : folder, token, every(args.option("every")), covers, args.option("format"),
                context.actor);
        out("Source %d added to %s: %s every %s%s", added.id(), added.cycleKey(), added.location(),
                text(added.every()), added.sealedToken().isEmpty() ? "" : " (token sealed, not shown again)");
    }

    private void list() {
        List<DiscoverySource> all = sources().list();
        if (all.isEmpty()) {
            out("No discovery sources.");
        }
        for (DiscoverySource s : all) {
            out("%d  %s  %s  %s %s every %s%s; last run %s%s", s.id(), s.cycleKey(), s.name(), s.kind(),
                    s.location(), text(s.every()), s.sealedToken().isEmpty() ? "" : " (with token)",
                    s.lastRunAt() == null ? "never" : s.lastRunAt().toString(),
                    s.lastOutcome().isEmpty() ? "" : ": " + s.lastOutcome());
        }
    }

    private void run(Arguments args) {
        List<DiscoverySource> ran = args.positional().isEmpty() ? sources().runDue(context.actor)
                : List.of(sources().run(id(args), context.actor));
        if (ran.isEmpty()) {
            out("No source is due.");
        }
        ran.forEach(s -> out("Source %d (%s): %s", s.id(), s.name(), s.lastOutcome()));
    }

    private ScheduledDiscovery sources() {
        byte[] key = keyFile.key().orElseThrow().bytes();
        Set<String> hosts = Arrays.stream(environment.getOrDefault("CTEM_SOURCE_HOSTS", "").split(","))
                .map(String::trim).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        try {
            return new ScheduledDiscovery(new AoSourceRepository(context.database().activeObjects()),
                    context.record().imports(ImportLimits.defaults()), new ReportFetcher(hosts, MAX_FETCH_BYTES,
                    Duration.ofSeconds(60), SSLContext.getDefault()), new TokenSeal(Arrays.copyOf(key, 32)),
                    context.record().log(), context.clock);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    private static long id(Arguments args) {
        if (args.positional().size() != 1 || !args.positional().get(0).matches("\\d{1,18}")) {
            throw new InvalidInputException("ID", "give the number of one source (see ctem sources list)");
        }
        return Long.parseLong(args.positional().get(0));
    }

    /** 30m, 6h, 1d, or an ISO-8601 duration. */
    static Duration every(String text) {
        return DiscoverySource.parseEvery("--every", text);
    }

    private static String text(Duration d) {
        return DiscoverySource.text(d);
    }

    private void out(String format, Object... values) {
        context.out.printf(format + "%n", values);
    }
}
