package org.ctemcycles.cli;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.cli.embedded.OutOfSpaceException;
import org.ctemcycles.cli.embedded.StorageErrors;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.testing.crash.FullDiskFilePath;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A disk that fills while the embedded H2 writes in the background, after a command's commit: H2 keeps the failure
 * once and tells later calls only that the database has been closed, so the command must learn of the full disk
 * from the engine itself (ADR 045). Forced here, in-process, with the crash test's full disk: the commit succeeds,
 * the disk fills, and H2's writer (its write delay, or the close at the latest) meets it.
 */
public class DiskFullTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @After
    public void emptyDisk() {
        FullDiskFilePath.install(Long.MAX_VALUE);
    }

    private static CycleRecord record(EmbeddedDatabase db) {
        return CycleRecord.overStore(db.activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> "lead".equals(user), Clock.systemUTC());
    }

    private String fullDiskUrl() throws Exception {
        FullDiskFilePath.install(Long.MAX_VALUE);
        Path file = folder.newFolder("db").toPath().resolve("ctem");
        return EmbeddedDatabase.h2FileUrl(file).replace("jdbc:h2:file:", "jdbc:h2:fulldisk:");
    }

    @Test
    public void aDiskThatFillsAfterTheCommitEndsTheCommandAsAFullDisk() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.open(fullDiskUrl(), "sa", "", "PUBLIC");
        record(db).cycles().create(new CycleDraft("FULL", "full disk", "", "2026-01-01", "2026-03-31", "14"),
                "lead");
        FullDiskFilePath.install(0); // committed; H2 has still to write it
        try {
            db.close();
            fail("the close must say that the committed change may not be on disk");
        } catch (OutOfSpaceException e) {
            assertEquals("No space left on device", e.getMessage());
        }
    }

    @Test
    public void aCallAfterH2MetTheFullDiskInTheBackgroundNamesTheFullDisk() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.open(fullDiskUrl(), "sa", "", "PUBLIC");
        CycleRecord record = record(db);
        record.cycles().create(new CycleDraft("FULL", "full disk", "", "2026-01-01", "2026-03-31", "14"), "lead");
        FullDiskFilePath.install(0);
        RuntimeException failure = null;
        long until = System.nanoTime() + 30_000_000_000L;
        int cycle = 0;
        // every write waits for H2's background writer (500 ms write delay) to meet the full disk
        while (failure == null && System.nanoTime() < until) {
            try {
                record.cycles().create(new CycleDraft("FULL" + ++cycle, "full disk", "", "2026-01-01",
                        "2026-03-31", "14"), "lead");
                Thread.sleep(100);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        assertTrue("H2 met the full disk within 30 s", failure != null);
        assertTrue("the command is told the disk is full, not only that the database closed: " + failure,
                StorageErrors.diskFull(failure).isPresent());
        try {
            db.close();
            fail("the close says so too");
        } catch (OutOfSpaceException e) {
            assertEquals("No space left on device", e.getMessage());
        }
    }
}
