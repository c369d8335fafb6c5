package org.ctemcycles.core.priority;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.validation.ValidationOutcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned prioritisation policy: how many points each factor contributes to the 0-100 score, where the tiers
 * start, which deadline rules apply and how old a feed may be. Every decision names the policy id and version it was
 * made under; change a value, raise the version. Points have at most one decimal. See README, "Prioritisation
 * policy", for the reasoning behind {@link #defaults()}.
 *
 * @param cvssWeight            points per CVSS point (4.0 turns 10.0 into 40 points)
 * @param cvssUnknownPoints     points for a finding without any CVSS vector
 * @param epssMaxPoints         points at EPSS probability 1.0; fewer on a log scale down to {@code epssFloor}
 * @param epssFloor             the probability at and below which EPSS adds nothing
 * @param epssPercentileThreshold percentile (0-1) from which {@code epssPercentileBonus} is added
 * @param epssPercentileBonus   points for a CVE in the top of the EPSS population
 * @param epssMaxAge            an EPSS feed whose score_date is older is reported stale
 * @param kevPoints             points for a CVE in CISA's KEV catalogue
 * @param ransomwarePoints      further points when KEV says ransomware use is Known
 * @param kevMaxAge             a KEV catalogue released longer ago is reported stale
 * @param activeExploitationPoints points for active exploitation known from elsewhere than KEV
 * @param publicPocPoints       points for a public proof of concept
 * @param criticalityPoints     points per surface criticality (an unknown criticality adds nothing)
 * @param exposurePoints        points per surface exposure (an unknown exposure adds nothing)
 * @param validationPoints      points per validation outcome
 * @param controlMaxPoints      the most one compensating control may move the score, either way
 * @param tierThresholds        the lowest score of CRITICAL, HIGH and MEDIUM (LOW is below)
 * @param regulatoryRules       BOD 26-04, BOD 22-01 or none
 * @param kevDueDate            whether the KEV dueDate, as published, is a deadline candidate
 * @param internalSla           whether the internal SLA per tier is a deadline candidate
 * @param slaDays               days per tier of the internal SLA
 * @param bodMostUrgentWhenUnknown when BOD 26-04 inputs are unknown and the rows they leave open differ: true takes the
 *                              most urgent of them; false (the default) sets no BOD 26-04 date and records the range
 */
