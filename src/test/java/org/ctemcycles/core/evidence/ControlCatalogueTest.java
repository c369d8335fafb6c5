package org.ctemcycles.core.evidence;

import org.ctemcycles.core.evidence.compliance.Control;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.junit.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

    @Test
    public void aFullPackSatisfiesEveryControl() {
        assertTrue(catalogue.assess(EnumSet.allOf(EvidenceItem.class)).stream().allMatch(ControlCoverage::satisfied));
    }

    @Test
    public void missingValidationEvidenceIsNamedUnderTheControlsThatNeedIt() {
        Set<EvidenceItem> present = EnumSet.complementOf(EnumSet.of(EvidenceItem.VALIDATION_EVIDENCE));
        List<ControlCoverage> coverage = catalogue.assess(present);
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
            new Control("X", "1", "t", "w", List.of());
        } catch (IllegalArgumentException e) {
            assertEquals("X 1 needs at least one evidence item", e.getMessage());
            return;
        }
        throw new AssertionError("expected a refusal");
    }
}
