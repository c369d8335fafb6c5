package org.ctemcycles.cli;

import org.ctemcycles.app.KeyFile;

import org.ctemcycles.app.AppVersion;
import org.ctemcycles.cli.embedded.DatabaseUnavailableException;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.cli.embedded.OutOfSpaceException;
import org.ctemcycles.cli.embedded.StorageErrors;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.ingest.Importers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code ctem} command: CTEM Cycles for Jira outside Jira, on an embedded H2 database (or any database named by
 * {@code --db}), or a client of the app in a Jira ({@code --server}, {@link RemoteCommands}). Exit codes: 0 ok, 2 bad
 * input (the message names what is wrong), 1 internal error, 3 an activity log whose chain is broken
 * ({@code ctem log verify}), 4 a conflict with a concurrent change (reload, try again), 10 a report read only in part
 * ({@code ctem import}, {@code ctem parse}), and with {@code --server} 5 server unreachable, 6 TLS failed, 7 token or
 * permission refused, 8 the database is unavailable (in use by another process, unreachable, or not there), 9 the
 * disk is full.
 */
public final class Ctem {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int LOG_BROKEN = 3;
    public static final int CONFLICT = 4;
    /** The database cannot be used: another process holds it, its server cannot be reached, or it does not exist. */
    public static final int UNAVAILABLE = 8;
    /** The disk the database writes to is full; the command's change is stored whole or not at all. */
    public static final int NO_SPACE = 9;
    /** A report was read only in part (a record skipped, truncated, malformed or over a limit): a partial run. */
    public static final int PARTIAL = 10;

    /**
     * The whole usage text. Built when it is printed: every command's usage, indented, cost each command's start a
     * few milliseconds (BENCHMARKS.md, fast start).
     */
    static String usage() {
        return """
            Usage: ctem [--db PATH|JDBC-URL [--create]] COMMAND ...

            CTEM Cycles for Jira, on the command line. Works on an embedded H2 database:
            by default $CTEM_HOME/ctem.mv.db, where CTEM_HOME defaults to ~/.ctem.

            Commands:
            """ + DemoCommand.USAGE.indent(2) + ReportCommand.USAGE.indent(2) + CyclesCommand.USAGE.indent(2)
            + CycleCommand.USAGE.indent(2) + SourcesCommand.USAGE.indent(2) + NoticesCommand.USAGE.indent(2)
            + SurfacesCommand.USAGE.indent(2)
            + ParseCommand.USAGE.indent(2) + ImportCommand.USAGE.indent(2) + FindingsCommand.USAGE.indent(2)
            + CoverageCommand.USAGE.indent(2) + ScoreCommand.USAGE.indent(2) + PrioritiseCommand.USAGE.indent(2)
            + LogCommand.USAGE.indent(2) + RemoteCommands.USAGE.indent(2) + """
              ctem version
                  Prints the version and the Jira line it targets.
              ctem --help
                  Prints this text.

            Options:
              --db PATH|JDBC-URL   an H2 database file (PATH, without .mv.db) or a jdbc:h2: / jdbc:postgresql: URL
                                   (user and password from CTEM_DB_USER and CTEM_DB_PASSWORD); an H2 file must
                                   exist unless --create is given (the default database is created on first use)
              --create             makes a new H2 database at the --db PATH

            Environment: CTEM_HOME (default ~/.ctem), CTEM_SECURITY_LEADS (user keys, comma-separated, who may
            override stage gates; unset: the local user), CTEM_TOKEN (the Jira personal access token of --server),
            CTEM_ANCHOR_KEY (the file holding the activity log's anchor key; default: beside the database, made on
            first use, readable by its owner only).

            Exit codes: 0 ok, 2 bad input (the message names what is wrong), 1 internal error,
            3 activity log chain broken (ctem log verify), 4 conflict with a concurrent change (try again),
            5 server unreachable, 6 TLS with the server failed, 7 the server refused the token or the permission,
            8 database unavailable (in use by another process, unreachable, no database at --db PATH, or a file
              in an H2 format this build cannot read: the message gives the export and import to run),
            9 disk full (the command's change is stored whole or not at all),
            10 a report read only in part (ctem import: a partial run, recorded but no coverage; ctem parse).""";
    }

    private final Map<String, String> environment;
    private final Clock clock;
    private final Duration lockWait;

    public Ctem(Map<String, String> environment, Clock clock) {
        this(environment, clock, EmbeddedDatabase.Options.LOCK_WAIT);
    }

    private Ctem(Map<String, String> environment, Clock clock, Duration lockWait) {
        this.environment = environment;
        this.clock = clock;
        this.lockWait = lockWait;
    }

    /** The same command with another wait for an embedded database that another process holds. */
    Ctem withLockWait(Duration wait) {
        return new Ctem(environment, clock, wait);
    }

