package org.ctemcycles.core.validation;

import java.util.List;

/**
 * A validation as a user entered it, raw text: the method (manual test, attack-path analysis, exploit reproduction,
 * retest), the outcome, notes and evidence references.
 */
public record ValidationDraft(String method, String outcome, String notes, List<String> evidenceRefs) {
}
