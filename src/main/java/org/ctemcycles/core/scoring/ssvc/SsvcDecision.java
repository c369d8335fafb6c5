package org.ctemcycles.core.scoring.ssvc;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The SSVC result for one finding: the inputs as known (each with its source, or unknown) and the outcomes the tree
 * allows. With every input that matters known there is exactly one {@link #outcome()}; otherwise the decision is
 * undetermined and reports the range from {@link #lowest()} to {@link #highest()}.
 */
public record SsvcDecision(SsvcInput<Exploitation> exploitation, SsvcInput<Automatable> automatable,
                           SsvcInput<TechnicalImpact> technicalImpact, SsvcInput<MissionPrevalence> missionPrevalence,
                           SsvcInput<PublicWellBeingImpact> publicWellBeing, SsvcInput<MissionWellBeing> missionWellBeing,
                           Set<SsvcOutcome> possible) {

    public SsvcDecision {
        Objects.requireNonNull(exploitation, "exploitation");
        Objects.requireNonNull(automatable, "automatable");
        Objects.requireNonNull(technicalImpact, "technicalImpact");
        Objects.requireNonNull(missionPrevalence, "missionPrevalence");
        Objects.requireNonNull(publicWellBeing, "publicWellBeing");
        Objects.requireNonNull(missionWellBeing, "missionWellBeing");
        if (possible.isEmpty()) {
            throw new IllegalArgumentException("an SSVC decision allows at least one outcome");
        }
        possible = Collections.unmodifiableSet(EnumSet.copyOf(possible));
    }

    public boolean determined() {
        return possible.size() == 1;
    }

    /** The outcome, or null when unknown inputs leave more than one possible. */
    public SsvcOutcome outcome() {
        return determined() ? possible.iterator().next() : null;
    }

    public SsvcOutcome lowest() {
        return possible.iterator().next();
    }

    public SsvcOutcome highest() {
        SsvcOutcome last = null;
        for (SsvcOutcome outcome : possible) {
            last = outcome;
        }
        return last;
    }

    /** "Act", or for an undetermined decision "Track..Act (undetermined)". */
    public String label() {
        return determined() ? outcome().label() : lowest().label() + ".." + highest().label() + " (undetermined)";
    }
}