    public static void main(String[] args) {
        int status = new Ctem(System.getenv(), Clock.systemUTC()).run(Arrays.asList(args), System.in, System.out,
                System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command line with an empty standard input; never throws, never exits. */
    public int run(List<String> words, PrintStream out, PrintStream err) {
        return run(words, InputStream.nullInputStream(), out, err);
    }

    /**
     * Runs one command line; never throws, never exits (tests call it directly). Control characters in what it
     * prints are shown escaped ({@link ControlEscaping}).
     */
    public int run(List<String> words, InputStream in, PrintStream out, PrintStream err) {
        PrintStream safeOut = new PrintStream(new ControlEscaping(out), false, StandardCharsets.UTF_8);
        PrintStream safeErr = new PrintStream(new ControlEscaping(err), false, StandardCharsets.UTF_8);
        try {
            return dispatch(words, in, safeOut, safeErr);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    private int dispatch(List<String> words, InputStream in, PrintStream out, PrintStream err) {
        try {
            int at = 0;
            String db = null;
            boolean create = false;
            while (at < words.size() && (words.get(at).startsWith("--db") || words.get(at).equals("--create"))) {
                String word = words.get(at);
                if (word.equals("--create")) {
                    create = true;
                    at++;
                } else if (word.startsWith("--db=")) {
                    db = word.substring("--db=".length());
                    at++;
                } else if (word.equals("--db") && at + 1 < words.size()) {
                    db = words.get(at + 1);
                    at += 2;
                } else {
                    throw new InvalidInputException("--db", "needs a database file path or a JDBC URL");
                }
            }
            if (at == words.size()) {
                err.println(usage());
                return BAD_INPUT;
            }
            String command = words.get(at);
            List<String> rest = words.subList(at + 1, words.size());
            if (command.equals("help") && !rest.isEmpty() || !command.startsWith("-") && Help.asked(rest)) {
                return help(command.equals("help") ? rest : words.subList(at, words.size()), out);
            }
            if (RemoteCommands.wanted(rest)) {
                return new RemoteCommands(out, err, environment, () -> System.nanoTime() / 1_000_000)
                        .run(command, rest);
            }
            String database = db;
            boolean mayCreate = create;
            String holder = "ctem " + String.join(" ", words.subList(at, Math.min(words.size(), at + 4)))
                    + (words.size() > at + 4 ? " ..." : "");
            try (CommandContext context = new CommandContext(in, out, err, clock, actor(),
                    () -> openDatabase(database, mayCreate, holder, err), localPortsFile(database),
                    CommandContext.leads(environment.get("CTEM_SECURITY_LEADS")),
                    new KeyFile(anchorKeyFile(database)))) {
                int status = switch (command) {
                    case "--help", "-h", "help" -> {
                        out.println(usage());
                        yield OK;
                    }
                    case "version", "--version" -> version(out);
                    case "cycles" -> new CyclesCommand(context).run(rest);
                    case "parse" -> new ParseCommand(context, Importers.standard()).run(rest);
                    case "surfaces" -> new SurfacesCommand(context).run(rest);
                    case "import" -> new ImportCommand(context).run(rest);
                    case "findings" -> new FindingsCommand(context).run(rest);
                    case "coverage" -> new CoverageCommand(context).coverage(rest);
                    case "runs" -> new CoverageCommand(context).runs(rest);
                    case "cycle" -> new CycleCommand(context).run(rest);
                    case "sources" -> new SourcesCommand(context, environment, new KeyFile(
                            besideDatabase(database, "sources.key"), "sources key",
                            "the sources' tokens are sealed with it")).run(rest);
                    case "notices" -> new NoticesCommand(context).run(rest);
                    case "log" -> new LogCommand(context).run(rest);
                    case "score" -> new ScoreCommand(context).run(rest);
                    case "prioritise", "prioritize" -> new PrioritiseCommand(context).prioritise(rest);
                    case "policy" -> new PrioritiseCommand(context).policy(rest);
                    case "feeds" -> new PrioritiseCommand(context).feeds(rest);
                    case "report" -> new ReportCommand(context, appVersion()).run(rest);
                    case "demo" -> new DemoCommand(context, environment).run(rest);
                    default -> throw new InvalidInputException(command, "is not a ctem command (see ctem --help)");
                };
                if (status == OK || status == PARTIAL) {
                    context.saveLocalPorts(); // a partial run was recorded, and its intake may have changed issues
                }
                return status;
            }
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                err.println("ctem: " + problemText(problem));
            }
            return BAD_INPUT;
        } catch (NotFoundException e) {
            err.println("ctem: " + e.getMessage());
            return BAD_INPUT;
        } catch (ConflictException e) {
            err.println("ctem: conflict: " + e.getMessage());
            return CONFLICT;
        } catch (DatabaseUnavailableException e) {
            err.println("ctem: " + e.getMessage());
            return UNAVAILABLE;
        } catch (RuntimeException e) {
            var full = e instanceof OutOfSpaceException ? java.util.Optional.of(e.getMessage())
                    : StorageErrors.diskFull(e);
            if (full.isPresent()) {
                // the disk may fill after the commit (H2 writes in the background): the change is then stored whole
                err.println("ctem: the disk is full (" + full.get() + "): this command's change is stored whole or"
                        + " not at all (ctem runs shows an import); free some space and run it again");
                return NO_SPACE;
            }
            err.println("ctem: internal error: " + e);
            return INTERNAL_ERROR;
        }
    }

    /**
     * "field: message", or the message alone when it already begins with the field's word ("cycle CTEM-1 is
     * closed", not "cycle: cycle CTEM-1 is closed").
     */
    static String problemText(Problem problem) {
        return problem.message().startsWith(problem.field() + " ") ? problem.message()
                : problem.field() + ": " + problem.message();
    }

    /** The usage of the command a line names ({@code ctem cycle --help}, {@code ctem help log verify}). */
    private static int help(List<String> words, PrintStream out) {
        String usage = Help.of(usage()).usage(words);
        if (usage == null) {
            throw new InvalidInputException(words.get(0), "is not a ctem command (see ctem --help)");
        }
        out.println(usage);
        return OK;
    }

    private String actor() {
        return "local:" + System.getProperty("user.name", "unknown");
    }

    /**
     * Opens the database the command names. An H2 file named with --db must exist unless --create is given, so that
     * a mistyped path is an error rather than a new, empty database; the default database is created on first use.
     */
    private EmbeddedDatabase openDatabase(String db, boolean create, String holder, PrintStream notices) {
        String url;
        if (db == null) {
            url = EmbeddedDatabase.h2FileUrl(defaultHome().resolve("ctem"));
        } else if (db.startsWith("jdbc:")) {
            url = db;
        } else {
            url = EmbeddedDatabase.h2FileUrl(Path.of(db));
        }
        Path file = EmbeddedDatabase.h2DataFile(url);
        if (db != null && !create && file != null && !Files.exists(file)) {
            throw new DatabaseUnavailableException("no database at " + db + " (" + file + " does not exist): check"
                    + " the path, or add --create to make a new database there");
        }
        Path parent = url.startsWith("jdbc:h2:file:") ? Path.of(url.substring("jdbc:h2:file:".length())
                .split(";")[0]).getParent() : null;
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new InvalidInputException("--db", "cannot create the folder " + parent + ": " + e.getMessage());
            }
        }
        String schema = url.startsWith("jdbc:postgresql:") ? postgresSchema(url) : "PUBLIC";
        return EmbeddedDatabase.open(url, environment.getOrDefault("CTEM_DB_USER", "sa"),
                environment.getOrDefault("CTEM_DB_PASSWORD", ""), schema,
                EmbeddedDatabase.Options.app().withLock(holder, lockWait).withNotice(message -> {
                    notices.println(message);
                    notices.flush();
                }));
    }

    /** The schema a PostgreSQL URL names with {@code currentSchema=}, else {@code public}. */
    static String postgresSchema(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.startsWith("currentSchema=") && parameter.length() > "currentSchema=".length()) {
                    return parameter.substring("currentSchema=".length()).split(",")[0];
                }
            }
        }
        return "public";
    }

    /**
     * Where the command line keeps its local tracker: beside an H2 database file
     * ({@code ctem.ports.json} for {@code ctem.mv.db}), or in CTEM_HOME for a database named by URL.
     */
    private Path localPortsFile(String db) {
        return besideDatabase(db, "ports.json");
    }

    /**
     * Where the command line keeps the activity log's anchor key: CTEM_ANCHOR_KEY when set, else beside the database
     * as the local tracker is ({@code ctem.anchor.key} for {@code ctem.mv.db}).
     */
    private Path anchorKeyFile(String db) {
        String named = environment.get("CTEM_ANCHOR_KEY");
        return named != null && !named.isBlank() ? Path.of(named) : besideDatabase(db, "anchor.key");
    }

    /** A file of the command line's own beside an H2 database file, or in CTEM_HOME for a database named by URL. */
    private Path besideDatabase(String db, String suffix) {
        if (db == null) {
            return defaultHome().resolve("ctem." + suffix);
        }
        if (db.startsWith("jdbc:")) {
            return defaultHome().resolve(suffix);
        }
        Path file = Path.of(db);
        return file.resolveSibling(file.getFileName() + "." + suffix);
    }

    private Path defaultHome() {
        String home = environment.get("CTEM_HOME");
        return home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".ctem");
    }

    private static int version(PrintStream out) {
        AppVersion version = AppVersion.current();
        out.println("ctem " + version.version() + " (CTEM Cycles for Jira, for Jira Data Center "
                + version.jiraTarget() + ")");
        return OK;
    }

    /** The app's version, as the build wrote it. */
    static String appVersion() {
        return AppVersion.current().version();
    }
}
