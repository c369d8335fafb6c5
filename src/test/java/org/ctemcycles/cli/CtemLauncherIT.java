package org.ctemcycles.cli;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<String> command = new ArrayList<>(List.of("./ctem"));
        command.addAll(List.of(words));
        java.nio.file.Path errors = home.newFile().toPath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("CTEM_HOME", home.getRoot().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("ctem did not finish", process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out, java.nio.file.Files.readString(errors));
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
}
