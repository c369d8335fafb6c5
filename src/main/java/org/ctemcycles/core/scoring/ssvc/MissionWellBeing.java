package org.ctemcycles.core.scoring.ssvc;

import java.util.EnumSet;
import java.util.Set;

/**
 * SSVC Mission and Well-Being Impact v1.0.0, derived from Mission Prevalence and Public Well-being Impact by CERT/CC's
 * table ({@code mission-and-well-being_v1.csv}). With an input unknown, {@link #possible} gives every value the
 * table still allows; an essential mission, or an irreversible public impact, makes it HIGH whatever the other is.
 */
public enum MissionWellBeing {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String label;

    MissionWellBeing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The table, row by row. */
    public static MissionWellBeing of(MissionPrevalence prevalence, PublicWellBeingImpact wellBeing) {
        if (prevalence == MissionPrevalence.ESSENTIAL || wellBeing == PublicWellBeingImpact.IRREVERSIBLE) {
            return HIGH;
        }
        if (prevalence == MissionPrevalence.MINIMAL && wellBeing == PublicWellBeingImpact.MINIMAL) {
            return LOW;
        }
        return MEDIUM;
    }

    /** The values the table allows when either input may be null (unknown). */
    public static Set<MissionWellBeing> possible(MissionPrevalence prevalence, PublicWellBeingImpact wellBeing) {
        Set<MissionWellBeing> values = EnumSet.noneOf(MissionWellBeing.class);
        for (MissionPrevalence p : prevalence == null ? MissionPrevalence.values()
                : new MissionPrevalence[]{prevalence}) {
            for (PublicWellBeingImpact w : wellBeing == null ? PublicWellBeingImpact.values()
                    : new PublicWellBeingImpact[]{wellBeing}) {
                values.add(of(p, w));
            }
        }
        return values;
    }
}
