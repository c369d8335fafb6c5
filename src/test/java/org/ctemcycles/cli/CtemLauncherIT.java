package org.ctemcycles.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The `./ctem` launcher at the repository root, run as a user runs it, on the built classes. */
public class CtemLauncherIT {

    @Rule
    public final TemporaryFolder home = new TemporaryFolder();

    private record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Run ctem(String... words) throws IOException, InterruptedException {
        return ctemIn(null, words);
    }

    /** Runs the launcher by its absolute path from {@code folder} (null: the repository root). */
    private Run ctemIn(File folder, String... words) throws IOException, InterruptedException {
        return ctemWith(folder, null, words);
    }

    /** Runs the launcher with {@code CTEM_JAVA_OPTS} set to {@code javaOptions} (null: unset). */
    private Run ctemWith(File folder, String javaOptions, String... words) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(new File("ctem").getAbsolutePath()));
        command.addAll(List.of(words));
        Path errors = home.newFile().toPath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile()).directory(folder);
        builder.environment().put("CTEM_HOME", home.getRoot().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("CTEM_JAVA_OPTS");
        if (javaOptions != null) {
            builder.environment().put("CTEM_JAVA_OPTS", javaOptions);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("ctem did not finish", process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out, Files.readString(errors));
    }

    /**
     * The compiler the launcher picks (ADR 042): C1 alone for short commands and small reports, C2 as well for
     * {@code import} or {@code parse} of reports of 64 MiB or more; the serial collector always.
     */
    @Test
    public void largeReportsGetTheOptimisingCompilerAndTheRestC1Alone() throws Exception {
        Path small = home.newFile("small.sarif").toPath();
        Files.writeString(small, "{}");
        Path large = home.newFile("large.sarif").toPath();
        try (var file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(64L << 20); // sparse: 64 MiB of zero bytes, refused at once as no report
        }
        String flags = "-XX:+PrintCommandLineFlags";
        for (String[] words : List.of(new String[] {"version"}, new String[] {"parse", small.toString()},
                new String[] {"cycles", "list"})) {
            Run run = ctemWith(null, flags, words);
            assertTrue(run.toString(), (run.out + run.err).contains("-XX:TieredStopAtLevel=1"));
            assertTrue(run.toString(), (run.out + run.err).contains("-XX:+UseSerialGC"));
        }
        Run parse = ctemWith(null, flags, "parse", large.toString());
        assertEquals(parse.toString(), Ctem.BAD_INPUT, parse.status);
        assertTrue(parse.toString(), !(parse.out + parse.err).contains("TieredStopAtLevel"));
        assertTrue(parse.toString(), (parse.out + parse.err).contains("-XX:+UseSerialGC"));
        Run overridden = ctemWith(null, flags + " -XX:TieredStopAtLevel=1", "parse", large.toString());
        assertTrue(overridden.toString(), (overridden.out + overridden.err).contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    public void versionCreateAndListWorkOnTheEmbeddedDefault() throws Exception {
        Run version = ctem("version");
        assertEquals(version.toString(), 0, version.status);
        assertTrue(version.toString(), version.out.startsWith("ctem "));
        assertTrue("no rebuild after mvn verify: " + version, version.err.isEmpty());

        Run created = ctem("cycles", "create", "--key", "CTEM-IT", "--name", "Launcher test",
                "--start", "2026-07-01", "--end", "2026-09-30");
        assertEquals(created.toString(), 0, created.status);
        assertEquals("a quiet command: " + created, "", created.err);
        assertTrue(home.getRoot().toPath().resolve("ctem.mv.db").toFile().isFile());

        Run list = ctem("cycles", "list");
        assertEquals(list.toString(), 0, list.status);
        assertTrue(list.out, list.out.contains("CTEM-IT"));

        Run bad = ctem("cycles", "create", "--key", "CTEM-IT");
        assertEquals(bad.toString(), 2, bad.status);
        assertTrue(bad.toString(), bad.err.startsWith("ctem: --name: is required\n"));
    }

    @Test
    public void theDemoRunsFromAnyFolderAndSaysWhereItsPackIs() throws Exception {
        File elsewhere = home.newFolder("elsewhere");
        Run demo = ctemIn(elsewhere, "demo");
        assertEquals(demo.toString(), 0, demo.status);
        Path pack = elsewhere.toPath().resolve("ctem-demo").resolve("pack");
        // the demo's cycle is the last complete quarter before today (ADR 062)
        String cycle = DemoCalendar.before(LocalDate.now(ZoneOffset.UTC)).cycleKey();
        assertTrue(demo.toString(), demo.out.contains("Evidence pack of " + cycle + " written to " + pack));
        assertTrue(demo.toString(), demo.out.contains("Evidence items present: 9 of 9"));
        for (String file : List.of("evidence-pack.html", "evidence-pack.json", "vex.cdx.json", "csv/findings.csv")) {
            assertTrue(file, Files.size(pack.resolve(file)) > 0);
        }
    }
}
