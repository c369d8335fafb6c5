package org.ctemcycles.cli;

import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code ctem notices} on the embedded database: what is due by the clock, sent (printed) and recorded once, and
 * listed as sent; a new threshold or a new day brings new notices.
 */
public class NoticesCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private CommandLine ctem;

    @Before
    public void aMobilisedFinding() throws Exception {
        ctem = new CommandLine(TestDatabase.h2(), folder.newFolder("home").toPath());
        ctem.ok("2026-07-01", "cycle", "create", "--key", "CTEM-1", "--name", "Q3", "--start", "2026-07-01",
                "--end", "2026-09-30");
        ctem.ok("2026-07-01", "cycle", "register", "add", "CTEM-1", "F-1");
        for (String stage : new String[]{"discovery", "prioritisation", "validation", "mobilisation"}) {
            ctem.ok("2026-07-01", "cycle", "advance", "CTEM-1", "--to", stage, "--override", "--reason",
                    "set up by the test");
        }
        ctem.ok("2026-07-01", "cycle", "mobilise", "CTEM-1", "F-1", "--owner", "bob", "--deadline", "2026-07-10",
                "--verify", "rescan");
    }

    @After
    public void close() throws Exception {
        ctem.close();
    }

    @Test
    public void noticesAreListedSentOnceAndListedAsSent() {
        assertEquals("No notice is due.\n", ctem.ok("2026-07-01", "notices"));

        String due = ctem.ok("2026-07-03", "notices");
        assertTrue(due, due.startsWith("CTEM-1  deadline in 7 days  to bob on LOCAL-1: The deadline of exposure F-1"
                + " in cycle CTEM-1 is 2026-07-10, 7 days from now.\n"));
        assertTrue(due, due.contains("CTEM-1  security leads' digest  to security leads: Cycle CTEM-1 on"
                + " 2026-07-03: 0 overdue, 1 due this week"));
        assertEquals("listing records nothing", due, ctem.ok("2026-07-03", "notices"));

        String sent = ctem.ok("2026-07-03", "notices", "send");
        assertTrue(sent, sent.startsWith(due) && sent.endsWith("2 sent, 0 already sent\n"));
        assertEquals("0 sent, 0 already sent\n", ctem.ok("2026-07-03", "notices", "send"));
        assertEquals("No notice is due.\n", ctem.ok("2026-07-03", "notices"));

        String passed = ctem.ok("2026-07-11", "notices", "send");
        assertTrue(passed, passed.startsWith("CTEM-1  deadline passed  to bob on LOCAL-1"));
        assertTrue(passed, passed.endsWith("2 sent, 0 already sent\n"));

        String listed = ctem.ok("2026-07-11", "notices", "sent", "CTEM-1");
        assertEquals(listed, 4, listed.lines().count());
        assertTrue(listed, listed.startsWith("2026-07-03T09:00:00Z  deadline in 7 days  F-1  2026-07-10  to bob"));
        assertTrue(ctem.ok("2026-07-11", "log", "show", "CTEM-1").contains("Notice sent"));

        assertEquals(2, ctem.ctem("2026-07-11", "notices", "resend"));
        assertTrue(ctem.err, ctem.err.contains("notices resend: is not a subcommand"));
    }
}
