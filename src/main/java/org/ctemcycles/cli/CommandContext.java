package org.ctemcycles.cli;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a subcommand works with: where it reads and writes, the clock, who runs it, and the embedded database (opened on first
 * use, so commands that need none stay fast and leave no file behind).
 */
final class CommandContext implements AutoCloseable {

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Clock clock;
    final String actor;
    private final Supplier<EmbeddedDatabase> opener;
    private EmbeddedDatabase database;

    CommandContext(InputStream in, PrintStream out, PrintStream err, Clock clock, String actor, Supplier<EmbeddedDatabase> opener) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.actor = actor;
        this.opener = opener;
    }

    EmbeddedDatabase database() {
        if (database == null) {
            database = opener.get();
        }
        return database;
    }

    /** The H2 URL for a database file path given to --db (H2 appends .mv.db). */
    static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
