package org.ctemcycles.cli;

import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@code ctem sources add|list|run|remove} on the embedded database: a folder source fed on the schedule, an HTTPS
 * source refused off the allow-list, a token read from the environment, sealed, never printed. (Fetching over HTTPS
 * against a real local server: app/ScheduledDiscoveryTest.)
 */
public class SourcesCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private CommandLine ctem;

    @Before
    public void aCycle() throws Exception {
        ctem = new CommandLine(TestDatabase.h2(), folder.newFolder("home").toPath());
        ctem.ok("2026-07-01", "cycle", "create", "--key", "CTEM-1", "--name", "Q3", "--start", "2026-07-01",
                "--end", "2026-09-30");
        ctem.ok("2026-07-01", "cycle", "scope", "add", "CTEM-1", "--surface", "WEB", "--name", "Web", "--kind",
                "customer-facing-system", "--rule", "host:*.corp.example");
    }

    @After
    public void close() throws Exception {
        ctem.close();
    }

    private static String report(String host) {
        return "{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n"
                + new com.google.gson.Gson().toJson(org.ctemcycles.testing.ObservationBuilder.nessus().host(host)
                .ruleId("r1").build()) + "\n";
    }

    @Test
    public void aFolderSourceRunsWhenDueAndAnUnchangedReportChangesNothing() throws Exception {
        Path drop = folder.newFolder("drop").toPath();
        Files.writeString(drop.resolve("a.jsonl"), report("web1.corp.example"), StandardCharsets.UTF_8);
        String added = ctem.ok("2026-07-02", "sources", "add", "--cycle", "ctem-1", "--name", "drop folder",
                "--folder", drop.toString(), "--every", "1d", "--covers", "WEB", "--format", "ctem-jsonl");
        assertTrue(added, added.startsWith("Source 1 added to CTEM-1: " + drop + " every 1d"));
        String first = ctem.ok("2026-07-02", "sources", "run");
        assertTrue(first, first.startsWith("Source 1 (drop folder): a.jsonl: imported as run "));
        assertEquals("No source is due.\n", ctem.ok("2026-07-02", "sources", "run"));
        String second = ctem.ok("2026-07-03", "sources", "run");
        assertTrue(second, second.contains("a.jsonl: unchanged, run "));
        String list = ctem.ok("2026-07-03", "sources", "list");
        assertTrue(list, list.startsWith("1  CTEM-1  drop folder  FOLDER " + drop + " every 1d; last run"
                + " 2026-07-03T09:00:00Z: a.jsonl: unchanged"));
        ctem.ok("2026-07-03", "sources", "remove", "1");
        assertEquals("No discovery sources.\n", ctem.ok("2026-07-03", "sources", "list"));
    }

    @Test
    public void anHttpsSourceNeedsAnAllowedHostAndItsTokenIsNeverShown() throws Exception {
        assertEquals(2, ctem.ctem("2026-07-02", "sources", "add", "--cycle", "CTEM-1", "--name", "ci",
                "--url", "https://ci.example.com/report.sarif", "--every", "6h"));
        assertTrue(ctem.err, ctem.err.contains("host ci.example.com is not on the administrator's allow-list of"
                + " source hosts (which is empty)"));
        ctem.environment.put("CTEM_SOURCE_HOSTS", "ci.example.com, scanner.example.com");
        ctem.environment.put("CI_TOKEN", "ghp_secret_value_1234");
        assertEquals(2, ctem.ctem("2026-07-02", "sources", "add", "--cycle", "CTEM-1", "--name", "ci",
                "--url", "https://ci.example.com/report.sarif", "--every", "6h", "--token-env", "NOT_SET"));
        assertTrue(ctem.err, ctem.err.contains("the environment variable NOT_SET is not set or empty"));
        String added = ctem.ok("2026-07-02", "sources", "add", "--cycle", "CTEM-1", "--name", "ci", "--url",
                "https://ci.example.com/report.sarif", "--every", "6h", "--token-env", "CI_TOKEN");
        assertTrue(added, added.endsWith("every 6h (token sealed, not shown again)\n"));
        String list = ctem.ok("2026-07-02", "sources", "list");
        assertTrue(list, list.contains("HTTPS https://ci.example.com/report.sarif every 6h (with token); last run"
                + " never"));
        assertFalse(added + list, (added + list).contains("ghp_secret"));
        Path key = folder.getRoot().toPath().resolve("home").resolve("ctem.sources.key");
        assertTrue(Files.exists(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
}
