package org.ctemcycles.core.cadence;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Handing a closed cycle over to an existing cycle, what a handover refuses, and the cadence record. */
public class HandoverTest extends InMemoryRecordTest {

    public HandoverTest() {
        super("2026-07-02");
    }

    @Before
    public void closeOne() {
        fixture.openScoped("CTEM-1");
        record.mobilisation().enrol("CTEM-1", List.of("F-1", "F-2"), "importer");
        record.mobilisation().changeStatus("CTEM-1", "F-2", "false positive", "unreachable", LEAD);
        GateOverride override = new GateOverride("handover test");
        for (Stage stage : List.of(Stage.DISCOVERY, Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            record.stages().advance("CTEM-1", stage, override, LEAD);
        }
        fixture.clock.setDay("2026-09-30");
        record.closure().close("CTEM-1", override, LEAD);
        fixture.open("CTEM-2");
    }

    private Handover toExisting(String next) {
        return record.closure().handover("CTEM-1", new HandoverRequest(null, next, false), LEAD);
    }

    private void refused(HandoverRequest request, String message) {
        try {
            record.closure().handover("CTEM-1", request, LEAD);
            fail("expected: " + message);
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(message));
        }
    }

    @Test
    public void anExistingCycleInScopingInheritsTheResidualQueue() {
        Handover handover = toExisting("ctem-2");
        assertEquals("CTEM-1", handover.next().predecessorKey());
        assertEquals(List.of("F-1"), handover.inherited().stream().map(RegisterEntry::findingKey).toList());
        assertEquals(List.of(), handover.carriedScope());
        assertEquals("CTEM-2", record.cycles().get("CTEM-1").successorKey());
        assertEquals("CTEM-1", record.mobilisation().entry("CTEM-2", "F-1").carriedFrom());
        refused(new HandoverRequest(null, "CTEM-2", false), "was already handed over to CTEM-2");
    }

    @Test
    public void aHandoverNamesExactlyOneFittingNextCycle() {
        CycleDraft draft = new CycleDraft("CTEM-3", "Q4", "", "2026-10-01", "2026-12-31", "14");
        refused(new HandoverRequest(draft, "CTEM-2", false), "either open a new one or give the key");
        refused(new HandoverRequest(null, " ", false), "either open a new one or give the key");
        refused(new HandoverRequest(null, "CTEM-1", false), "a cycle cannot hand over to itself");
        record.stages().advance("CTEM-2", Stage.DISCOVERY, new GateOverride("moved on"), LEAD);
        refused(new HandoverRequest(null, "CTEM-2", false), "is in Discovery; a cycle inherits a residual queue");
        fixture.open("CTEM-4");
        fixture.open("CTEM-0");
        record.stages().advance("CTEM-0", Stage.DISCOVERY, new GateOverride("x"), LEAD);
        for (Stage stage : List.of(Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            record.stages().advance("CTEM-0", stage, new GateOverride("x"), LEAD);
        }
        record.closure().close("CTEM-0", new GateOverride("x"), LEAD);
        record.closure().handover("CTEM-0", new HandoverRequest(null, "CTEM-4", false), LEAD);
        refused(new HandoverRequest(null, "CTEM-4", false), "already inherits from CTEM-0");
        try {
            record.closure().handover("CTEM-2", new HandoverRequest(null, "CTEM-4", false), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("close it before handing it over"));
        }
    }

    @Test
    public void theCadenceRecordShowsPlanAndClosure() {
        CadenceRecord cadence = record.closure().cadence("CTEM-1");
        assertEquals(LocalDate.parse("2026-07-01"), cadence.start());
        assertEquals(LocalDate.parse("2026-09-30"), cadence.plannedEnd());
        assertEquals(LocalDate.parse("2026-09-30"), cadence.closedOn());
        assertEquals(List.of("PAY-API"), cadence.nextScope());
        assertEquals("", cadence.nextCycleKey());
        assertEquals(List.of(), cadence.actual());
        assertTrue(cadence.planned().size() > 1);
        CadenceRecord open = record.closure().cadence("CTEM-2");
        assertNull(open.closedOn());
        assertEquals(List.of(), open.nextScope());
    }
}
