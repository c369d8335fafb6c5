package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.core.mobilisation.FindingHistory;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The "done when" scenario of the cycle record's rules, over in-memory ports: a whole cycle (scope, discovery and
 * prioritisation results through the in-memory progress port, validation, mobilisation into the in-memory tracker,
 * a checkpoint, closure, handover), the next cycle starting with the residual queue and its history, and both logs
 * verifying.
 */
public class CycleScenarioTest extends InMemoryRecordTest {

    public CycleScenarioTest() {
        super("2026-06-20");
    }

    @Test
    public void aWholeCycleRunsAndTheNextStartsWithTheResidualQueue() throws Exception {
        // Scoping: objectives, success criteria, cadence and surfaces before discovery
        fixture.openScoped("CTEM-2026-Q3");
        record.scope().add("CTEM-2026-Q3", new SurfaceDraft("IDP", "Workforce identity", "identity-surface", "",
                null, "internal", "", List.of()), LEAD);
        assertEquals(Stage.DISCOVERY, record.stages().advance("CTEM-2026-Q3", Stage.DISCOVERY, null, LEAD)
                .cycle().stage());

        // Discovery (the import's work: a run that covered PAY-API, and its findings in the register)
        fixture.clock.setDay("2026-07-02");
        fixture.progress.recordDiscoveryRun("CTEM-2026-Q3", Set.of("PAY-API"));
        record.mobilisation().enrol("CTEM-2026-Q3", List.of("F-1", "F-2", "F-3", "F-4", "F-5"), "importer");
        record.stages().advance("CTEM-2026-Q3", Stage.PRIORITISATION, null, LEAD);

        // Prioritisation (the engine's decisions): the Validation gate waits for a decision on every finding
        fixture.progress.recordDecision("CTEM-2026-Q3", "F-1", "Act");
        try {
            record.stages().advance("CTEM-2026-Q3", Stage.VALIDATION, null, LEAD);
            fail("four findings have no decision");
        } catch (GateNotMetException e) {
            assertEquals(List.of("4 of 5 findings have no priority decision: F-2, F-3, F-4, F-5"), e.unmet());
        }
        for (String f : List.of("F-2", "F-3", "F-4", "F-5")) {
            fixture.progress.recordDecision("CTEM-2026-Q3", f, "Track");
        }
        record.stages().advance("CTEM-2026-Q3", Stage.VALIDATION, null, LEAD);

        // Validation: one exploit confirmed, one refuted
        record.validation().record("CTEM-2026-Q3", "F-1", new ValidationDraft("exploit-reproduction",
                "exploitable-confirmed", "RCE reproduced on staging", List.of("evidence/f1-poc.txt")), "tester");
        assertEquals(FindingStatus.FALSE_POSITIVE, record.validation().record("CTEM-2026-Q3", "F-2",
                new ValidationDraft("manual-test", "not-exploitable", "input is never reflected", List.of()),
                "tester").statusAfter());
        record.stages().advance("CTEM-2026-Q3", Stage.MOBILISATION, null, LEAD);

        // Mobilisation into the tracker; a fix, its retest; an accepted risk
        for (String f : List.of("F-1", "F-3", "F-4")) {
            record.mobilisation().mobilise("CTEM-2026-Q3", f, new MobilisationDraft("bob", "2026-07-31",
                    "CHG-" + f, "", "rescan with the same template"), LEAD);
        }
        record.mobilisation().changeStatus("CTEM-2026-Q3", "F-1", "resolved", "", "bob");
        record.validation().record("CTEM-2026-Q3", "F-1", new ValidationDraft("retest", "retest-passed", "",
                List.of()), "tester");
        record.mobilisation().changeStatus("CTEM-2026-Q3", "F-3", "in progress", "", "bob");
        record.mobilisation().acceptRisk("CTEM-2026-Q3", "F-5", new AcceptanceDraft("carol", "WAF rule 9001",
                "2026-12-31"), LEAD);
        assertEquals(3, fixture.tracker.issues().size());

        // A surface changes while the cycle runs; a checkpoint on its planned date
        record.scope().update("CTEM-2026-Q3", new SurfaceDraft("IDP", null, null, "dave", "high", null,
                "MFA on every admin path", null), LEAD);
        fixture.clock.setDay("2026-07-15");
        MetricsSnapshot metrics = record.checkpoints().record("CTEM-2026-Q3", "on track", LEAD).metrics();
        assertEquals(5, metrics.stage(MetricsSnapshot.DISCOVERED));
        assertEquals(2, metrics.stage(MetricsSnapshot.CLOSED));
        assertEquals(1, metrics.byTier().get("Act").intValue());

        // Closure: the summary, and the register frozen
        fixture.clock.setDay("2026-09-30");
        ClosureSummary summary = record.closure().close("CTEM-2026-Q3", null, LEAD);
        assertEquals(List.of("F-1"), summary.delivered());
        assertEquals(List.of("F-2"), summary.falsePositives());
        assertEquals(List.of("F-3", "F-4", "F-5"), summary.carriedOver());
        assertEquals(1, summary.riskAccepted());
        assertEquals(1, summary.surfaceChanges().size());
        assertTrue(summary.surfaceChanges().get(0), summary.surfaceChanges().get(0).endsWith("lead changed surface IDP"));
        assertEquals("in the order the surfaces were registered", List.of("PAY-API", "IDP"), summary.nextScope());
        assertEquals("the summary is stored as written", Optional.of(summary),
                record.closure().summary("ctem-2026-q3"));
        // planned every 14 days from 2026-07-15: the first was held, the five after it were missed
        assertEquals(5, record.checkpoints().schedule("CTEM-2026-Q3").missed().size());

        // Handover: the next cycle inherits the residual queue with its history
        Handover handover = record.closure().handover("CTEM-2026-Q3", new HandoverRequest(new CycleDraft(
                "CTEM-2026-Q4", "Q4 payments", "Keep KEV exposure closed", "2026-10-01", "2026-12-31", "14"),
                null, true), LEAD);
        assertEquals("CTEM-2026-Q3", handover.next().predecessorKey());
        assertEquals("CTEM-2026-Q4", record.cycles().get("CTEM-2026-Q3").successorKey());
        Map<String, RegisterEntry> next = record.mobilisation().register("CTEM-2026-Q4").stream()
                .collect(Collectors.toMap(RegisterEntry::findingKey, e -> e));
        assertEquals(Set.of("F-3", "F-4", "F-5"), next.keySet());
        assertEquals(FindingStatus.IN_PROGRESS, next.get("F-3").status());
        assertEquals("bob", next.get("F-3").owner());
        assertEquals(LocalDate.parse("2026-07-31"), next.get("F-3").deadline());
        assertEquals("CTEM-2026-Q3", next.get("F-3").carriedFrom());
        assertEquals(FindingStatus.RISK_ACCEPTED, next.get("F-5").status());
        assertEquals("WAF rule 9001", next.get("F-5").acceptance().compensatingControl());
        assertEquals(2, handover.carriedScope().size());
        FindingHistory history = record.mobilisation().history("F-3");
        assertEquals(List.of("CTEM-2026-Q3", "CTEM-2026-Q4"), history.entries().stream()
                .map(RegisterEntry::cycleKey).toList());
        assertTrue(history.log().stream().anyMatch(e -> e.action().equals(LogAction.MOBILISED.name())));

        // The log of both cycles verifies (edited, inserted and deleted rows: ActivityLogPersistenceTest)
        assertTrue(record.log().verify("CTEM-2026-Q3").intact());
        assertTrue(record.log().verify("CTEM-2026-Q4").intact());
    }
}
