package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.GateNotMetException;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.cadence.StageTransition;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Scoping (objectives, cadence, surfaces) and the stage gates with their overrides: the rules, over in-memory ports. */
public class ScopeAndGatesTest extends InMemoryRecordTest {

    public ScopeAndGatesTest() {
        super("2026-06-20");
    }

    @Test
    public void aSurfaceIsStoredWithEveryPartAndItsAdditionIsLogged() {
        fixture.open("CTEM-1");
        Surface surface = record.scope().add("ctem-1", new SurfaceDraft(" pay-api ", "Payments API",
                "Customer-facing system", "JIRAUSER10100", "HIGH", "internet facing", "No exploitable KEV",
                List.of("host:*.pay.example.com", "IP_RANGE: 10.20.0.0/16")), LEAD);
        assertEquals(new Surface("PAY-API", "CTEM-1", "Payments API", SurfaceKind.CUSTOMER_FACING_SYSTEM,
                "JIRAUSER10100", Criticality.HIGH, Exposure.INTERNET_FACING, "No exploitable KEV",
                List.of(new ScopeRule(ScopeRule.Kind.HOSTNAME, "*.pay.example.com"),
                        new ScopeRule(ScopeRule.Kind.IP_RANGE, "10.20.0.0/16"))), surface);
        assertEquals(List.of(surface), record.scope().list("CTEM-1"));
        LogEntry added = logged("CTEM-1", LogAction.SURFACE_ADDED).get(0);
        assertEquals("surface:PAY-API", added.subject());
        assertEquals("", added.before());
        assertTrue(added.after(), added.after().contains("\"businessOwner\":\"JIRAUSER10100\""));
        assertEquals(LEAD, added.actor());
    }

    @Test
    public void everyProblemOfASurfaceIsNamedAndNothingIsStored() {
        fixture.open("CTEM-1");
        try {
            record.scope().add("CTEM-1", new SurfaceDraft("9", "", "mainframe", "", "severe", "dmz", "",
                    List.of("HOST:ok.example.com", "nonsense", "PORT:443")), LEAD);
            fail("the surface is invalid");
        } catch (InvalidInputException e) {
            assertEquals(List.of("key", "name", "kind", "criticality", "exposure", "rules[2]", "rules[3]"),
                    e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("kind: 'mainframe' is not one of business-process,"
                    + " customer-facing-system, regulated-data-flow, third-party-connection, identity-surface"));
            assertTrue(e.getMessage(), e.getMessage().contains("rules[3]: 'PORT:443' does not start with a rule kind"));
        }
        assertEquals(List.of(), record.scope().list("CTEM-1"));
        assertEquals(List.of(), logged("CTEM-1", LogAction.SURFACE_ADDED));
    }

