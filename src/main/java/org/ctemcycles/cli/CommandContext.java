package org.ctemcycles.cli;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.AnchorKeySource;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a subcommand works with: where it reads and writes, the clock, who runs it, the embedded database (opened
 * on first use, so commands that need none stay fast and leave no file behind), and the services of the cycle record
 * over it with the command line's local tracker (saved beside the database) and the activity log's anchor key (a
 * file beside the database, made on first use).
 */
final class CommandContext implements AutoCloseable {

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Clock clock;
    final String actor;
    private final Supplier<EmbeddedDatabase> opener;
    private final Path localPortsFile;
    private final Set<String> securityLeads;
    private final AnchorKeySource anchorKeys;
    private EmbeddedDatabase database;
    private LocalPorts localPorts;
    private CycleRecord record;

    /**
     * @param localPortsFile where the local tracker's issues are saved
     * @param securityLeads  the user keys of security leads; empty means the local user is one
     * @param anchorKeys     where the activity log's anchor key is kept (outside the database)
     */
    CommandContext(InputStream in, PrintStream out, PrintStream err, Clock clock, String actor,
                   Supplier<EmbeddedDatabase> opener, Path localPortsFile, Set<String> securityLeads,
                   AnchorKeySource anchorKeys) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.actor = actor;
        this.opener = opener;
        this.localPortsFile = localPortsFile;
        this.securityLeads = securityLeads;
        this.anchorKeys = anchorKeys;
    }

    /** The services of the cycle record over the database, with the local ports. */
    CycleRecord record() {
        if (record == null) {
            localPorts = LocalPorts.load(localPortsFile);
            record = CycleRecord.overStore(database().activeObjects(), localPorts.tracker(),
                    (user, cycle) -> securityLeads.isEmpty() ? user.equals(actor) : securityLeads.contains(user), clock,
                    anchorKeys, entry -> { },
                    // the template's engine is made only when a closure freezes the report, not for every command
                    (pack, facts, writer) -> new HtmlPackWriter().write(pack, facts, writer));
        }
        return record;
    }

    /** The command line's tracker (the one the record mobilises into). */
    LocalIssueTracker tracker() {
        record();
        return localPorts.tracker();
    }

    /** Saves the local ports after a command changed them. */
    void saveLocalPorts() {
        if (localPorts != null) {
            localPorts.save();
        }
    }

    /** Parses CTEM_SECURITY_LEADS: user keys separated by commas. */
    static Set<String> leads(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    EmbeddedDatabase database() {
        if (database == null) {
            database = opener.get();
        }
        return database;
    }

    @Override
    public void close() {
        if (record != null) {
            record.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
