package org.ctemcycles.core.evidence.compliance;

import org.ctemcycles.core.evidence.EvidenceItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.ctemcycles.core.evidence.EvidenceItem.ACTIVITY_LOG_VERIFICATION;
import static org.ctemcycles.core.evidence.EvidenceItem.CADENCE_RECORD;
import static org.ctemcycles.core.evidence.EvidenceItem.CLOSURE_SUMMARY;
import static org.ctemcycles.core.evidence.EvidenceItem.DISCOVERY_COVERAGE;
import static org.ctemcycles.core.evidence.EvidenceItem.FINDING_SET;
import static org.ctemcycles.core.evidence.EvidenceItem.MOBILISATION_REGISTER;
import static org.ctemcycles.core.evidence.EvidenceItem.PRIORITISATION_RATIONALE;
import static org.ctemcycles.core.evidence.EvidenceItem.SCOPING_DOCUMENT;
import static org.ctemcycles.core.evidence.EvidenceItem.VALIDATION_EVIDENCE;

/**
 * The compliance controls the evidence pack maps to, and which evidence items satisfy each. Wording: ISO/IEC
 * 27001:2022 Annex A, the AICPA 2017 Trust Services Criteria, PCI DSS v4.0.1 and NIST CSF 2.0, quoted where the
 * research notes quote them (shared/research/ctem-field.md §5), summarised otherwise. Auditors ask for dated scans with
 * scope, a tracked register with owner, status and due date, priority with rationale, threat-intelligence sources and
 * retest evidence; the mapping follows those asks. Each control also names the objective the cycle must meet
 * ({@link Objective}): A.8.8 the remediation of criticals, PCI DSS 6.3.1 the policy's deadlines (SLA), and so on.
 */
public final class ControlCatalogue {

    private final List<Control> controls;

    public ControlCatalogue(List<Control> controls) {
        this.controls = List.copyOf(controls);
    }

    /** The catalogue the evidence pack uses. */
    public static ControlCatalogue standard() {
        return new ControlCatalogue(List.of(
                new Control("ISO/IEC 27001:2022", "A.8.8", "Management of technical vulnerabilities",
                        "Information about technical vulnerabilities of information systems in use shall be obtained, "
                                + "the organization's exposure to such vulnerabilities shall be evaluated and appropriate "
                                + "measures shall be taken.",
                        List.of(SCOPING_DOCUMENT, DISCOVERY_COVERAGE, FINDING_SET, PRIORITISATION_RATIONALE,
                                VALIDATION_EVIDENCE, MOBILISATION_REGISTER),
                        Objective.CRITICALS_TREATED),
                new Control("SOC 2 (TSC 2017)", "CC3.2", "Risk identification and analysis",
                        "The entity identifies risks to the achievement of its objectives across the entity and analyzes "
                                + "risks as a basis for determining how the risks should be managed.",
                        List.of(SCOPING_DOCUMENT, FINDING_SET, PRIORITISATION_RATIONALE),
                        Objective.ALL_RANKED),
                new Control("SOC 2 (TSC 2017)", "CC7.1", "Detection and monitoring of vulnerabilities",
                        "The entity uses detection and monitoring procedures to identify (1) changes to configurations "
                                + "that result in the introduction of new vulnerabilities, and (2) susceptibilities to newly "
                                + "discovered vulnerabilities.",
                        List.of(DISCOVERY_COVERAGE, FINDING_SET, CADENCE_RECORD),
                        Objective.COVERAGE_CURRENT),
                new Control("PCI DSS v4.0.1", "6.3.1", "Security vulnerabilities are identified and managed",
                        "New security vulnerabilities are identified using industry-recognized sources, each is assigned "
                                + "a risk ranking based on industry best practices and potential impact, the rankings "
                                + "identify at least all vulnerabilities considered high-risk or critical, and bespoke, "
                                + "custom and third-party software are covered.",
                        List.of(DISCOVERY_COVERAGE, FINDING_SET, PRIORITISATION_RATIONALE),
                        Objective.WITHIN_POLICY_DEADLINES),
                new Control("NIST CSF 2.0", "ID.RA-01", "Vulnerabilities are identified, validated and recorded",
                        "Vulnerabilities in assets are identified, validated, and recorded.",
                        List.of(DISCOVERY_COVERAGE, FINDING_SET, VALIDATION_EVIDENCE, ACTIVITY_LOG_VERIFICATION),
                        Objective.CRITICALS_VALIDATED),
                new Control("NIST CSF 2.0", "ID.RA-05", "Risk is understood to prioritise responses",
                        "Threats, vulnerabilities, likelihoods and impacts are used to understand inherent risk and "
                                + "inform risk response prioritization.",
                        List.of(SCOPING_DOCUMENT, FINDING_SET, PRIORITISATION_RATIONALE),
                        Objective.RANKED_WITH_CURRENT_INTELLIGENCE),
                new Control("NIST CSF 2.0", "ID.RA-06", "Risk responses are chosen, planned and tracked",
                        "Risk responses are chosen, prioritized, planned, tracked and communicated.",
                        List.of(PRIORITISATION_RATIONALE, MOBILISATION_REGISTER, CLOSURE_SUMMARY),
                        Objective.RESPONSES_PLANNED),
                new Control("NIST CSF 2.0", "ID.RA-08", "Vulnerability disclosures are handled",
                        "Processes for receiving, analyzing and responding to vulnerability disclosures are established.",
                        List.of(FINDING_SET, PRIORITISATION_RATIONALE, MOBILISATION_REGISTER, CADENCE_RECORD),
                        Objective.KEV_TREATED),
                new Control("NIST CSF 2.0", "PR.PS-02", "Software is maintained commensurate with risk",
                        "Software is maintained, replaced and removed commensurate with risk.",
                        List.of(MOBILISATION_REGISTER, VALIDATION_EVIDENCE, CLOSURE_SUMMARY),
                        Objective.CRITICAL_AND_HIGH_TREATED)));
    }

    public List<Control> controls() {
        return controls;
    }

    /**
     * For every control, which of its evidence items the pack holds and which are missing, and whether the cycle
     * met the control's objective by its figures.
     */
    public List<ControlCoverage> assess(Set<EvidenceItem> present, CycleFigures figures) {
        List<ControlCoverage> coverage = new ArrayList<>();
        for (Control control : controls) {
            List<EvidenceItem> held = control.evidence().stream().filter(present::contains).toList();
            List<EvidenceItem> missing = control.evidence().stream().filter(item -> !present.contains(item)).toList();
            coverage.add(new ControlCoverage(control, held, missing, control.objective().assess(figures)));
        }
        return coverage;
    }
}