    @Test
    public void aSurfaceKeyIsUsedOncePerCycle() {
        fixture.openScoped("CTEM-1");
        try {
            record.scope().add("CTEM-1", new SurfaceDraft("pay-api", "Again", "business-process", "", "", "", "",
                    List.of()), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("key", "cycle CTEM-1 already has a surface with key 'PAY-API'")),
                    e.problems());
        }
    }

    @Test
    public void surfaceChangesAreLoggedWithTheSurfaceBeforeAndAfter() {
        fixture.openScoped("CTEM-1");
        Surface changed = record.scope().update("CTEM-1", new SurfaceDraft("PAY-API", null, null, "bob", "medium",
                null, null, null), "bob-manager");
        assertEquals("bob", changed.businessOwner());
        assertEquals(Criticality.MEDIUM, changed.criticality());
        assertEquals(2, changed.rules().size());
        LogEntry entry = logged("CTEM-1", LogAction.SURFACE_CHANGED).get(0);
        assertTrue(entry.before(), entry.before().contains("\"businessOwner\":\"alice\",\"criticality\":\"CRITICAL\""));
        assertTrue(entry.after(), entry.after().contains("\"businessOwner\":\"bob\",\"criticality\":\"MEDIUM\""));
        assertEquals("bob-manager", entry.actor());
        assertEquals(changed, record.scope().update("CTEM-1", new SurfaceDraft("PAY-API", null, null, "bob", null,
                null, null, null), LEAD));
        assertEquals("a change that changes nothing is not logged", 1,
                logged("CTEM-1", LogAction.SURFACE_CHANGED).size());
        try {
            record.scope().update("CTEM-1", new SurfaceDraft("NOPE", "x", null, null, null, null, null, null), LEAD);
            fail();
        } catch (NotFoundException e) {
            assertEquals("no surface 'NOPE' in the scope of cycle CTEM-1", e.getMessage());
        }
    }

    @Test
    public void objectivesSuccessCriteriaAndCadenceAreRecordedBeforeDiscoveryOnly() {
        fixture.open("CTEM-1");
        Cycle cycle = record.cycles().recordScope("ctem-1", new ScopeDraft("Close KEVs", "Zero KEV > 14 days",
                "2026-07-06", null, "7"), LEAD);
        assertEquals("Close KEVs", cycle.objective());
        assertEquals("Zero KEV > 14 days", cycle.successCriteria());
        assertEquals(LocalDate.parse("2026-07-06"), cycle.cadence().start());
        assertEquals(LocalDate.parse("2026-09-30"), cycle.cadence().plannedEnd());
        assertEquals(7, cycle.cadence().checkpointIntervalDays());
        assertEquals(2, cycle.version());
        assertEquals(cycle, record.cycles().get("CTEM-1"));
        LogEntry entry = logged("CTEM-1", LogAction.SCOPE_RECORDED).get(0);
        assertTrue(entry.before(), entry.before().contains("\"successCriteria\":\"\""));
        assertTrue(entry.after(), entry.after().contains("\"successCriteria\":\"Zero KEV > 14 days\""));

        try {
            record.cycles().recordScope("CTEM-1", new ScopeDraft(null, null, null, "2026-07-01", "400"), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("checkpointIntervalDays", "plannedEnd"), e.problems().stream().map(Problem::field)
                    .toList());
        }

        fixture.scope.add(new Surface("S", "CTEM-1", "s", SurfaceKind.BUSINESS_PROCESS, "o", Criticality.LOW,
                Exposure.INTERNAL, "c", List.of()));
        record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
        try {
            record.cycles().recordScope("CTEM-1", new ScopeDraft("Later", null, null, null, null), LEAD);
            fail("recorded before discovery starts");
        } catch (InvalidInputException e) {
            assertEquals("stage: the objectives, success criteria and cadence of CTEM-1 are recorded before discovery"
                    + " starts; the cycle is in Discovery", e.getMessage());
        }
    }

    @Test
    public void theDiscoveryGateNamesEachUnmetCriterion() {
        record.cycles().create(new org.ctemcycles.core.cycle.CycleDraft("CTEM-1", "Q3", "", "2026-07-01",
                "2026-09-30", ""), LEAD);
        assertEquals(List.of("the cycle's objective is not recorded", "the cycle's success criteria are not recorded",
                "no surface is in scope"), unmet("CTEM-1", Stage.DISCOVERY));
        record.scope().add("CTEM-1", new SurfaceDraft("IDP", "Identity", "identity-surface", "", "high", "", "",
                List.of()), LEAD);
        assertEquals("no surface has a business owner, a criticality and a success criterion",
                unmet("CTEM-1", Stage.DISCOVERY).get(2));
        assertEquals(Stage.SCOPING, record.cycles().get("CTEM-1").stage());
        assertEquals(3, record.stages().nextGate("CTEM-1").size());
    }

    @Test
    public void theLaterGatesNameTheirUnmetCriteria() {
        fixture.openScoped("CTEM-1");
        record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
        assertEquals(List.of("no discovery run was recorded", "the register holds no finding"),
                unmet("CTEM-1", Stage.PRIORITISATION));
        fixture.progress.recordDiscoveryRun("CTEM-1", Set.of("PAY-API"));
        record.mobilisation().enrol("CTEM-1", List.of("F-1"), LEAD);
        record.stages().advance("CTEM-1", Stage.PRIORITISATION, null, LEAD);
        fixture.progress.recordDecision("CTEM-1", "F-1", "Attend");
        record.stages().advance("CTEM-1", Stage.VALIDATION, null, LEAD);
        assertEquals(List.of("no finding has a validation record"), unmet("CTEM-1", Stage.MOBILISATION));
        override("CTEM-1", Stage.MOBILISATION, "validation is done by the red team's report next week");
        try {
            record.closure().close("CTEM-1", null, LEAD);
            fail();
        } catch (GateNotMetException e) {
            assertEquals(List.of("1 findings still needing work have no remediation owner and deadline: F-1",
                    "no checkpoint was held"), e.unmet());
        }
        assertEquals(Stage.MOBILISATION, record.cycles().get("CTEM-1").stage());
    }

    @Test
    public void onlyASecurityLeadOverridesAGateAndOnlyWithAReasonAndBothAreLogged() {
        fixture.open("CTEM-1");
        try {
            record.stages().advance("CTEM-1", Stage.DISCOVERY, new GateOverride("urgent"), "engineer");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("override", "only a security lead may override a stage gate;"
                    + " engineer is not one")), e.problems());
        }
        try {
            record.stages().advance("CTEM-1", Stage.DISCOVERY, new GateOverride("  "), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("reason", "an override needs a reason, which is logged")), e.problems());
        }
        assertEquals(Stage.SCOPING, record.cycles().get("CTEM-1").stage());

        StageTransition moved = override("CTEM-1", Stage.DISCOVERY, "board asked for an early scan");
        assertTrue(moved.overridden());
        assertEquals(Stage.DISCOVERY, moved.cycle().stage());
        LogEntry overridden = logged("CTEM-1", LogAction.GATE_OVERRIDDEN).get(0);
        assertEquals(LEAD, overridden.actor());
        assertTrue(overridden.before(), overridden.before().contains("the cycle's success criteria are not recorded"));
        assertTrue(overridden.after(), overridden.after().contains("\"reason\":\"board asked for an early scan\""));
        LogEntry advanced = logged("CTEM-1", LogAction.STAGE_ADVANCED).get(0);
        assertEquals("{\"stage\":\"SCOPING\",\"version\":\"1\"}", advanced.before());
        assertEquals("{\"stage\":\"DISCOVERY\",\"version\":\"2\"}", advanced.after());
    }

    @Test
    public void aMetGateNeedsNoOverrideAndLogsNone() {
        fixture.openScoped("CTEM-1");
        StageTransition moved = record.stages().advance("CTEM-1", Stage.DISCOVERY, new GateOverride("not needed"),
                LEAD);
        assertTrue(!moved.overridden());
        assertEquals(List.of(), logged("CTEM-1", LogAction.GATE_OVERRIDDEN));
    }

    @Test
    public void stagesAdvanceOneAtATimeAndClosingIsNotAnAdvance() {
        fixture.openScoped("CTEM-1");
        try {
            record.stages().advance("CTEM-1", Stage.VALIDATION, new GateOverride("skip"), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals("stage: cycle CTEM-1 is in Scoping; it can only advance to Discovery, one stage at a time",
                    e.getMessage());
        }
        try {
            record.stages().advance("CTEM-1", Stage.CLOSED, null, LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("closed by closing it"));
        }
        record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
        try {
            record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
            fail("a second, late transition to the same stage is a conflict");
        } catch (ConflictException e) {
            assertEquals("cycle CTEM-1 is already in Discovery (someone moved it there first); reload it and try"
                    + " again", e.getMessage());
        }
    }

    @Test
    public void aClosedCycleAcceptsNoScopeChange() {
        fixture.openScoped("CTEM-1");
        for (Stage stage : List.of(Stage.DISCOVERY, Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            override("CTEM-1", stage, "test cycle");
        }
        record.closure().close("CTEM-1", new GateOverride("test cycle"), LEAD);
        try {
            record.scope().add("CTEM-1", new SurfaceDraft("NEW", "n", "business-process", "", "", "", "",
                    List.of()), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals("cycle: cycle CTEM-1 is closed; its record is frozen", e.getMessage());
        }
    }

    private StageTransition override(String cycle, Stage target, String reason) {
        return record.stages().advance(cycle, target, new GateOverride(reason), LEAD);
    }

    private List<String> unmet(String cycle, Stage target) {
        try {
            record.stages().advance(cycle, target, null, LEAD);
            fail("the " + target.label() + " gate should not be met");
            return List.of();
        } catch (GateNotMetException e) {
            assertEquals(target, e.target());
            assertEquals("override", e.problems().get(e.problems().size() - 1).field());
            return e.unmet();
        }
    }
}
