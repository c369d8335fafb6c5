package org.ctemcycles.cli;

import org.ctemcycles.core.common.Problem;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * What every command of {@code ctem} does alike: {@code --help} answers with the command's usage and exit 0, dates
 * outside the years 1 to 9999 are bad input like any other bad date, control characters that came with the data
 * are printed escaped, and the activity log's anchor key is made beside the database for its owner only.
 */
public class CommandConventionsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String out;
    private String err;

    @Before
    public void clean() {
        out = "";
        err = "";
    }

    private int ctem(String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()),
                Clock.fixed(Instant.parse("2026-10-01T09:00:00Z"), ZoneOffset.UTC)).run(List.of(words),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true,
                        StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    public void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> commands = Help.of(Ctem.usage()).commands();
        assertTrue(commands.toString(), commands.size() > 40);
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(command);
            line.add("--help");
            assertEquals(line + ": " + err, 0, ctem(line.toArray(String[]::new)));
            assertTrue(line + ": " + out, out.startsWith("Usage:\n  ctem " + String.join(" ", command)));
        }
        assertTrue("no database is opened to print help", !Files.exists(folder.getRoot().toPath()
                .resolve("ctem.mv.db")));
    }

    @Test
    public void helpNamesTheSubcommandsOfACommandAndOnlyThose() {
        assertEquals(0, ctem("cycle", "--help"));
        assertTrue(out, out.contains("  ctem cycle scope add KEY") && out.contains("  ctem cycle close KEY"));
        assertTrue(out, !out.contains("ctem log verify") && !out.contains("ctem import"));
        assertEquals(0, ctem("log", "verify", "--help"));
        assertTrue(out, out.startsWith("Usage:\n  ctem log verify [--cycle KEY]\n"));
        assertTrue(out, !out.contains("ctem log show"));
        assertEquals(0, ctem("cycle", "scope", "add", "CTEM-1", "-h"));
        assertTrue(out, out.startsWith("Usage:\n  ctem cycle scope add KEY --surface SKEY"));
        assertEquals(0, ctem("help", "log"));
        assertTrue(out, out.contains("ctem log verify") && out.contains("ctem log show"));
        assertEquals(2, ctem("launch", "--help"));
        assertEquals("ctem: launch: is not a ctem command (see ctem --help)\n", err);
    }

    @Test
    public void datesBeyondTheYearsADatabaseStoresAreBadInput() {
        assertEquals(2, ctem("cycles", "create", "--key", "C-1", "--name", "x", "--start", "2026-01-01", "--end",
                "+10000-01-01"));
        assertEquals("ctem: --end: '+10000-01-01' is out of range: a date must lie between 0001-01-01 and"
                + " 9999-12-31\n", err);
        assertEquals(2, ctem("cycles", "create", "--key", "C-1", "--name", "x", "--start", "0000-12-31", "--end",
                "2026-01-01"));
        assertEquals("ctem: --start: '0000-12-31' is out of range: a date must lie between 0001-01-01 and"
                + " 9999-12-31\n", err);
        assertEquals(0, ctem("cycles", "create", "--key", "C-1", "--name", "x", "--start", "2026-01-01", "--end",
                "9999-12-31"));
        assertEquals(2, ctem("import", "--cycle", "C-1", "--scanned-at=-0001-06-01T00:00:00Z",
                "demo/reports/nuclei-identity-edge.jsonl"));
        assertTrue(out + err, (out + err).contains("--scanned-at: '-0001-06-01T00:00:00Z' is out of range"));
        assertTrue("no SQL in any message", !(out + err).contains("SQL"));
    }

    @Test
    public void controlCharactersFromTheDataArePrintedEscaped() {
        assertEquals(0, ctem("cycles", "create", "--key", "C-1", "--name", "red\u001b[31m alert\r\u009b2J"
                + " \u202eevil", "--start", "2026-10-01", "--end", "2026-12-31"));
        ok(ctem("cycles", "show", "C-1"));
        assertTrue(out, out.contains("red\\u001b[31m alert\\u000d\\u009b2J \\u202eevil"));
        assertTrue(out, out.chars().noneMatch(c -> c == 0x1b || c == '\r' || c == 0x9b || c == 0x202e));
        ok(ctem("cycles", "show", "C-1", "--json"));
        assertTrue("JSON output was escaped by its writer already: " + out, out.contains("\\u001b[31m"));
    }

    @Test
    public void aMessageThatNamesItsFieldIsNotPrefixedWithItTwice() {
        assertEquals("cycle CTEM-1 is already closed", Ctem.problemText(new Problem("cycle",
                "cycle CTEM-1 is already closed")));
        assertEquals("--end: must be after the start", Ctem.problemText(new Problem("--end",
                "must be after the start")));
    }

    @Test
    public void theAnchorKeyIsMadeBesideTheDatabaseForItsOwnerOnly() throws Exception {
        Path db = folder.getRoot().toPath().resolve("data").resolve("ctem");
        ok(ctem("--db", db.toString(), "--create", "cycles", "create", "--key", "C-1", "--name", "x", "--start",
                "2026-10-01", "--end", "2026-12-31"));
        Path key = db.resolveSibling("ctem.anchor.key");
        assertTrue(Files.exists(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        String first = Files.readString(key);
        assertTrue(first, first.strip().matches("[0-9a-f]{64}"));
        ok(ctem("--db", db.toString(), "log", "verify"));
        assertTrue(out, out.startsWith("C-1: 1 entry, chain intact, keyed anchor verified (key "));
        assertEquals("the key is made once", first, Files.readString(key));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(2, ctem("--db", db.toString(), "log", "verify"));
        assertTrue(err, err.contains("may be read or written by others than its owner"));
    }

    private void ok(int status) {
        assertEquals(out + err, 0, status);
    }
}