public record PriorityPolicy(String id, int version, String description,
                             BigDecimal cvssWeight, BigDecimal cvssUnknownPoints,
                             BigDecimal epssMaxPoints, double epssFloor, double epssPercentileThreshold,
                             BigDecimal epssPercentileBonus, Duration epssMaxAge,
                             BigDecimal kevPoints, BigDecimal ransomwarePoints, Duration kevMaxAge,
                             BigDecimal activeExploitationPoints, BigDecimal publicPocPoints,
                             Map<Criticality, BigDecimal> criticalityPoints, Map<Exposure, BigDecimal> exposurePoints,
                             Map<ValidationOutcome, BigDecimal> validationPoints, BigDecimal controlMaxPoints,
                             Map<Tier, BigDecimal> tierThresholds, RegulatoryRules regulatoryRules, boolean kevDueDate,
                             boolean internalSla, Map<Tier, Integer> slaDays, boolean bodMostUrgentWhenUnknown) {

    public PriorityPolicy {
        criticalityPoints = copy(criticalityPoints, Criticality.class);
        exposurePoints = copy(exposurePoints, Exposure.class);
        validationPoints = copy(validationPoints, ValidationOutcome.class);
        tierThresholds = copy(tierThresholds, Tier.class);
        slaDays = copy(slaDays, Tier.class);
        List<Problem> problems = new ArrayList<>();
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            problems.add(new Problem("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (version < 1) {
            problems.add(new Problem("version", "must be 1 or more"));
        }
        description = description == null ? "" : description;
        points(problems, "cvss.weight", cvssWeight, 0, 10);
        points(problems, "cvss.unknownPoints", cvssUnknownPoints, 0, 100);
        points(problems, "epss.maxPoints", epssMaxPoints, 0, 100);
        if (!(epssFloor > 0 && epssFloor < 1)) {
            problems.add(new Problem("epss.floor", "must be above 0 and below 1"));
        }
        if (!(epssPercentileThreshold >= 0 && epssPercentileThreshold <= 1)) {
            problems.add(new Problem("epss.percentileThreshold", "must be between 0 and 1 (not 0-100)"));
        }
        points(problems, "epss.percentileBonus", epssPercentileBonus, 0, 100);
        age(problems, "epss.maxAge", epssMaxAge);
        points(problems, "kev.points", kevPoints, 0, 100);
        points(problems, "kev.ransomwarePoints", ransomwarePoints, 0, 100);
        age(problems, "kev.maxAge", kevMaxAge);
        points(problems, "exploitation.activePoints", activeExploitationPoints, 0, 100);
        points(problems, "exploitation.publicPocPoints", publicPocPoints, 0, 100);
        complete(problems, "criticality", criticalityPoints, Criticality.values(), -100, 100);
        complete(problems, "exposure", exposurePoints, Exposure.values(), -100, 100);
        complete(problems, "validation", validationPoints, ValidationOutcome.values(), -100, 100);
        points(problems, "controls.maxPoints", controlMaxPoints, 0, 100);
        complete(problems, "tiers", tierThresholds, new Tier[]{Tier.CRITICAL, Tier.HIGH, Tier.MEDIUM}, 0, 100);
        BigDecimal critical = tierThresholds.get(Tier.CRITICAL);
        BigDecimal high = tierThresholds.get(Tier.HIGH);
        BigDecimal medium = tierThresholds.get(Tier.MEDIUM);
        if (critical != null && high != null && medium != null
                && !(critical.compareTo(high) > 0 && high.compareTo(medium) > 0)) {
            problems.add(new Problem("tiers", "thresholds must fall from CRITICAL to HIGH to MEDIUM"));
        }
        if (regulatoryRules == null) {
            problems.add(new Problem("deadlines.regulatory", "must be BOD_26_04, BOD_22_01 or NONE"));
        }
        for (Tier tier : Tier.values()) {
            Integer days = slaDays.get(tier);
            if (days == null || days < 1 || days > 3650) {
                problems.add(new Problem("deadlines.slaDays." + tier, "must be 1 to 3650 days"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The default policy, "ctem-default" version 1: exploitation evidence first (KEV, ransomware, EPSS), severity
     * second (CVSS up to 40 points), business context third (criticality, exposure), then validation and controls.
     */
    public static PriorityPolicy defaults() {
        Map<Criticality, BigDecimal> criticality = new EnumMap<>(Criticality.class);
        criticality.put(Criticality.CRITICAL, p("15"));
        criticality.put(Criticality.HIGH, p("8"));
        criticality.put(Criticality.MEDIUM, p("0"));
        criticality.put(Criticality.LOW, p("-10"));
        Map<Exposure, BigDecimal> exposure = new EnumMap<>(Exposure.class);
        exposure.put(Exposure.INTERNET_FACING, p("10"));
        exposure.put(Exposure.INTERNAL, p("0"));
        Map<ValidationOutcome, BigDecimal> validation = new EnumMap<>(ValidationOutcome.class);
        validation.put(ValidationOutcome.EXPLOITABLE_CONFIRMED, p("15"));
        validation.put(ValidationOutcome.RETEST_FAILED, p("10"));
        validation.put(ValidationOutcome.MITIGATED_BY_CONTROL, p("-25"));
        validation.put(ValidationOutcome.NOT_EXPLOITABLE, p("-40"));
        validation.put(ValidationOutcome.RETEST_PASSED, p("-60"));
        Map<Tier, BigDecimal> tiers = new EnumMap<>(Tier.class);
        tiers.put(Tier.CRITICAL, p("80"));
        tiers.put(Tier.HIGH, p("60"));
        tiers.put(Tier.MEDIUM, p("35"));
        Map<Tier, Integer> sla = new EnumMap<>(Tier.class);
        sla.put(Tier.CRITICAL, 7);
        sla.put(Tier.HIGH, 30);
        sla.put(Tier.MEDIUM, 90);
        sla.put(Tier.LOW, 120);
        return new PriorityPolicy("ctem-default", 1,
                "Exploitation evidence first (KEV, ransomware, EPSS), then severity (CVSS), then business context"
                        + " (criticality, exposure); validation and compensating controls adjust.",
                p("4"), p("20"), p("20"), 0.0001, 0.95, p("5"), Duration.ofDays(3),
                p("25"), p("10"), Duration.ofDays(30), p("25"), p("5"),
                criticality, exposure, validation, p("25"), tiers, RegulatoryRules.BOD_26_04, true, true, sla, false);
    }

    /** The tier of a score given in tenths of a point. */
    public Tier tierOf(int scoreTenths) {
        if (scoreTenths >= tenths(tierThresholds.get(Tier.CRITICAL))) {
            return Tier.CRITICAL;
        }
        if (scoreTenths >= tenths(tierThresholds.get(Tier.HIGH))) {
            return Tier.HIGH;
        }
        return scoreTenths >= tenths(tierThresholds.get(Tier.MEDIUM)) ? Tier.MEDIUM : Tier.LOW;
    }

    /** "ctem-default v1". */
    public String label() {
        return id + " v" + version;
    }

    /** Points to tenths of a point, exactly (values have at most one decimal). */
    public static int tenths(BigDecimal points) {
        return points.movePointRight(1).intValueExact();
    }

    private static BigDecimal p(String text) {
        return new BigDecimal(text);
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> map, Class<K> type) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        if (map != null) {
            copy.putAll(map);
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void points(List<Problem> problems, String field, BigDecimal value, int min, int max) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (value.stripTrailingZeros().scale() > 1) {
            problems.add(new Problem(field, value.toPlainString() + " has more than one decimal"));
        } else if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new Problem(field, value.toPlainString() + " is outside " + min + " to " + max));
        }
    }

    private static void age(List<Problem> problems, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(new Problem(field, "must be a positive duration such as P3D"));
        }
    }

    private static <K extends Enum<K>> void complete(List<Problem> problems, String field, Map<K, BigDecimal> map,
                                                     K[] keys, int min, int max) {
        for (K key : keys) {
            points(problems, field + "." + key.name(), map.get(key), min, max);
        }
    }
}
