package org.ctemcycles.core.evidence;

import org.ctemcycles.core.evidence.compliance.Control;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.ctemcycles.core.evidence.compliance.CycleFigures;
import org.ctemcycles.core.evidence.compliance.Objective;
import org.junit.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class ControlCatalogueTest {

    private final ControlCatalogue catalogue = ControlCatalogue.standard();

    @Test
    public void theControlsAuditorsAskForAreAllMapped() {
        Set<String> ids = catalogue.controls().stream().map(c -> c.framework() + " " + c.id()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("ISO/IEC 27001:2022 A.8.8", "SOC 2 (TSC 2017) CC3.2", "SOC 2 (TSC 2017) CC7.1",
                "PCI DSS v4.0.1 6.3.1", "NIST CSF 2.0 ID.RA-01", "NIST CSF 2.0 ID.RA-08", "NIST CSF 2.0 PR.PS-02")));
    }

    @Test
    public void everyEvidenceItemServesSomeControl() {
        Set<EvidenceItem> used = catalogue.controls().stream().flatMap(c -> c.evidence().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EvidenceItem.class)));
        assertEquals(EnumSet.allOf(EvidenceItem.class), used);
    }

    /** A cycle that met every objective: all criticals fixed, nothing past its deadline, coverage current. */
    private static final CycleFigures MET = new CycleFigures(LocalDate.parse("2026-09-30"), 10, 10, 2, 0, 0, 0, 3,
            3, 0, 3, 5, 4, 1, 2, 2, 0, 3, 3, 30, true, true);
    /**
     * The demo's old closing figures: 1 of 18 findings delivered, 15 past their deadline, all coverage stale; every
     * evidence item present all the same.
     */
    private static final CycleFigures MISSED = new CycleFigures(LocalDate.parse("2026-12-31"), 18, 18, 15, 0, 15,
            14, 7, 1, 0, 2, 9, 1, 0, 6, 1, 0, 3, 0, 30, false, true);

    @Test
    public void aFullPackOfACycleThatMetItsObjectivesSatisfiesEveryControl() {
        assertTrue(catalogue.assess(EnumSet.allOf(EvidenceItem.class), MET).stream()
                .allMatch(ControlCoverage::satisfied));
    }

    @Test
    public void evidenceAndOutcomeAreAnsweredSeparately() {
        List<ControlCoverage> coverage = catalogue.assess(EnumSet.allOf(EvidenceItem.class), MISSED);
        assertTrue("every control is evidenced", coverage.stream().allMatch(ControlCoverage::evidenced));
        assertEquals("only ranking and ownership were met", List.of("CC3.2", "ID.RA-06"), coverage.stream()
                .filter(ControlCoverage::satisfied).map(c -> c.control().id()).toList());
        ControlCoverage iso = coverage.get(0);
        assertEquals("A.8.8", iso.control().id());
        assertEquals(Boolean.FALSE, iso.outcome().met());
        assertEquals("1 of 7 critical findings remediated (verified or dismissed), 0 risk accepted, 6 still open",
                iso.outcome().figures());
        ControlCoverage pci = coverage.stream().filter(c -> c.control().id().equals("6.3.1")).findFirst()
                .orElseThrow();
        assertEquals(Objective.WITHIN_POLICY_DEADLINES, pci.control().objective());
        assertEquals("not met", pci.outcome().verdict());
        assertEquals("15 of 15 findings still needing work are past the policy's deadline on 2026-12-31; 14 findings"
                + " mobilised with a deadline later than the policy's", pci.outcome().figures());
        ControlCoverage cc71 = coverage.get(2);
        assertEquals("0 of 3 surfaces covered within 30 days of 2026-12-31", cc71.outcome().figures());
    }

    @Test
    public void anObjectiveWithNothingToCountIsNotAssessed() {
        CycleFigures empty = new CycleFigures(LocalDate.parse("2026-09-30"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 30, false, true);
        Objective.Outcome outcome = Objective.WITHIN_POLICY_DEADLINES.assess(empty);
        assertNull(outcome.met());
        assertEquals("not assessed", outcome.verdict());
        assertEquals("the register holds no finding", outcome.figures());
    }

    @Test
    public void missingValidationEvidenceIsNamedUnderTheControlsThatNeedIt() {
        Set<EvidenceItem> present = EnumSet.complementOf(EnumSet.of(EvidenceItem.VALIDATION_EVIDENCE));
        List<ControlCoverage> coverage = catalogue.assess(present, MET);
        List<String> unsatisfied = coverage.stream().filter(c -> !c.satisfied()).map(c -> c.control().id()).toList();
        assertEquals(List.of("A.8.8", "ID.RA-01", "PR.PS-02"), unsatisfied);
        ControlCoverage iso = coverage.get(0);
        assertEquals(List.of(EvidenceItem.VALIDATION_EVIDENCE), iso.missing());
        assertFalse(iso.present().contains(EvidenceItem.VALIDATION_EVIDENCE));
        assertEquals(5, iso.present().size());
    }

    @Test
    public void aControlWithoutEvidenceIsRefused() {
        try {
            new Control("X", "1", "t", "w", List.of(), Objective.ALL_RANKED);
        } catch (IllegalArgumentException e) {
            assertEquals("X 1 needs at least one evidence item", e.getMessage());
            return;
        }
        throw new AssertionError("expected a refusal");
    }
}
