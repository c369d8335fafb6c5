package org.ctemcycles.cli;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.testing.SarifReportWriter;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.crash.CrashChild;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Fault injection: {@code ctem import} of a SARIF report runs in a JVM of its own and is stopped at a random moment,
 * by SIGKILL, SIGTERM, an exhausted heap, or (H2) a disk that fills up; afterwards the database must open, hold
 * either the whole run (run, findings, signals, coverage, register, log entries) or nothing of it, and have an intact
 * activity log. Every stopped import is followed by the same import again, itself stopped or run to completion, and
 * each completion must hold the run exactly once.
 *
 * <p>The suite's default is small so that it costs about two minutes: 8,000 results (2,000 findings, each reported
 * four times) and every kind of fault once on each database. {@code -Dctem.crash.scale=full} runs the issue's size:
 * 100,000 results (25,000 findings) and 20 stops on each database. Kill moments are drawn from a seeded random
 * sequence between the moment a child has opened the database (measured by a child that only reads it) and the
 * measured end of a whole import, so a signal lands while the import runs; the seed is printed, and
 * {@code -Dctem.crash.seed=N} replays a run ({@code -Dctem.crash.kills=N} changes how many stops). The children run
 * with the launcher's JVM options ({@code scripts/ctem-jvm.options}): an exhausted heap ends the command at once.
 */
@RunWith(Parameterized.class)
public class ImportCrashSafetyTest {

    private static final String CYCLE = "CRASH";
    private static final boolean FULL = "full".equals(System.getProperty("ctem.crash.scale", "suite"));
    private static final int FINDINGS = FULL ? 25_000 : 2_000;
    /** The JVM options of every ctem command (the launcher passes the same file): the children run with them. */
    static final Path JVM_OPTIONS = Path.of("scripts", "ctem-jvm.options");
    /** {@code -Dctem.crash.fault=OUT_OF_MEMORY} (or another fault) makes every stop after the first of each kind one of that kind. */
    private static final String ONLY = System.getProperty("ctem.crash.fault");
    private static final int REPEATS = 4;
    private static final int KILLS_H2 = Integer.getInteger("ctem.crash.kills", FULL ? 20 : 4);
    private static final int KILLS_POSTGRES = Integer.getInteger("ctem.crash.kills", FULL ? 20 : 3);
    /** A completed attempt is forced after this many stopped ones in a row. */
    private static final int MAX_STOPPED_IN_A_ROW = 4;

    private static Path folder;
    private static Path report;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;

    public ImportCrashSafetyTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeClass
    public static void writeReport() throws IOException {
        assertTrue("the ctem launcher runs every command with " + JVM_OPTIONS,
                Files.readString(Path.of("ctem")).contains("/" + JVM_OPTIONS));
        folder = Files.createTempDirectory("ctem-crash");
        report = folder.resolve("codeql.sarif");
        SarifReportWriter.write(report, FINDINGS, REPEATS, 1);
    }

    @AfterClass
    public static void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** How a stopped import was stopped. */
    private enum Fault { SIGKILL, SIGTERM, OUT_OF_MEMORY, DISK_FULL }

    /** Rows of the cycle in each table of its record (the run's and the intake's), and the log's verdict. */
    private record State(Map<String, Long> rows, boolean chainIntact) {
    }

