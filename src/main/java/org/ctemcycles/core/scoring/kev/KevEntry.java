package org.ctemcycles.core.scoring.kev;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One vulnerability of CISA's Known Exploited Vulnerabilities catalogue, every field as published.
 *
 * <p>Quirks kept, not corrected: {@code dueDate} may be before {@code dateAdded} (15 legacy entries added
 * 2021-11-03 that came from earlier emergency directives; see {@link #dueBeforeAdded()}); {@code cwes} may be empty;
 * {@code notes} may be empty or hold URLs separated by {@code " ; "}, sometimes after a label.
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName,
                       LocalDate dateAdded, String shortDescription, String requiredAction, LocalDate dueDate,
                       RansomwareUse knownRansomwareCampaignUse, String notes, List<String> cwes) {

    public KevEntry {
        Objects.requireNonNull(cveId, "cveId");
        Objects.requireNonNull(vendorProject, "vendorProject");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(vulnerabilityName, "vulnerabilityName");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(requiredAction, "requiredAction");
        Objects.requireNonNull(dueDate, "dueDate");
        knownRansomwareCampaignUse = knownRansomwareCampaignUse == null ? RansomwareUse.NOT_STATED
                : knownRansomwareCampaignUse;
        notes = notes == null ? "" : notes;
        cwes = List.copyOf(cwes);
    }

    /** The catalogue's due date is before the day the entry was added: overdue the moment it appeared. */
    public boolean dueBeforeAdded() {
        return dueDate.isBefore(dateAdded);
    }

    public boolean ransomwareKnown() {
        return knownRansomwareCampaignUse == RansomwareUse.KNOWN;
    }
}
