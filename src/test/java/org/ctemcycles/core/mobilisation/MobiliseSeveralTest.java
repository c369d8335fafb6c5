package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Mobilising several findings at once, and a finding's history across cycles, over in-memory ports. */
public class MobiliseSeveralTest extends InMemoryRecordTest {

    public MobiliseSeveralTest() {
        super("2026-07-02");
    }

    @Before
    public void open() {
        fixture.open("CTEM-1");
        record.mobilisation().enrol("CTEM-1", List.of("F-1", "F-2", "F-3"), "importer");
    }

    private static MobilisationDraft draft() {
        return new MobilisationDraft("bob", "2026-08-01", "CHG-1", "", "rerun the scan");
    }

    @Test
    public void severalFindingsGetAnIssueEachWithTheSameOwnerAndSteps() {
        List<RegisterEntry> mobilised = record.mobilisation().mobiliseAll("CTEM-1", List.of("F-1", "F-3"), draft(),
                LEAD);
        assertEquals(List.of("F-1", "F-3"), mobilised.stream().map(RegisterEntry::findingKey).toList());
        assertTrue(mobilised.stream().allMatch(e -> e.mobilised() && e.owner().equals("bob")));
        assertEquals(2, fixture.tracker.issues().size());
        assertEquals("", record.mobilisation().entry("CTEM-1", "F-2").trackerIssue());
    }

    @Test
    public void whenOneCannotBeMobilisedNoneIs() {
        record.mobilisation().changeStatus("CTEM-1", "F-2", "false positive", "not reachable", LEAD);
        try {
            record.mobilisation().mobiliseAll("CTEM-1", List.of("F-1", "F-2"), draft(), LEAD);
            fail("a false positive is not mobilised");
        } catch (InvalidInputException expected) {
            assertEquals(0, fixture.tracker.issues().size());
            assertEquals(FindingStatus.OPEN, record.mobilisation().entry("CTEM-1", "F-1").status());
            assertEquals("", record.mobilisation().entry("CTEM-1", "F-1").trackerIssue());
        }
        try {
            record.mobilisation().mobiliseAll("CTEM-1", List.of("F-1", "F-9"), draft(), LEAD);
            fail("F-9 is not in the register");
        } catch (NotFoundException expected) {
            assertEquals(0, fixture.tracker.issues().size());
        }
    }

    @Test
    public void tooManyAtOnceAndBadOptionsAreRefusedBeforeAnyFindingIsRead() {
        List<String> many = new ArrayList<>(Collections.nCopies(MobilisationService.MAX_ENROL + 1, "F-1"));
        try {
            record.mobilisation().mobiliseAll("CTEM-1", many, draft(), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals("findings", e.problems().get(0).field());
        }
        assertEquals(List.of(), record.mobilisation().mobiliseAll("CTEM-1",
                List.of(), draft(), LEAD));
        try {
            record.mobilisation().mobiliseAll("CTEM-1", List.of("F-9"), new MobilisationDraft("", "soon", "", "",
                    ""), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.problems().stream().anyMatch(p -> p.field().equals("deadline")));
        }
    }

    @Test
    public void aFindingsHistoryNeedsItInSomeRegister() {
        FindingHistory history = record.mobilisation().history(" F-1 ");
        assertEquals("F-1", history.findingKey());
        assertEquals(1, history.entries().size());
        try {
            record.mobilisation().history("F-9");
            fail();
        } catch (NotFoundException e) {
            assertEquals("finding 'F-9' is in no cycle's register", e.getMessage());
        }
    }
}
