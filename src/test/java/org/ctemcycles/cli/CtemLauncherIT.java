package org.ctemcycles.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

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
        return finish(start(Map.of("CTEM_HOME", home.getRoot().toString(),
                "JAVA_HOME", System.getProperty("java.home")), folder, javaOptions, words));
    }

    private record Started(Process process, Path errors) {
    }

    /** Starts the launcher with {@code environment} added to this JVM's (CTEM_JAVA_OPTS unset unless given). */
    private Started start(Map<String, String> environment, File folder, String javaOptions, String... words)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(new File("ctem").getAbsolutePath()));
        command.addAll(List.of(words));
        Path errors = home.newFile().toPath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile()).directory(folder);
        builder.environment().putAll(environment);
        builder.environment().remove("CTEM_JAVA_OPTS");
        if (javaOptions != null) {
            builder.environment().put("CTEM_JAVA_OPTS", javaOptions);
        }
        return new Started(builder.start(), errors);
    }

    private static Run finish(Started started) throws IOException, InterruptedException {
        String out = new String(started.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the first command after a build also trains the start-up cache (ctem demo, with the JVM recording)
        assertTrue("ctem did not finish", started.process.waitFor(240, TimeUnit.SECONDS));
        return new Run(started.process.exitValue(), out, Files.readString(started.errors));
    }

    /**
     * Options that make a run prove its class data was used: the app's entry point and H2's database class (for
     * commands that open one) come from the archive ("shared objects file", -Xlog:class+load), and
     * {@code extra} (e.g. -XX:AOTMode=on, which refuses to start when the AOT cache cannot be used).
     */
    private String provingClassData(Path log, String extra) {
        return "-Xlog:class+load=info:file=" + log + " " + extra;
    }

    private static void assertMapped(Path log, String... classes) throws IOException {
        String loaded = Files.readString(log);
        for (String name : classes) {
            assertTrue(name + " not from the class data:\n" + loaded.lines().filter(l -> l.contains(name + " "))
                    .toList(), loaded.contains(" " + name + " source: shared objects file"));
        }
    }

    private static final Path APP_JAR = Path.of("target/ctem-classes.jar");
    private static final Path AOT_CACHE = Path.of("target/ctem.aot");

    /**
     * JDK 25 and newer (ADR 038): the launcher trains target/ctem.aot once per build, from an import of the sample
     * reports in demo/reports into a scratch database, silently, also when two commands start at once after a build;
     * every command on C1 maps it, whatever its flags (an import's heap, a user's own options), and a large report on
     * the optimising compiler does not (the cache, trained on C1, made it half as slow again); and a cache that cannot
     * be used (damaged, or a user's flag it does not fit) neither fails a command nor prints a word.
     */
    @Test
    public void everyCommandRunsOnTheAotCacheTrainedOncePerBuild() throws Exception {
        assumeTrue("the AOT cache needs JDK 25", Runtime.version().feature() >= 25);
        Files.deleteIfExists(AOT_CACHE);
        List<Started> both = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            both.add(start(Map.of("CTEM_HOME", home.newFolder(name).toString(),
                    "JAVA_HOME", System.getProperty("java.home")), null, null, "cycles", "list"));
        }
        for (Started started : both) {
            Run run = finish(started);
            assertEquals(run.toString(), 0, run.status);
            assertTrue(run.toString(), run.out.startsWith("No CTEM cycle yet."));
            assertEquals("the training is silent: " + run, "", run.err);
        }
        assertTrue("no cache after two commands", Files.size(AOT_CACHE) > 0);
        try (var names = Files.list(AOT_CACHE.getParent())) {
            assertEquals("a partial cache left behind", List.of(), names.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("ctem.aot.") && !name.equals("ctem.aot.jdk")).toList());
        }

        Run created = ctem("cycles", "create", "--key", "CTEM-AOT", "--name", "Cache", "--start", "2026-07-01",
                "--end", "2026-09-30");
        assertEquals(created.toString(), 0, created.status);
        Run scoped = ctem("cycle", "scope", "add", "CTEM-AOT", "--surface", "PIPE", "--name", "Pipeline",
                "--kind", "regulated-data-flow", "--rule", "repo:https://github.com/example/data-pipeline");
        assertEquals(scoped.toString(), 0, scoped.status);
        Path large = home.newFile("large.sarif").toPath();
        try (var file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(64L << 20); // the optimising compiler's size (ADR 042); refused at once as no report
        }
        String report = Path.of("demo/reports/codeql-data-pipeline.sarif").toAbsolutePath().toString();
        record Case(String options, int status, String[] words, String[] classes) {
        }
        for (Case each : List.of(
                new Case("", 0, new String[] {"cycles", "list"}, new String[] {"org.h2.engine.Database"}),
                new Case("", 0, new String[] {"cycle", "show", "CTEM-AOT"}, new String[] {"org.h2.engine.Database"}),
                new Case("", 0, new String[] {"import", "--cycle", "CTEM-AOT", report},
                        new String[] {"org.h2.engine.Database", "org.ctemcycles.ingest.sarif.SarifImporter"}),
                new Case("-Xmx1g -XX:TieredStopAtLevel=4 -Dctem.user=yes", 0, new String[] {"log", "verify"},
                        new String[] {"org.h2.engine.Database"}))) {
            Path log = home.newFile().toPath();
            Run run = ctemWith(null, provingClassData(log, "-XX:AOTMode=on -XX:+PrintCommandLineFlags " + each.options),
                    each.words);
            assertEquals(run.toString(), each.status, run.status);
            // the JVM prints its flags on standard error (scripts/ctem-jvm.options)
            assertTrue(run.toString(), run.err.contains("-XX:AOTCache=" + AOT_CACHE.toAbsolutePath() + " "));
            assertMapped(log, "org.ctemcycles.cli.Ctem");
            assertMapped(log, each.classes);
        }

        // a large report runs on the optimising compiler without the cache, trained on C1 alone (ADR 038)
        Run optimised = ctemWith(null, "-XX:+PrintCommandLineFlags", "parse", large.toString());
        assertEquals(optimised.toString(), Ctem.BAD_INPUT, optimised.status);
        assertFalse(optimised.toString(), optimised.err.contains("AOTCache"));
        assertFalse(optimised.toString(), optimised.err.contains("TieredStopAtLevel"));

        // a cache the JVM cannot use: damaged, but newer than the jar and made by this JDK
        byte[] cache = Files.readAllBytes(AOT_CACHE);
        try {
            Files.write(AOT_CACHE, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            Run damaged = ctem("cycles", "list");
            assertEquals(damaged.toString(), 0, damaged.status);
            assertTrue(damaged.toString(), damaged.out.contains("CTEM-AOT"));
            assertEquals("a quiet command: " + damaged, "", damaged.err);
        } finally {
            Files.write(AOT_CACHE, cache);
        }
        // a user's flag the cache does not fit (it was made with compressed object pointers)
        Run unfit = ctemWith(null, "-XX:-UseCompressedOops", "cycles", "list");
        assertEquals(unfit.toString(), 0, unfit.status);
        assertTrue(unfit.toString(), unfit.out.contains("CTEM-AOT") && !unfit.out.contains("][aot]"));
        assertEquals("a quiet command: " + unfit, "", unfit.err);

        // a cache older than the jar (a new build) is trained again, and used
        Files.setLastModifiedTime(AOT_CACHE,
                FileTime.fromMillis(Files.getLastModifiedTime(APP_JAR).toMillis() - 60_000));
        Path log = home.newFile().toPath();
        Run retrained = ctemWith(null, provingClassData(log, "-XX:AOTMode=on"), "cycles", "list");
        assertEquals(retrained.toString(), 0, retrained.status);
        assertEquals("a quiet command: " + retrained, "", retrained.err);
        assertTrue("not trained again", Files.getLastModifiedTime(AOT_CACHE).compareTo(
                Files.getLastModifiedTime(APP_JAR)) > 0);
        assertMapped(log, "org.ctemcycles.cli.Ctem", "org.h2.engine.Database");
    }

    /**
     * JDK 21 to 24 keep the dynamic CDS archive (ADR 038): a JDK home that says it is 24 (this JVM behind it) gets
     * target/ctem.jsa, no AOT cache option, and maps the app's classes from the archive.
     */
    @Test
    public void aJdkBefore25KeepsTheCdsArchive() throws Exception {
        Path real = Path.of(System.getProperty("java.home"));
        Path jdk24 = home.newFolder("jdk-24").toPath();
        Files.createDirectories(jdk24.resolve("bin"));
        for (String tool : List.of("java", "javac", "jar")) {
            Files.createSymbolicLink(jdk24.resolve("bin").resolve(tool), real.resolve("bin").resolve(tool));
        }
        Files.writeString(jdk24.resolve("release"), "JAVA_VERSION=\"24.0.2\"\nJAVA_RUNTIME_VERSION=\"24.0.2+12\"\n");
        Path log = home.newFile().toPath();
        Run run = finish(start(Map.of("CTEM_HOME", home.getRoot().toString(), "JAVA_HOME", jdk24.toString()), null,
                provingClassData(log, "-Xshare:on -XX:+PrintCommandLineFlags"), "cycles", "list"));
        assertEquals(run.toString(), 0, run.status);
        // the JVM prints its flags on standard error (scripts/ctem-jvm.options)
        assertTrue(run.toString(), run.err.contains("-XX:SharedArchiveFile=" + Path.of("target/ctem.jsa")
                .toAbsolutePath()));
        assertFalse(run.toString(), run.err.contains("AOTCache"));
        // the archive is named after the JDK and the options it was made with (another layout is another archive);
        // JDK 24 runs without compact object headers, a product option only from JDK 25 (ADR 034)
        String madeBy = Files.readString(Path.of("target/ctem.jsa.jdk")).strip();
        assertTrue(madeBy, madeBy.startsWith(jdk24 + " " + "\"24.0.2+12\" "));
        assertTrue(madeBy, madeBy.contains(" -XX:+UseSerialGC "));
        assertFalse(madeBy, madeBy.contains("UseCompactObjectHeaders"));
        assertFalse(run.toString(), run.err.contains("UseCompactObjectHeaders"));
        assertMapped(log, "org.ctemcycles.cli.Ctem", "org.h2.engine.Database");
    }

    /**
     * The compiler the launcher picks (ADR 042): C1 alone for short commands and small reports, C2 as well for
     * {@code import} or {@code parse} of reports of 64 MiB or more; the serial collector always, with compact object
     * headers on JDK 25 and newer and transparent huge pages where the kernel offers them (ADR 034).
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
            assertEquals(run.toString(), Runtime.version().feature() >= 25,
                    (run.out + run.err).contains("-XX:+UseCompactObjectHeaders"));
            assertEquals(run.toString(), hugePagesOffered(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")),
                    (run.out + run.err).contains("-XX:+UseTransparentHugePages"));
        }
        Run parse = ctemWith(null, flags, "parse", large.toString());
        assertEquals(parse.toString(), Ctem.BAD_INPUT, parse.status);
        assertTrue(parse.toString(), !(parse.out + parse.err).contains("TieredStopAtLevel"));
        assertTrue(parse.toString(), (parse.out + parse.err).contains("-XX:+UseSerialGC"));
        Run overridden = ctemWith(null, flags + " -XX:TieredStopAtLevel=1", "parse", large.toString());
        assertTrue(overridden.toString(), (overridden.out + overridden.err).contains("-XX:TieredStopAtLevel=1"));
    }

    /** The kernel's offer of transparent huge pages as the launcher reads it: only "madvise" and "always" ask. */
    @Test
    public void hugePagesAreAskedForOnlyWhereTheKernelOffersThem() throws Exception {
        for (String mode : List.of("always [madvise] never", "[always] madvise never", "always madvise [never]",
                "[never]", "")) {
            Path setting = home.newFile().toPath();
            Files.writeString(setting, mode + "\n");
            assertEquals(mode, mode.contains("[madvise]") || mode.contains("[always]"), launcherSaysOffered(setting));
        }
        assertFalse("no setting file (not Linux)", launcherSaysOffered(home.getRoot().toPath().resolve("absent")));
    }

    /** {@code ctem_huge_pages_offered SETTING} of scripts/jdk.sh, the function the launcher asks. */
    private static boolean launcherSaysOffered(Path setting) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", ". scripts/jdk.sh && ctem_huge_pages_offered \"$0\"",
                setting.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bash did not finish", bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals("silent", "", output);
        return bash.exitValue() == 0;
    }

    private static boolean hugePagesOffered(Path setting) throws IOException {
        if (!Files.exists(setting)) {
            return false;
        }
        String mode = Files.readString(setting);
        return mode.contains("[madvise]") || mode.contains("[always]");
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
