package org.ctemcycles.core.evidence.compliance;

/**
 * What a control asks the cycle to have achieved, beyond holding the evidence: each objective is decided from the
 * cycle's figures, and says which numbers decided it. An evidence pack that holds every item can still show a cycle
 * that missed its objective (findings past their deadline, criticals left open); the control table shows both.
 */
public enum Objective {
    CRITICALS_TREATED("Every critical finding remediated (or its risk accepted)"),
    WITHIN_POLICY_DEADLINES("Findings remediated within the policy's deadlines (SLA)"),
    ALL_RANKED("Every finding in the register analysed and ranked"),
    COVERAGE_CURRENT("Every surface in scope covered by a current scan"),
    CRITICALS_VALIDATED("Every critical finding validated, and the record verified"),
    RANKED_WITH_CURRENT_INTELLIGENCE("Every finding ranked with current EPSS and KEV data"),
    RESPONSES_PLANNED("Every finding needing work owned, with a deadline"),
    KEV_TREATED("Every known-exploited (KEV) finding remediated (or its risk accepted)"),
    CRITICAL_AND_HIGH_TREATED("Every critical and high finding remediated (or its risk accepted)");

    private final String title;

    Objective(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether the cycle met this objective, and the numbers that decide it. */
    public Outcome assess(CycleFigures f) {
        return switch (this) {
            case CRITICALS_TREATED -> treated(f.critical(), f.criticalRemediated(), f.criticalAccepted(), "critical");
            case WITHIN_POLICY_DEADLINES -> f.registered() == 0 ? none("the register holds no finding")
                    : outcome(f.pastPolicyDeadline() == 0, f.pastPolicyDeadline() + " of " + f.needingWork()
                    + " " + findings(f.needingWork()) + " still needing work " + are(f.pastPolicyDeadline())
                    + " past the policy's deadline on " + f.asOf() + "; " + f.laterThanPolicy() + " "
                    + findings(f.laterThanPolicy()) + " mobilised with a deadline later than the policy's");
            case ALL_RANKED -> f.registered() == 0 ? none("the register holds no finding")
                    : outcome(f.ranked() == f.registered(), f.ranked() + " of " + f.registered() + " "
                    + findings(f.registered()) + " in the register ranked");
            case COVERAGE_CURRENT -> f.surfaces() == 0 ? none("no surface is in scope")
                    : outcome(f.surfacesCurrent() == f.surfaces(), f.surfacesCurrent() + " of " + f.surfaces()
                    + " " + (f.surfaces() == 1 ? "surface" : "surfaces") + " covered within " + f.staleAfterDays()
                    + " days of " + f.asOf());
            case CRITICALS_VALIDATED -> f.critical() == 0 ? outcome(f.recordIntact(), "no finding ranked critical;"
                    + " the record " + (f.recordIntact() ? "verifies" : "does not verify"))
                    : outcome(f.criticalValidated() == f.critical() && f.recordIntact(), f.criticalValidated()
                    + " of " + f.critical() + " critical " + findings(f.critical()) + " validated; the record "
                    + (f.recordIntact() ? "verifies" : "does not verify"));
            case RANKED_WITH_CURRENT_INTELLIGENCE -> f.registered() == 0 ? none("the register holds no finding")
                    : outcome(f.ranked() == f.registered() && f.feedsCurrent(), f.ranked() + " of " + f.registered()
                    + " " + findings(f.registered()) + " ranked; the EPSS and KEV feeds used "
                    + (f.feedsCurrent() ? "were current" : "were stale or missing"));
            case RESPONSES_PLANNED -> f.registered() == 0 ? none("the register holds no finding")
                    : outcome(f.unassigned() == 0, (f.needingWork() - f.unassigned()) + " of " + f.needingWork()
                    + " " + findings(f.needingWork()) + " still needing work owned with a deadline");
            case KEV_TREATED -> treated(f.kev(), f.kevRemediated(), f.kevAccepted(), "KEV-listed");
            case CRITICAL_AND_HIGH_TREATED -> treated(f.criticalOrHigh(), f.criticalOrHighRemediated(),
                    f.criticalOrHighAccepted(), "critical or high");
        };
    }

    private Outcome treated(int total, int remediated, int accepted, String which) {
        if (total == 0) {
            return new Outcome(this, true, "no " + which + " finding in the register");
        }
        int open = total - remediated - accepted;
        return outcome(open == 0, remediated + " of " + total + " " + which + " " + findings(total)
                + " remediated (verified or dismissed), " + accepted + " risk accepted, " + open + " still open");
    }

    private Outcome outcome(boolean met, String figures) {
        return new Outcome(this, met, figures);
    }

    private Outcome none(String why) {
        return new Outcome(this, null, why);
    }

    private static String findings(int count) {
        return count == 1 ? "finding" : "findings";
    }

    private static String are(int count) {
        return count == 1 ? "is" : "are";
    }

    /**
     * Whether a cycle met an objective ({@code met} null when it cannot be told, e.g. nothing was registered) and
     * the numbers that decide it.
     */
    public record Outcome(Objective objective, Boolean met, String figures) {

        /** "met", "not met" or "not assessed". */
        public String verdict() {
            return met == null ? "not assessed" : met ? "met" : "not met";
        }
    }
}
