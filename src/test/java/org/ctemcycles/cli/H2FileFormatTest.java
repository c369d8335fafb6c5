package org.ctemcycles.cli;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.h2.engine.Constants;
import org.h2.mvstore.DataUtils;
import org.junit.Assume;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Files that users already have keep working after an upgrade of the embedded H2 (ADR 044). {@code ctem demo} runs
 * in a JVM of its own on the H2 that earlier builds embedded ({@code h2.previous.version} in the pom, copied from
 * Maven Central into {@code target/h2-previous} by the build, so no binary database is kept in the repository); the
 * command of this build then reads and writes that file. A file in a format this H2 cannot read is a plain error
 * that says how to move the data across, never an internal error.
 */
public class H2FileFormatTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static Path database;
    private static String listedByThePreviousH2;

    private static void runTheDemoOnThePreviousH2() throws Exception {
        Path previous = Path.of(System.getProperty("ctem.h2.previous", "target/h2-previous/missing.jar"));
        assertTrue("the build copies the previous H2 to " + previous + " (mvn generate-test-resources)",
                Files.isRegularFile(previous));
        // runs when h2.version moves on from h2.previous.version (a demo of the same H2 would prove nothing)
        Assume.assumeFalse("the embedded H2 is still " + Constants.VERSION,
                previous.getFileName().toString().equals("h2-" + Constants.VERSION + ".jar"));
        List<String> classpath = new ArrayList<>();
        int replaced = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("com" + File.separator + "h2database" + File.separator + "h2" + File.separator)) {
                classpath.add(previous.toAbsolutePath().toString());
                replaced++;
            } else {
                classpath.add(entry);
            }
        }
        assertEquals("the test classpath has one H2 jar: " + classpath, 1, replaced);
        Path out = FOLDER.getRoot().toPath().resolve("demo");
        database = out.resolve("database").resolve("ctem");
        Child demo = child(classpath, "demo", "--out", out.toString(), "--data",
                Path.of("demo").toAbsolutePath().toString());
        assertEquals(demo.err, 0, demo.exit);
        Child list = child(classpath, "--db", database.toString(), "cycles", "list");
        assertEquals(list.err, 0, list.exit);
        listedByThePreviousH2 = list.out;
    }

    private record Child(int exit, String out, String err) {
    }

    private static Child child(List<String> classpath, String... ctem) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-Xmx256m"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), Ctem.class.getName()));
        command.addAll(List.of(ctem));
        Path stdout = Files.createTempFile(FOLDER.getRoot().toPath(), "out", ".txt");
        Path stderr = Files.createTempFile(FOLDER.getRoot().toPath(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CTEM_HOME", FOLDER.getRoot().toPath().resolve("home").toString());
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("ctem " + String.join(" ", ctem) + " did not end");
        }
        return new Child(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static Child ctem(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Ctem(Map.of("CTEM_HOME", FOLDER.getRoot().toPath().resolve("home").toString()),
                Clock.systemUTC()).run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Child(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void aDemoDatabaseMadeByThePreviousH2OpensReadsAndTakesNewWork() throws Exception {
        runTheDemoOnThePreviousH2();
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.h2FileUrl(database), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'CREATE_BUILD'")) {
            assertTrue(rs.next());
            assertEquals("the file was made by the previous H2", System.getProperty("ctem.h2.previous")
                    .replaceAll(".*h2-\\d+\\.\\d+\\.(\\d+)\\.jar$", "$1"), rs.getString(1));
        }
        String db = database.toString();
        Child list = ctem("--db", db, "cycles", "list");
        assertEquals(list.err, 0, list.exit);
        assertEquals("the same cycles, read by this build's H2", listedByThePreviousH2, list.out);
        Child verify = ctem("--db", db, "log", "verify");
        assertEquals(verify.out + verify.err, 0, verify.exit);
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.h2FileUrl(database), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                rs.getString(1); // every row of every table read back: a page the new H2 misreads fails here
            }
        }

        Child created = ctem("--db", db, "cycles", "create", "--key", "UPGRADED", "--name", "After the upgrade",
                "--start", "2026-01-01", "--end", "2026-03-31");
        assertEquals(created.err, 0, created.exit);
        Child again = ctem("--db", db, "cycles", "list");
        assertTrue(again.out, again.out.contains("UPGRADED"));
        Child verifiedAgain = ctem("--db", db, "log", "verify");
        assertEquals(verifiedAgain.out + verifiedAgain.err, 0, verifiedAgain.exit);
    }

    @Test
    public void aFileInAFormatThisH2CannotReadIsAPlainErrorSayingHowToMoveTheData() throws Exception {
        Path file = FOLDER.newFolder("newer").toPath().resolve("ctem");
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.h2FileUrl(file), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T(ID INT)");
        }
        Path data = file.resolveSibling("ctem.mv.db");
        rewriteFormat(data, 3, 4); // as a later H2 with a new file format would write it

        Child opened = ctem("--db", file.toString(), "cycles", "list");
        assertEquals(opened.err, Ctem.UNAVAILABLE, opened.exit);
        assertFalse(opened.err, opened.err.contains("internal error"));
        assertTrue(opened.err, opened.err.contains(data + " was written in H2 file format 4"));
        assertTrue(opened.err, opened.err.contains("org.h2.tools.Script"));
        assertTrue(opened.err, opened.err.contains("org.h2.tools.RunScript"));
    }

    /** Rewrites the format in both copies of an MVStore file's header, with the header's checksum made anew. */
    private static void rewriteFormat(Path data, int from, int to) throws IOException {
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (long at : new long[]{0, 4096}) {
                ByteBuffer block = ByteBuffer.allocate(4096);
                channel.read(block, at);
                String header = new String(block.array(), StandardCharsets.ISO_8859_1);
                header = header.substring(0, header.indexOf('\n'));
                String body = header.substring(0, header.indexOf(",fletcher:"));
                assertTrue(header, body.contains(",format:" + from));
                body = body.replace(",format:" + from, ",format:" + to);
                byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
                String rewritten = body + ",fletcher:" + Integer.toHexString(DataUtils.getFletcher32(bytes, 0,
                        bytes.length)) + "\n";
                ByteBuffer out = ByteBuffer.allocate(4096);
                out.put(rewritten.getBytes(StandardCharsets.ISO_8859_1));
                out.rewind();
                channel.write(out, at);
            }
        }
    }
}
