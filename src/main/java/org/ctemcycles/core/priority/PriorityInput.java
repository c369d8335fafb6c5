package org.ctemcycles.core.priority;

import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one finding that prioritisation uses, and nothing else: what the engine reads, whoever supplies it
 * (the finding store, or a JSON line of {@code ctem prioritise}). Every fact but the key may be unknown (null or
 * empty); the engine records an unknown fact as unknown.
 *
 * @param key             the finding's stable identity key; also the final tie-break of the ranking
 * @param cves            the CVEs the finding is about (may be empty)
 * @param cvssVectors     its CVSS vectors, any versions (may be empty)
 * @param criticality     the criticality of its surface, from scoping
 * @param exposure        whether its surface is internet-facing, from scoping
 * @param controls        compensating controls in place, each with its evidence
 * @param validation      the latest validation outcome, if validated
 * @param exploitation    SSVC Exploitation when known from threat intelligence (KEV overrides it with active)
 * @param automatable     SSVC Automatable when known (e.g. CISA Vulnrichment)
 * @param technicalImpact SSVC Technical Impact when known (e.g. CISA Vulnrichment)
 * @param publicWellBeing SSVC Public Well-being Impact when known
 * @param firstSeen       when the finding was first observed; the clock start of deadlines counted from discovery
 */
public record PriorityInput(String key, List<String> cves, List<CvssVector> cvssVectors, Criticality criticality,
                            Exposure exposure, List<CompensatingControl> controls, ValidationOutcome validation,
                            Exploitation exploitation, Automatable automatable, TechnicalImpact technicalImpact,
                            PublicWellBeingImpact publicWellBeing, LocalDate firstSeen) {

    public PriorityInput {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a finding key is required");
        }
        cves = List.copyOf(cves);
        for (String cve : cves) {
            if (!CveId.isValid(cve)) {
                throw new IllegalArgumentException("'" + cve + "' is not a CVE identifier");
            }
        }
        cvssVectors = List.copyOf(cvssVectors);
        controls = List.copyOf(controls);
    }

    /** A finding with only a key and CVEs; the rest unknown (tests and simple callers). */
    public static PriorityInput of(String key, List<String> cves, List<CvssVector> vectors) {
        return new PriorityInput(key, cves, vectors, null, null, List.of(), null, null, null, null, null, null);
    }
}
