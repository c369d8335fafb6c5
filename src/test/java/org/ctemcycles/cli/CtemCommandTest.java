package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The `ctem` command in-process, on embedded H2 files in a temporary CTEM_HOME. */
public class CtemCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String out;
    private String err;

    private int ctem(String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Ctem ctem = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
        int status = ctem.run(List.of(words), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static final String[] CREATE = {"cycles", "create", "--key", "ctem-2026-q3", "--name", "Q3 payments",
            "--objective", "Cut KEV exposure", "--start", "2026-07-01", "--end", "2026-09-30", "--checkpoint-days", "21"};

    @Test
    public void versionNamesTheReleaseAndTheJiraLine() {
        assertEquals(0, ctem("version"));
        assertTrue(out, out.matches("ctem \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(CTEM Cycles for Jira, for Jira Data Center 11\\.3\\)\\R"));
        assertTrue("version needs no database", !Files.exists(folder.getRoot().toPath().resolve("ctem.mv.db")));
    }

    @Test
    public void helpListsTheCommands() {
        assertEquals(0, ctem("--help"));
        assertTrue(out.contains("ctem cycles create"));
        assertTrue(out.contains("ctem parse [--format NAME]"));
        assertTrue(out.contains("Exit codes: 0 ok, 2 bad input"));
        assertEquals(2, ctem());
        assertTrue(err.contains("Usage: ctem"));
    }

    @Test
    public void cycleIsCreatedThenListedAndShownInALaterRun() {
        assertEquals(err, 0, ctem(CREATE));
        JsonObject created = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("CTEM-2026-Q3", created.get("key").getAsString());
        assertEquals(21, created.get("checkpointIntervalDays").getAsInt());
        assertTrue(Files.exists(folder.getRoot().toPath().resolve("ctem.mv.db")));

        assertEquals(0, ctem("cycles", "list"));
        assertTrue(out, out.startsWith("KEY "));
        assertTrue(out, out.contains("CTEM-2026-Q3         Scoping         2026-07-01 2026-09-30  Q3 payments"));

        assertEquals(0, ctem("cycles", "list", "--json"));
        assertEquals(created, JsonParser.parseString(out.trim()).getAsJsonObject());

        assertEquals(0, ctem("cycles", "show", "ctem-2026-q3"));
        assertTrue(out, out.contains("Checkpoint interval: 21 days"));
        assertTrue(out, out.contains("Objective:           Cut KEV exposure"));
        assertEquals(0, ctem("cycles", "show", "CTEM-2026-Q3", "--json"));
        assertEquals(created, JsonParser.parseString(out.trim()).getAsJsonObject());
    }

    @Test
    public void badInputExitsWithTwoAndNamesTheOption() {
        assertEquals(2, ctem("cycles", "create", "--key", "K-1", "--start", "2026-07-01", "--end", "2026-06-01"));
        assertEquals("ctem: --name: is required\n"
                + "ctem: --end: the planned end (2026-06-01) must be after the start (2026-07-01)\n", err);

        assertEquals(2, ctem("cycles", "create", "--colour", "red"));
        assertEquals("ctem: --colour: is not an option of this command\n", err);

        assertEquals(2, ctem("cycles", "create", "--key"));
        assertEquals("ctem: --key: needs a value\n", err);

        assertEquals(2, ctem("cycles", "show", "NOPE"));
        assertEquals("ctem: no CTEM cycle with key 'NOPE'\n", err);

        assertEquals(2, ctem("launch"));
        assertEquals("ctem: launch: is not a ctem command (see ctem --help)\n", err);

        assertEquals(0, ctem("cycles", "list"));
        assertTrue("nothing of the rejected input was stored", out.startsWith("No CTEM cycle yet."));
    }

    @Test
    public void duplicateKeyIsBadInput() {
        assertEquals(0, ctem(CREATE));
        assertEquals(2, ctem(CREATE));
        assertEquals("ctem: --key: a cycle with key 'CTEM-2026-Q3' already exists\n", err);
    }

    @Test
    public void dbOptionChoosesTheDatabaseFile() {
        Path other = folder.getRoot().toPath().resolve("elsewhere/team");
        String[] create = new String[CREATE.length + 3];
        create[0] = "--db";
        create[1] = other.toString();
        create[2] = "--create";
        System.arraycopy(CREATE, 0, create, 3, CREATE.length);
        assertEquals(err, 0, ctem(create));
        assertTrue(Files.exists(other.resolveSibling("team.mv.db")));
        assertEquals(0, ctem("cycles", "list"));
        assertTrue("the default database is untouched", out.startsWith("No CTEM cycle yet."));
        assertEquals(0, ctem("--db", other.toString(), "cycles", "list", "--json"));
        assertTrue(out.contains("CTEM-2026-Q3"));
    }

    @Test
    public void aMistypedDatabasePathIsAnErrorNotANewDatabase() {
        assertEquals(0, ctem(CREATE));
        Path typo = folder.getRoot().toPath().resolve("ctme");
        assertEquals(Ctem.UNAVAILABLE, ctem("--db", typo.toString(), "cycles", "list"));
        assertEquals("ctem: no database at " + typo + " (" + typo + ".mv.db does not exist): check the path, or add"
                + " --create to make a new database there\n", err);
        assertTrue("nothing was created", !Files.exists(typo.resolveSibling("ctme.mv.db")));
        assertEquals(0, ctem("--db", folder.getRoot().toPath().resolve("ctem").toString(), "cycles", "list"));
        assertTrue("the existing database opens by its path", out.contains("CTEM-2026-Q3"));
    }

    /**
     * A database a newer ctem made (a model version beyond this build's upgrade tasks) is refused before anything is
     * migrated or written: this build would store data as its own model says, which the newer one would trust.
     */
    @Test
    public void aDatabaseOfANewerDataModelIsRefusedAndLeftAsItWas() throws Exception {
        assertEquals(0, ctem(CREATE));
        String url = org.ctemcycles.cli.embedded.EmbeddedDatabase.h2FileUrl(folder.getRoot().toPath().resolve("ctem"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE CTEM_MODEL_VERSION SET MODEL_VERSION = '99'"));
        }
        assertEquals(Ctem.UNAVAILABLE, ctem("cycles", "list"));
        String known = org.ctemcycles.cli.embedded.EmbeddedDatabase.Options.app().upgradeTasks().stream()
                .map(task -> task.getModelVersion()).max(java.util.Comparator.naturalOrder()).orElseThrow().toString();
        assertEquals("ctem: the database was made by a newer version of ctem (data model 99; this version knows up to "
                + known + "): use that version or a newer one\n", err);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT MODEL_VERSION FROM CTEM_MODEL_VERSION")) {
            assertTrue(rs.next());
            assertEquals("left as it was", "99", rs.getString(1));
        }
    }

    @Test
    public void unreachableDatabaseIsSaidPlainly() {
        assertEquals(Ctem.UNAVAILABLE, ctem("--db", "jdbc:postgresql://127.0.0.1:1/none", "cycles", "list"));
        assertTrue(err, err.startsWith("ctem: cannot reach the database at jdbc:postgresql://127.0.0.1:1/none: "));
        assertTrue(err, err.contains("refused"));
        assertTrue("no driver class name: " + err, !err.contains("Exception") && !err.contains("org."));
    }

    @Test
    public void aDatabaseInUseWaitsThenNamesTheProcessHoldingIt() throws Exception {
        assertEquals(0, ctem(CREATE));
        Path database = folder.getRoot().toPath().resolve("ctem");
        try (var held = org.ctemcycles.cli.embedded.DatabaseLock.acquire(database, "ctem import --cycle X big.sarif",
                java.time.Duration.ZERO, Clock.systemUTC())) {
            long started = System.nanoTime();
            int status = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()), Clock.systemUTC())
                    .withLockWait(java.time.Duration.ofMillis(600)).run(List.of("cycles", "list"),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(stderr(), true, StandardCharsets.UTF_8));
            assertEquals(Ctem.UNAVAILABLE, status);
            assertTrue("it waited", System.nanoTime() - started >= 500_000_000L);
            assertTrue(captured.toString(), captured.toString().matches("ctem: the database " + java.util.regex.Pattern
                    .quote(database.toString()) + " is in use by another process \\(pid " + ProcessHandle.current().pid()
                    + ", ctem import --cycle X big.sarif, since .*\\); waited 0\\.6 s\\. Let that command finish, or stop it,"
                    + " and run this one again\\R"));
        }
        assertEquals("free again once the holder let go", 0, ctem("cycles", "list"));
    }

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ByteArrayOutputStream stderr() {
        captured.reset();
        return captured;
    }
}