    @Test
    public void anImportStoppedAtAnyMomentLeavesAllOrNothingAndRunsAgainToCompletion() throws Exception {
        long seed = Long.getLong("ctem.crash.seed", System.nanoTime());
        System.out.printf("[ctem] %s crash safety: seed %d (replay with -Dctem.crash.seed=%d)%n", database, seed, seed);
        Random random = new Random(seed);
        try (Target target = database.toString().equals("H2") ? new H2Target() : new PostgresTarget(database)) {
            State nothing = target.state();
            Outcome reference = run(target, "plain", 0, null, 0);
            long wholeImportMillis = reference.millis();
            assertEquals(reference.stderr, 0, reference.exit);
            State whole = target.state();
            assertEquals(FINDINGS, (long) whole.rows().get("FINDING"));
            assertEquals(FINDINGS, (long) whole.rows().get("REGISTER_ENTRY"));
            assertEquals(1, (long) whole.rows().get("DISCOVERY_RUN"));
            assertTrue(whole.chainIntact());
            long written = target.bytesWritten();
            target.reset();
            // how long a child takes to start and open the database: signals are sent after it, during the import
            Outcome reading = run(target, "plain", 0, null, 0, "cycle", "show", CYCLE);
            assertEquals(reading.stderr, 0, reading.exit);
            long openedMillis = reading.millis();
            assertEquals(nothing.rows(), target.state().rows());

            int kills = target instanceof H2Target ? KILLS_H2 : KILLS_POSTGRES;
            int stopped = 0;
            int inARow = 0;
            List<String> log = new ArrayList<>();
            // every kind of fault the database can take comes at least once, then they are drawn at random
            List<Fault> everyKind = target instanceof H2Target ? List.of(Fault.values())
                    : List.of(Fault.SIGKILL, Fault.SIGTERM, Fault.OUT_OF_MEMORY);
            int drawn = 0;
            while (stopped < kills) {
                Fault fault = inARow >= MAX_STOPPED_IN_A_ROW ? null
                        : drawn < everyKind.size() ? everyKind.get(drawn) : fault(random, target);
                drawn += fault == null ? 0 : 1;
                Outcome outcome;
                long delay = openedMillis
                        + (long) (random.nextDouble() * Math.max(1, wholeImportMillis - openedMillis));
                if (fault == null) {
                    outcome = run(target, "plain", 0, null, 0);
                } else {
                    outcome = switch (fault) {
                        case SIGKILL, SIGTERM -> run(target, "plain", 0, fault, delay);
                        case OUT_OF_MEMORY -> run(target, "memory", delay, null, 0);
                        case DISK_FULL -> run(target, "disk", (long) (random.nextDouble() * written), null, 0);
                    };
                }
                State after;
                try {
                    after = target.state();
                } catch (RuntimeException e) {
                    throw new AssertionError("the database does not open after " + (fault == null ? "a whole import"
                            : fault + " after " + delay + " ms") + " (seed " + seed + "; before: " + log + ")", e);
                }
                String line = String.format("%s: exit %d, %s", fault == null ? "run to completion"
                        : fault == Fault.DISK_FULL ? "disk full" : fault + " after " + delay + " ms", outcome.exit, after.rows().equals(whole.rows()) ? "whole run"
                        : after.rows().equals(nothing.rows()) ? "nothing" : "PART " + after.rows());
                log.add(line);
                System.out.println("[ctem] " + database + " crash safety: " + line);
                assertTrue("the activity log is intact after " + line, after.chainIntact());
                if (outcome.exit == 0) {
                    assertEquals("a completed import holds the run exactly once (" + line + ")", whole.rows(),
                            after.rows());
                    // the first import is the slowest (cold caches): later moments are drawn over the fastest one
                    wholeImportMillis = Math.min(wholeImportMillis, outcome.millis());
                    inARow = 0;
                    target.reset();
                    continue;
                }
                if (fault == Fault.OUT_OF_MEMORY) {
                    // the JVM ended at the first OutOfMemoryError, before any code could write on (ADR 041)
                    assertEquals(outcome.stderr, 3, outcome.exit);
                    assertTrue(outcome.stderr, outcome.stderr.contains("Terminating due to java.lang.OutOfMemoryError"));
                }
                if (fault == Fault.DISK_FULL) {
                    assertEquals(outcome.stderr, Ctem.NO_SPACE, outcome.exit);
                    assertTrue(outcome.stderr, outcome.stderr.startsWith("ctem: the disk is full ("));
                }
                stopped++;
                inARow++;
                if (after.rows().equals(whole.rows())) {
                    target.reset(); // stopped after the commit: the next attempt starts again from nothing
                    inARow = 0;
                } else {
                    assertEquals("all or nothing: " + log, nothing.rows(), after.rows());
                }
            }
            Outcome last = run(target, "plain", 0, null, 0);
            assertEquals(last.stderr, 0, last.exit);
            assertEquals("the same import once more, to completion, without duplicates", whole.rows(),
                    target.state().rows());
            System.out.printf("[ctem] %s crash safety: %d stopped imports (a whole import took %d ms, a child opened the database in %d ms):%n  %s%n",
                    database, stopped, wholeImportMillis, openedMillis, String.join("\n  ", log));
        }
    }

    private static Fault fault(Random random, Target target) {
        if (ONLY != null) {
            return Fault.valueOf(ONLY);
        }
        double p = random.nextDouble();
        if (p < 0.6) {
            return Fault.SIGKILL;
        }
        if (p < 0.8) {
            return Fault.SIGTERM;
        }
        if (p < 0.9 || !(target instanceof H2Target)) {
            return Fault.OUT_OF_MEMORY;
        }
        return Fault.DISK_FULL;
    }

    private record Outcome(int exit, String stderr, long millis) {
    }

    /** Runs {@code ctem import} in a JVM of its own; with a signal, sends it after {@code delay} ms. */
    private Outcome run(Target target, String mode, long value, Fault signal, long delay) throws Exception {
        return run(target, mode, value, signal, delay, "import", "--cycle", CYCLE, report.toString());
    }

