package org.ctemcycles.core.scoring.ssvc;

import java.util.EnumSet;
import java.util.Set;

/**
 * CISA's SSVC coordinator decision tree v2.0.3 (CERT/CC {@code data/csv/cisa/cisa_coordinator_2_0_3.csv}), held as
 * data: one row per (Exploitation, Automatable, Technical Impact) with the outcome for Mission and Well-Being
 * low / medium / high. Stateless; {@link #decide} accepts unknown inputs and answers with every outcome they allow.
 */
public final class CisaCoordinatorTree {

    /** Tree id and version, recorded in every decision that uses it. */
    public static final String ID = "CISA SSVC coordinator v2.0.3";

    /** The table as CERT/CC publishes it: exploitation, automatable, technical impact | low, medium, high. */
    private static final String[] TABLE = {
        "none       | no  | partial | track  | track  | track ",
        "none       | no  | total   | track  | track  | track*",
        "none       | yes | partial | track  | track  | attend",
        "none       | yes | total   | track  | track  | attend",
        "public poc | no  | partial | track  | track  | track*",
        "public poc | no  | total   | track  | track* | attend",
        "public poc | yes | partial | track  | track  | attend",
        "public poc | yes | total   | track  | track* | attend",
        "active     | no  | partial | track  | track  | attend",
        "active     | no  | total   | track  | attend | act   ",
        "active     | yes | partial | attend | attend | act   ",
        "active     | yes | total   | attend | act    | act   ",
    };

    /** [exploitation][automatable][technical impact][mission and well-being] */
    private final SsvcOutcome[][][][] outcomes = new SsvcOutcome[3][2][2][3];

    public CisaCoordinatorTree() {
        for (String row : TABLE) {
            String[] cells = row.split("\\|");
            Exploitation e = parse(Exploitation.values(), cells[0]);
            Automatable a = parse(Automatable.values(), cells[1]);
            TechnicalImpact t = parse(TechnicalImpact.values(), cells[2]);
            for (MissionWellBeing m : MissionWellBeing.values()) {
                outcomes[e.ordinal()][a.ordinal()][t.ordinal()][m.ordinal()] =
                        SsvcOutcome.fromTable(cells[3 + m.ordinal()].strip());
            }
        }
    }

    private static <T extends Enum<T>> T parse(T[] values, String cell) {
        for (T value : values) {
            if (new SsvcInput<>(value, "").label().equals(cell.strip())) {
                return value;
            }
        }
        throw new IllegalStateException("tree cell '" + cell + "' is not a value of " + values[0].getClass());
    }

    /** The outcome of a fully known set of inputs. */
    public SsvcOutcome outcome(Exploitation e, Automatable a, TechnicalImpact t, MissionWellBeing m) {
        return outcomes[e.ordinal()][a.ordinal()][t.ordinal()][m.ordinal()];
    }

    /**
     * Decides with whatever is known: an unknown input (value null) ranges over all its values, and so does Mission
     * and Well-Being over what its own unknown inputs allow.
     */
    public SsvcDecision decide(SsvcInput<Exploitation> exploitation, SsvcInput<Automatable> automatable,
                               SsvcInput<TechnicalImpact> technicalImpact, SsvcInput<MissionPrevalence> prevalence,
                               SsvcInput<PublicWellBeingImpact> wellBeing) {
        Set<MissionWellBeing> missions = MissionWellBeing.possible(prevalence.value(), wellBeing.value());
        Set<SsvcOutcome> possible = EnumSet.noneOf(SsvcOutcome.class);
        for (Exploitation e : exploitation.isKnown() ? EnumSet.of(exploitation.value())
                : EnumSet.allOf(Exploitation.class)) {
            for (Automatable a : automatable.isKnown() ? EnumSet.of(automatable.value())
                    : EnumSet.allOf(Automatable.class)) {
                for (TechnicalImpact t : technicalImpact.isKnown() ? EnumSet.of(technicalImpact.value())
                        : EnumSet.allOf(TechnicalImpact.class)) {
                    for (MissionWellBeing m : missions) {
                        possible.add(outcome(e, a, t, m));
                    }
                }
            }
        }
        SsvcInput<MissionWellBeing> mission = missions.size() == 1
                ? SsvcInput.known(missions.iterator().next(), "derived: mission prevalence " + prevalence.label()
                        + ", public well-being impact " + wellBeing.label())
                : SsvcInput.unknown("mission prevalence " + prevalence.label() + ", public well-being impact "
                        + wellBeing.label() + ": one of " + labels(missions));
        return new SsvcDecision(exploitation, automatable, technicalImpact, prevalence, wellBeing, mission, possible);
    }

    private static String labels(Set<MissionWellBeing> values) {
        return String.join("/", values.stream().map(MissionWellBeing::label).toList());
    }
}
