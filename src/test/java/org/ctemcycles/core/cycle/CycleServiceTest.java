package org.ctemcycles.core.cycle;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.testing.DirectTransactions;
import org.ctemcycles.testing.InMemoryActivityLog;
import org.ctemcycles.testing.InMemoryCycleRepository;
import org.junit.Before;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The rules of opening and reading cycles ({@link CycleService}), over in-memory ports. */
public class CycleServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    private CycleService service;

    @Before
    public void create() {
        service = new CycleService(new InMemoryCycleRepository(), new InMemoryActivityLog(), new DirectTransactions(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CycleDraft draft(String key, String name) {
        return new CycleDraft(key, name, "Reduce exposure of the payment platform", "2026-07-01", "2026-09-30", "14");
    }

    @Test
    public void openedCycleIsListedAndShownWithEveryField() {
        Cycle created = service.create(new CycleDraft("  ctem-2026-q3 ", " Q3 payments ", "Cut KEV exposure",
                "2026-07-01", "2026-09-30", "21"), "JIRAUSER10100");

        assertEquals("CTEM-2026-Q3", created.key());
        Cycle shown = service.get("ctem-2026-q3");
        assertEquals(created, shown);
        assertEquals("Q3 payments", shown.name());
        assertEquals("Cut KEV exposure", shown.objective());
        assertEquals(LocalDate.of(2026, 7, 1), shown.cadence().start());
        assertEquals(LocalDate.of(2026, 9, 30), shown.cadence().plannedEnd());
        assertEquals(21, shown.cadence().checkpointIntervalDays());
        assertEquals(Stage.SCOPING, shown.stage());
        assertEquals(NOW, shown.createdAt());
        assertEquals("JIRAUSER10100", shown.createdBy());
        assertEquals(List.of(created), service.list());
    }

    @Test
    public void duplicateKeyIsRejectedAndTheFirstCycleIsUnchanged() {
        Cycle first = service.create(draft("CTEM-1", "First"), "lead");
        try {
            service.create(draft("ctem-1", "Second"), "lead");
            fail("a duplicate key must be rejected");
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("key", "a cycle with key 'CTEM-1' already exists")), e.problems());
        }
        assertEquals(1, service.list().size());
        assertEquals(first, service.get("CTEM-1"));
    }

    @Test
    public void everyProblemOfADraftIsReportedWithItsFieldAndNothingIsStored() {
        try {
            service.create(new CycleDraft("9lives", " ", null, "2026-02-30", "tomorrow", "0"), "lead");
            fail("the draft is invalid");
        } catch (InvalidInputException e) {
            assertEquals(List.of("key", "name", "start", "plannedEnd", "checkpointIntervalDays"),
                    e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("'2026-02-30' is not a date of the form YYYY-MM-DD"));
        }
        assertEquals(0, service.list().size());
    }

    @Test
    public void emptyNameIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "", "", "2026-07-01", "2026-09-30", ""), "name", "is required");
    }

    @Test
    public void plannedEndBeforeStartIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "Q3", "", "2026-09-30", "2026-07-01", ""), "plannedEnd",
                "the planned end (2026-07-01) must be after the start (2026-09-30)");
    }

    @Test
    public void plannedEndOnTheStartDayIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "Q3", "", "2026-07-01", "2026-07-01", ""), "plannedEnd",
                "the planned end (2026-07-01) must be after the start (2026-07-01)");
    }

    @Test
    public void tooLongNameIsRejectedWithItsLength() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "n".repeat(256), "", "2026-07-01", "2026-09-30", ""), "name",
                "is 256 characters long; at most 255 are allowed");
    }

    @Test
    public void blankCheckpointIntervalTakesTheDefault() {
        Cycle cycle = service.create(new CycleDraft("CTEM-1", "Q3", null, "2026-07-01", "2026-09-30", " "), "lead");
        assertEquals(CycleService.DEFAULT_CHECKPOINT_INTERVAL_DAYS, service.get("CTEM-1").cadence().checkpointIntervalDays());
        assertEquals("", cycle.objective());
    }

    @Test
    public void longObjectiveAndHostileTextAreStoredVerbatim() {
        String objective = "Close every KEV on internet-facing payment hosts. ".repeat(150);
        String name = "<script>alert(1)</script> ‘Q3’ ünïcødé 'quoted' \"double\"";
        service.create(new CycleDraft("CTEM-X", name, objective, "2026-07-01", "2026-09-30", ""), "lead");
        Cycle stored = service.get("CTEM-X");
        assertEquals(name, stored.name());
        assertEquals(objective.trim(), stored.objective());
    }

    @Test
    public void listShowsNewestStartFirstThenByKey() {
        service.create(new CycleDraft("B-OLD", "old", "", "2026-01-01", "2026-03-31", ""), "lead");
        service.create(new CycleDraft("C-NEW", "new", "", "2026-07-01", "2026-09-30", ""), "lead");
        service.create(new CycleDraft("A-NEW", "new too", "", "2026-07-01", "2026-09-30", ""), "lead");
        assertEquals(List.of("A-NEW", "C-NEW", "B-OLD"),
                service.list().stream().map(Cycle::key).collect(Collectors.toList()));
    }

    @Test
    public void unknownKeyIsNamedInTheError() {
        try {
            service.get("nope-1");
            fail();
        } catch (NotFoundException e) {
            assertEquals("no CTEM cycle with key 'NOPE-1'", e.getMessage());
        }
    }


    private void assertOnlyProblem(CycleDraft draft, String field, String message) {
        try {
            service.create(draft, "lead");
            fail("expected " + field + ": " + message);
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem(field, message)), e.problems());
        }
        assertEquals(0, service.list().size());
    }
}
