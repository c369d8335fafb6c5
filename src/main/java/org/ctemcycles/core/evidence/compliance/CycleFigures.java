package org.ctemcycles.core.evidence.compliance;

import java.time.LocalDate;

/**
 * The figures that decide whether a cycle met the objectives its controls support, counted over its register as of
 * one day (the closure day of a closed cycle, else the day the pack was assembled). "Treated" means no longer needing
 * work: verified, dismissed as a false positive, or risk accepted (counted separately).
 *
 * @param registered         findings in the register
 * @param ranked             of those, with a decision in the current queue
 * @param needingWork        findings still needing work (not verified, false positive or risk accepted)
 * @param unassigned         of those, without an owner or a deadline
 * @param pastPolicyDeadline of those, whose policy deadline is before {@code asOf}
 * @param laterThanPolicy    findings mobilised with a deadline later than the policy's
 * @param critical           findings ranked critical; {@code criticalRemediated} verified or false positive;
 *                           {@code criticalAccepted} risk accepted; {@code criticalValidated} validated at least once
 * @param criticalOrHigh     findings ranked critical or high; {@code criticalOrHighRemediated} and
 *                           {@code criticalOrHighAccepted} likewise
 * @param kev                findings in CISA's KEV catalogue; {@code kevRemediated} and {@code kevAccepted} likewise
 * @param surfaces           surfaces in scope; {@code surfacesCurrent} those a source covered within the stale window
 * @param staleAfterDays     the stale window of coverage
 * @param feedsCurrent       whether the current queue was ranked with EPSS and KEV feeds that were not stale
 * @param recordIntact       whether the activity log and the record digests verify
 */
public record CycleFigures(LocalDate asOf, int registered, int ranked, int needingWork, int unassigned,
                           int pastPolicyDeadline, int laterThanPolicy, int critical, int criticalRemediated,
                           int criticalAccepted, int criticalValidated, int criticalOrHigh,
                           int criticalOrHighRemediated, int criticalOrHighAccepted, int kev, int kevRemediated,
                           int kevAccepted, int surfaces, int surfacesCurrent, long staleAfterDays,
                           boolean feedsCurrent, boolean recordIntact) {
}