    private Outcome run(Target target, String mode, long value, Fault signal, long delay, String... ctem)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx192m",
                "@" + JVM_OPTIONS.toAbsolutePath()));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), mode,
                String.valueOf(value), "--", "--db", mode.equals("disk") ? target.fullDiskUrl() : target.url()));
        command.addAll(List.of(ctem));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(folder.resolve("stderr.txt").toFile());
        builder.environment().put("CTEM_HOME", folder.resolve("home").toString());
        builder.environment().putAll(target.environment());
        long started = System.nanoTime();
        Process process = builder.start();
        if (signal != null && !process.waitFor(delay, TimeUnit.MILLISECONDS)) {
            if (signal == Fault.SIGKILL) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the import did not end");
        }
        return new Outcome(process.exitValue(), Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    /** A database the children import into, with the cycle and its surface, that can be put back to that state. */
    private abstract static class Target implements AutoCloseable {

        abstract String url();

        String fullDiskUrl() {
            throw new UnsupportedOperationException("a full disk is simulated for the embedded database only");
        }

        abstract String user();

        abstract String password();

        abstract String schema();

        Map<String, String> environment() {
            return Map.of("CTEM_DB_USER", user(), "CTEM_DB_PASSWORD", password());
        }

        /** Bytes of storage a whole import added (the budget a full disk is drawn from). */
        long bytesWritten() {
            return 0;
        }

        abstract void reset() throws Exception;

        void seed() {
            try (EmbeddedDatabase db = EmbeddedDatabase.open(url(), user(), password(), schema())) {
                CycleRecord record = CycleRecord.overStore(db.activeObjects(), new LocalIssueTracker("SEC"),
                        (user, cycle) -> "lead".equals(user), Clock.systemUTC());
                record.cycles().create(new CycleDraft(CYCLE, "crash", "", "2026-01-01", "2026-12-31", "14"), "lead");
                record.scope().add(CYCLE, new SurfaceDraft("APP", "Shop", "customer-facing-system", null, null, null,
                        null, List.of("repo:github.com/example/shop")), "lead");
            }
        }

        /** Opens the database as the app does (it must open) and reads the cycle's rows and log. */
        State state() throws SQLException {
            try (EmbeddedDatabase db = EmbeddedDatabase.open(url(), user(), password(), schema())) {
                Map<String, Long> rows = new LinkedHashMap<>();
                String prefix = db.tablePrefix().value();
                try (Connection c = db.dataSource().getConnection()) {
                    for (String table : List.of("DISCOVERY_RUN", "FINDING", "FINDING_SIGNAL", "RUN_COVERAGE",
                            "REGISTER_ENTRY", "ACTIVITY_LOG")) {
                        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + quoted(prefix + table)
                                + " WHERE " + quoted("CYCLE_KEY") + " = ?")) {
                            s.setString(1, CYCLE);
                            try (ResultSet rs = s.executeQuery()) {
                                rs.next();
                                rows.put(table, rs.getLong(1));
                            }
                        }
                    }
                }
                ChainReport chain = CycleRecord.overStore(db.activeObjects(), new LocalIssueTracker("SEC"),
                        (user, cycle) -> "lead".equals(user), Clock.systemUTC()).log().verify(CYCLE);
                return new State(rows, chain.intact());
            }
        }

        String quoted(String name) {
            return name;
        }
    }

    /** An H2 file, put back by copying the seeded file over it. */
    private static final class H2Target extends Target {

        private final Path file = folder.resolve("h2/ctem");
        private final Path seeded = folder.resolve("h2-seeded.mv.db");

        H2Target() throws IOException {
            Files.createDirectories(file.getParent());
            seed();
            Files.copy(data(), seeded, StandardCopyOption.REPLACE_EXISTING);
        }

        private Path data() {
            return file.resolveSibling("ctem.mv.db");
        }

        @Override
        String url() {
            return EmbeddedDatabase.h2FileUrl(file) + System.getProperty("ctem.crash.h2", "");
        }

        @Override
        String fullDiskUrl() {
            return url().replace("jdbc:h2:file:", "jdbc:h2:fulldisk:");
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        String password() {
            return "";
        }

        @Override
        String schema() {
            return "PUBLIC";
        }

        @Override
        long bytesWritten() {
            try {
                return Math.max(1, Files.size(data()) - Files.size(seeded));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void reset() throws IOException {
            Files.copy(seeded, data(), StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void close() {
            // the files go with the class's folder
        }
    }

    /** A PostgreSQL schema of the test database, emptied and seeded again to put it back. */
    private static final class PostgresTarget extends Target {

        private final TestDatabase database;
        private TestDatabase.Opened opened;

        PostgresTarget(TestDatabase database) {
            this.database = database;
            open();
        }

        private void open() {
            opened = database.open();
            opened.database().close(); // the schema stays; the children and the checks open it themselves
            seed();
        }

        @Override
        String url() {
            return opened.jdbcUrl();
        }

        @Override
        String user() {
            return opened.user();
        }

        @Override
        String password() {
            return opened.password();
        }

        @Override
        String schema() {
            String url = opened.jdbcUrl();
            return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        }

        @Override
        String quoted(String name) {
            return "\"" + name + "\"";
        }

        @Override
        void reset() throws Exception {
            opened.close();
            open();
        }

        @Override
        public void close() throws Exception {
            opened.close();
        }
    }
}
