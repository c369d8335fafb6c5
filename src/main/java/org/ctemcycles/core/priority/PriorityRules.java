package org.ctemcycles.core.priority;

import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.cvss.CvssCalculator;
import org.ctemcycles.core.scoring.cvss.CvssScores;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.cvss.CvssVersion;
import org.ctemcycles.core.scoring.cvss.Severity;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.CisaCoordinatorTree;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.MissionPrevalence;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prioritisation policy as rules: which factors a finding's facts give and with what weight, how they add up to a
 * score and a tier, which SSVC inputs the facts determine, and which deadline each rule sets. Every method is a pure
 * function of the policy and its arguments; how a run looks the feeds up once, caches, spreads the work over threads
 * and sorts is {@link PriorityEngine}'s.
 *
 * <p>The score is the sum of the factors' contributions in tenths of a point, in this order:
 * <ol>
 *   <li>exploitation evidence: in KEV (the entry due first among the finding's CVEs) and known ransomware use; else
 *       active exploitation or a public proof of concept reported with the finding; then EPSS, the highest
 *       probability among the CVEs, on a log scale from the policy's floor, plus a bonus at a high percentile;</li>
 *   <li>severity: the CVSS score of the newest version given (the highest among several vectors of that version):
 *       v4.0's single score, else the environmental, temporal or base score by what the vector sets, times the
 *       policy's weight; the policy's assumption when no vector is given;</li>
 *   <li>business context from scoping: the surface's criticality and exposure;</li>
 *   <li>the latest validation outcome and compensating controls (each capped by the policy);</li>
 *   <li>a BOUND factor recording any clamp to 0-100.</li>
 * </ol>
 * The tier follows from the policy's thresholds. SSVC and the deadline are decided beside the score from the same
 * facts; the rationale sentence is generated from the factors ({@link Decision#rationale()}).
 */
final class PriorityRules {

    private final PriorityPolicy policy;
    private final CvssCalculator calculator;
    private final CisaCoordinatorTree tree;
    private final Bod2604 bod;
    private final Provenance policyProvenance;
    private final Map<Criticality, Factor> criticalityFactors = new EnumMap<>(Criticality.class);
    private final Map<Exposure, Factor> exposureFactors = new EnumMap<>(Exposure.class);
    private final Map<ValidationOutcome, Factor> validationFactors = new EnumMap<>(ValidationOutcome.class);
    private final Map<Tier, String> slaRules = new EnumMap<>(Tier.class);
    private final Factor criticalityUnknown;
    private final Factor exposureUnknown;
    private final Factor cvssUnknown;
    /** Policy points in tenths, converted once (deciding a finding does no BigDecimal arithmetic). */
    private final int kevTenths;
    private final int ransomwareTenths;
    private final int activeTenths;
    private final int pocTenths;
    private final int controlCapTenths;
    private final int criticalFrom;
    private final int highFrom;
    private final int mediumFrom;

    PriorityRules(PriorityPolicy policy, CvssCalculator calculator, CisaCoordinatorTree tree, Bod2604 bod) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.bod = Objects.requireNonNull(bod, "bod");
        this.policyProvenance = new Provenance("policy", policy.label(), "", "");
        Provenance scoping = new Provenance("scoping", "", "", "");
        for (Criticality c : Criticality.values()) {
            criticalityFactors.put(c, new Factor(FactorKind.CRITICALITY, PriorityPolicy.tenths(
                    policy.criticalityPoints().get(c)), "surface criticality " + c.label(), "", scoping));
        }
        for (Exposure e : Exposure.values()) {
            exposureFactors.put(e, new Factor(FactorKind.EXPOSURE, PriorityPolicy.tenths(
                    policy.exposurePoints().get(e)), e.label() + " surface", "", scoping));
        }
        for (ValidationOutcome outcome : ValidationOutcome.values()) {
            validationFactors.put(outcome, new Factor(FactorKind.VALIDATION, PriorityPolicy.tenths(
                    policy.validationPoints().get(outcome)), "validated: " + outcome.label(), "",
                    Provenance.of("validation")));
        }
        for (Tier tier : Tier.values()) {
            slaRules.put(tier, "internal SLA (" + tier.label() + ": " + policy.slaDays().get(tier) + " days)");
        }
        criticalityUnknown = new Factor(FactorKind.CRITICALITY, 0, "surface criticality unknown", "", scoping);
        exposureUnknown = new Factor(FactorKind.EXPOSURE, 0, "surface exposure unknown", "", scoping);
        cvssUnknown = new Factor(FactorKind.CVSS, PriorityPolicy.tenths(policy.cvssUnknownPoints()),
                "no CVSS vector (policy assumes " + policy.cvssUnknownPoints().toPlainString() + " points)", "",
                policyProvenance);
        kevTenths = PriorityPolicy.tenths(policy.kevPoints());
        ransomwareTenths = PriorityPolicy.tenths(policy.ransomwarePoints());
        activeTenths = PriorityPolicy.tenths(policy.activeExploitationPoints());
        pocTenths = PriorityPolicy.tenths(policy.publicPocPoints());
        controlCapTenths = PriorityPolicy.tenths(policy.controlMaxPoints());
        criticalFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.CRITICAL));
        highFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.HIGH));
        mediumFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.MEDIUM));
    }

    PriorityPolicy policy() {
        return policy;
    }

    // ----- what the feeds say, per CVE and per vector (the engine asks once per run) -----

    /** What the feeds say about one CVE (either part may be null), with the factors its EPSS score gives. */
    record CveFacts(EpssScore epss, Factor[] epssFactors, KevEntry kev, int kevIndex) {
    }

    /** A CVSS vector scored: its version's rank, the score that counts (tenths) and the factor it gives. */
    record RatedVector(int index, int version, int tenths, Factor factor) {
    }

    /** The factors a finding gets when a feed has nothing to say about it, for one run's feeds. */
    record FeedFactors(Provenance kev, Provenance epss, boolean kevGiven, boolean epssGiven, Factor kevNoCve,
                       Factor kevAbsent, Factor epssNoCve, Factor epssUnknown) {
    }

    FeedFactors feedFactors(FeedUse kevUse, FeedUse epssUse) {
        Provenance kev = feedProvenance(kevUse);
        Provenance epss = feedProvenance(epssUse);
        return new FeedFactors(kev, epss, kevUse.given(), epssUse.given(),
                new Factor(FactorKind.KEV, 0, "no CVE, so not in KEV", "", kev),
                new Factor(FactorKind.KEV, 0, kevUse.given() ? "not in CISA KEV" : "KEV status unknown", "", kev),
                new Factor(FactorKind.EPSS_PROBABILITY, 0, "no CVE, so no EPSS score", "", epss),
                new Factor(FactorKind.EPSS_PROBABILITY, 0, "EPSS probability unknown", "", epss));
    }

    private static Provenance feedProvenance(FeedUse use) {
        return use.given() ? new Provenance(use.feed(), use.version(), use.asOf(), use.freshness().describe())
                : new Provenance(use.feed(), "", "", "no feed given");
    }

    /**
     * EPSS: the probability on a log scale from the policy's floor (at or below it: 0) to 1 (the maximum points),
     * and a bonus when the percentile reaches the policy's threshold.
     */
    Factor[] epssFactors(EpssScore score, Provenance provenance) {
        double floor = policy.epssFloor();
        double fraction = score.probability() <= floor ? 0
                : Math.min(1, StrictMath.log10(score.probability() / floor) / StrictMath.log10(1 / floor));
        int points = (int) Math.round(PriorityPolicy.tenths(policy.epssMaxPoints()) * fraction);
        String probability = plain(score.probability());
        String percentile = plain(score.percentile());
        Factor probabilityFactor = new Factor(FactorKind.EPSS_PROBABILITY, points, "EPSS " + probability
                + " (percentile " + percentile + ") for " + score.cve(), "", provenance);
        if (score.percentile() >= policy.epssPercentileThreshold()) {
            return new Factor[]{probabilityFactor, new Factor(FactorKind.EPSS_PERCENTILE,
                    PriorityPolicy.tenths(policy.epssPercentileBonus()), "EPSS percentile " + percentile
                    + " at or above " + plain(policy.epssPercentileThreshold()), "", provenance)};
        }
        return new Factor[]{probabilityFactor};
    }

    /** CVSS: the score that describes the finding best, times the policy's weight. */
    RatedVector rate(CvssVector vector, int index) {
        CvssScores scores = calculator.score(vector);
        String kind = kind(vector, scores);
        BigDecimal used = relevant(kind, scores);
        String name = vector.version() == CvssVersion.V2 ? "CVSS v2.0" : vector.version().prefix();
        int points = (int) Math.round(PriorityPolicy.tenths(used) * PriorityPolicy.tenths(policy.cvssWeight()) / 10.0);
        Factor factor = new Factor(FactorKind.CVSS, points, name + " " + kind + " " + used.toPlainString() + " ("
                + Severity.of(vector.version(), used).label() + ")", "",
                new Provenance("CVSS", vector.version().number(), "", vector.text()));
        return new RatedVector(index, vector.version().ordinal(), PriorityPolicy.tenths(used), factor);
    }

    /**
     * Which score describes the finding best: v4.0's single score (named by its nomenclature); for v2/v3.x the
     * environmental score when the vector sets environmental metrics, else the temporal score when it sets temporal
     * ones, else the base score.
     */
    private static String kind(CvssVector vector, CvssScores scores) {
        if (vector.version() == CvssVersion.V4_0) {
            return scores.nomenclature().label();
        }
        if (scores.environmental() != null && sets(vector, vector.version() == CvssVersion.V2 ? V2_ENVIRONMENTAL
                : V3_ENVIRONMENTAL)) {
            return "environmental";
        }
        if (scores.temporal() != null && sets(vector, TEMPORAL)) {
            return "temporal";
        }
        return "base";
    }

    private static BigDecimal relevant(String kind, CvssScores scores) {
        return switch (kind) {
            case "environmental" -> scores.environmental();
            case "temporal" -> scores.temporal();
            case "base" -> scores.base();
            default -> scores.score();
        };
    }

    private static final String[] TEMPORAL = {"E", "RL", "RC"};
    private static final String[] V2_ENVIRONMENTAL = {"CDP", "TD", "CR", "IR", "AR"};
    private static final String[] V3_ENVIRONMENTAL = {"CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI",
            "MA"};

    private static boolean sets(CvssVector vector, String[] metrics) {
        for (String metric : metrics) {
            String value = vector.value(metric);
            if (value != null && !value.equals("X") && !value.equals("ND")) {
                return true;
            }
        }
        return false;
    }

    // ----- one finding -----

    /** What the rules read from a run: the feeds' facts per CVE and the scored vectors. */
    interface RunFacts {

        /** What the feeds say about the CVE, or null when they say nothing. */
        CveFacts cve(String cve);

        RatedVector vector(CvssVector vector);

        FeedFactors feedFactors();

        LocalDate today();
    }

    /**
     * Adds the finding's factors to {@code out} (in the order of the class comment, BOUND last when the sum leaves
     * 0-100), notes in it the KEV entry that counted, and returns the score in tenths.
     */
    int score(PriorityInput input, RunFacts run, FindingScratch out) {
        FeedFactors feeds = run.feedFactors();
        KevEntry kev = null;
        int kevIndex = -1;
        String ransomwareCve = null;
        CveFacts best = null;
        List<String> cves = input.cves();
        for (int c = 0; c < cves.size(); c++) {
            CveFacts facts = run.cve(cves.get(c));
            if (facts == null) {
                continue;
            }
            KevEntry entry = facts.kev();
            if (entry != null) {
                if (kev == null || entry.dueDate().isBefore(kev.dueDate())) {
                    kev = entry;
                    kevIndex = facts.kevIndex();
                }
                if (ransomwareCve == null && entry.ransomwareKnown()) {
                    ransomwareCve = entry.cveId();
                }
            }
            EpssScore score = facts.epss();
            if (score != null && (best == null || score.probability() > best.epss().probability()
                    || (score.probability() == best.epss().probability()
                    && score.cve().compareTo(best.epss().cve()) < 0))) {
                best = facts;
            }
        }
        out.kev = kev;
        out.kevIndex = kevIndex;
        if (kev != null) {
            out.add(new Factor(FactorKind.KEV, kevTenths, "in CISA KEV (" + kev.cveId() + ", added "
                    + kev.dateAdded() + ", due " + kev.dueDate() + ")", "", feeds.kev()));
            if (ransomwareCve != null) {
                out.add(new Factor(FactorKind.RANSOMWARE, ransomwareTenths,
                        "known ransomware campaign use (" + ransomwareCve + ")", "", feeds.kev()));
            }
        } else {
            out.add(cves.isEmpty() ? feeds.kevNoCve() : feeds.kevAbsent());
            if (input.exploitation() == Exploitation.ACTIVE) {
                out.add(new Factor(FactorKind.EXPLOITATION, activeTenths, "active exploitation reported", "",
                        Provenance.of("finding")));
            } else if (input.exploitation() == Exploitation.PUBLIC_POC) {
                out.add(new Factor(FactorKind.EXPLOITATION, pocTenths, "public proof of concept", "",
                        Provenance.of("finding")));
            }
        }
        if (best != null) {
            for (Factor factor : best.epssFactors()) {
                out.add(factor);
            }
        } else {
            out.add(cves.isEmpty() ? feeds.epssNoCve() : !feeds.epssGiven() ? feeds.epssUnknown()
                    : new Factor(FactorKind.EPSS_PROBABILITY, 0, "no EPSS score for " + String.join(", ", cves), "",
                    feeds.epss()));
        }
        out.add(cvssFactor(input, run));
        out.add(input.criticality() == null ? criticalityUnknown : criticalityFactors.get(input.criticality()));
        out.add(input.exposure() == null ? exposureUnknown : exposureFactors.get(input.exposure()));
        if (input.validation() != null) {
            out.add(validationFactors.get(input.validation()));
        }
        List<CompensatingControl> controls = input.controls();
        for (int c = 0; c < controls.size(); c++) {
            CompensatingControl control = controls.get(c);
            int asked = PriorityPolicy.tenths(control.points());
            int applied = Math.max(-controlCapTenths, Math.min(controlCapTenths, asked));
            String label = "compensating control '" + control.name() + "'"
                    + (applied != asked ? " (capped by policy from " + control.points().toPlainString() + ")" : "");
            out.add(new Factor(FactorKind.CONTROL, applied, label, control.evidence(), Provenance.of("finding")));
        }
        int sum = 0;
        for (int f = 0; f < out.size(); f++) {
            sum += out.get(f).contribution();
        }
        int score = Math.max(0, Math.min(1000, sum));
        if (score != sum) {
            out.add(new Factor(FactorKind.BOUND, score - sum, score == 1000 ? "capped at 100" : "floored at 0", "",
                    policyProvenance));
        }
        return score;
    }

    /** The vector of the newest CVSS version (the highest score among several of that version). */
    private Factor cvssFactor(PriorityInput input, RunFacts run) {
        RatedVector chosen = null;
        for (int v = 0; v < input.cvssVectors().size(); v++) {
            RatedVector rated = run.vector(input.cvssVectors().get(v));
            if (chosen == null || rated.version() > chosen.version()
                    || (rated.version() == chosen.version() && rated.tenths() > chosen.tenths())) {
                chosen = rated;
            }
        }
        return chosen == null ? cvssUnknown : chosen.factor();
    }

    Tier tier(int score) {
        return score >= criticalFrom ? Tier.CRITICAL : score >= highFrom ? Tier.HIGH
                : score >= mediumFrom ? Tier.MEDIUM : Tier.LOW;
    }

    // ----- SSVC -----

    /** The finding's CVSS v4.0 vector, whose exploit maturity, AU and impacts SSVC may read, or null. */
    static CvssVector v4(PriorityInput input) {
        for (int v = 0; v < input.cvssVectors().size(); v++) {
            CvssVector vector = input.cvssVectors().get(v);
            if (vector.version() == CvssVersion.V4_0) {
                return vector;
            }
        }
        return null;
    }

    /**
     * CISA's coordinator tree over the inputs as known: exploitation from KEV, else the finding, else v4.0's exploit
     * maturity; automatable and technical impact from the finding, else the v4.0 vector; mission prevalence from the
     * surface's criticality; public well-being from the finding. Unknown inputs stay unknown, with the reason.
     */
    SsvcDecision ssvc(PriorityInput input, KevEntry kev, CvssVector v4, boolean kevGiven, String kevVersion) {
        SsvcInput<Exploitation> exploitation;
        if (kev != null) {
            exploitation = SsvcInput.known(Exploitation.ACTIVE, "KEV " + kevVersion + " lists " + kev.cveId());
        } else if (input.exploitation() != null) {
            exploitation = SsvcInput.known(input.exploitation(), "finding");
        } else if (v4 != null && v4.value("E") != null && !v4.value("E").equals("X")) {
            Exploitation e = switch (v4.value("E")) {
                case "A" -> Exploitation.ACTIVE;
                case "P" -> Exploitation.PUBLIC_POC;
                default -> Exploitation.NONE;
            };
            exploitation = SsvcInput.known(e, "CVSS:4.0 exploit maturity E:" + v4.value("E"));
        } else {
            exploitation = SsvcInput.unknown(kevGiven ? "not in KEV and no exploitation evidence"
                    : "no KEV catalogue given and no exploitation evidence");
        }
        SsvcInput<Automatable> automatable;
        if (input.automatable() != null) {
            automatable = SsvcInput.known(input.automatable(), "finding");
        } else if (automatableOf(v4) != null) {
            automatable = SsvcInput.known(automatableOf(v4), "CVSS:4.0 supplemental AU:" + v4.value("AU"));
        } else {
            automatable = SsvcInput.unknown("not given");
        }
        SsvcInput<TechnicalImpact> impact;
        if (input.technicalImpact() != null) {
            impact = SsvcInput.known(input.technicalImpact(), "finding");
        } else if (v4 != null) {
            impact = SsvcInput.known(technicalImpactOf(v4), "CERT/CC cvssv4_to_technical_impact 1.0.0 (PR:"
                    + v4.value("PR") + ", VC:" + v4.value("VC") + ", VI:" + v4.value("VI") + ")");
        } else {
            impact = SsvcInput.unknown("not given");
        }
        SsvcInput<MissionPrevalence> prevalence = input.criticality() == null ? SsvcInput.unknown(
                "surface criticality unknown") : SsvcInput.known(MissionPrevalence.of(input.criticality()),
                "scoping: criticality " + input.criticality().label());
        SsvcInput<PublicWellBeingImpact> wellBeing = input.publicWellBeing() == null ? SsvcInput.unknown("not given")
                : SsvcInput.known(input.publicWellBeing(), "finding");
        return tree.decide(exploitation, automatable, impact, prevalence, wellBeing);
    }

    /** v4.0's supplemental AU metric as SSVC's Automatable, or null when the vector is absent or leaves it out. */
    static Automatable automatableOf(CvssVector v4) {
        if (v4 == null || v4.value("AU") == null || v4.value("AU").equals("X")) {
            return null;
        }
        return v4.value("AU").equals("Y") ? Automatable.YES : Automatable.NO;
    }

    /**
     * CERT/CC's mapping from CVSS v4.0 to Technical Impact: total when the attacker gains high confidentiality and
     * integrity impact on the vulnerable system, or needs no privileges and gains high impact on one and at least low
     * on the other; partial otherwise.
     */
    static TechnicalImpact technicalImpactOf(CvssVector v4) {
        String pr = v4.value("PR");
        String vc = v4.value("VC");
        String vi = v4.value("VI");
        boolean total = (vc.equals("H") && vi.equals("H"))
                || (pr.equals("N") && ((vc.equals("H") && vi.equals("L")) || (vc.equals("L") && vi.equals("H"))));
        return total ? TechnicalImpact.TOTAL : TechnicalImpact.PARTIAL;
    }

    // ----- deadlines -----

    /** Everything a deadline depends on; findings with equal facts share one deadline. */
    record DeadlineFacts(KevEntry kev, Exposure exposure, Automatable automatable, TechnicalImpact impact,
                         boolean active, Tier tier, LocalDate start, boolean firstSeenGiven) {
    }

    /**
     * The facts the deadline rules read: automatable and impact from the finding, else its v4.0 vector; the clock
     * starts when the finding was first seen, else today.
     */
    static DeadlineFacts deadlineFacts(PriorityInput input, KevEntry kev, CvssVector v4, Tier tier, LocalDate today) {
        return new DeadlineFacts(kev, input.exposure(), automatable(input, v4), impact(input, v4),
                activeWithoutKev(input, kev), tier, input.firstSeen() != null ? input.firstSeen() : today,
                input.firstSeen() != null);
    }

    /** Automatable as the deadline rules read it: the finding's, else its v4.0 vector's, else unknown (null). */
    static Automatable automatable(PriorityInput input, CvssVector v4) {
        return input.automatable() != null ? input.automatable() : automatableOf(v4);
    }

    /** Technical impact as the deadline rules read it: the finding's, else its v4.0 vector's, else unknown. */
    static TechnicalImpact impact(PriorityInput input, CvssVector v4) {
        return input.technicalImpact() != null ? input.technicalImpact() : v4 != null ? technicalImpactOf(v4) : null;
    }

    /** Active exploitation reported with a finding not in KEV counts as "in KEV" for BOD 26-04. */
    static boolean activeWithoutKev(PriorityInput input, KevEntry kev) {
        return kev == null && input.exploitation() == Exploitation.ACTIVE;
    }

    /**
     * The candidates the policy turns on, in its order (KEV's dueDate, BOD 26-04's row, the internal SLA of the
     * tier), and the earliest date among them as the deadline, overdue when already past today.
     */
    Deadline deadline(DeadlineFacts k, LocalDate today) {
        KevEntry kev = k.kev();
        Tier tier = k.tier();
        List<DeadlineCandidate> candidates = new ArrayList<>(3);
        if (kev != null && (policy.kevDueDate() || policy.regulatoryRules() == RegulatoryRules.BOD_22_01)) {
            String rule = policy.regulatoryRules() == RegulatoryRules.BOD_22_01
                    ? "BOD 22-01: KEV dueDate as published" : "KEV dueDate as published";
            candidates.add(new DeadlineCandidate(rule, kev.dueDate(), kev.cveId() + " added " + kev.dateAdded()
                    + (kev.dueBeforeAdded() ? ", due before it was added (overdue on arrival)" : ""), false));
        }
        LocalDate start = k.start();
        String startText = k.firstSeenGiven() ? "first seen " + start : "decided " + today;
        if (policy.regulatoryRules() == RegulatoryRules.BOD_26_04) {
            candidates.add(bod2604(k, start, startText));
        }
        if (policy.internalSla()) {
            int days = policy.slaDays().get(tier);
            candidates.add(new DeadlineCandidate(slaRules.get(tier), start.plusDays(days), startText + " + " + days
                    + " days", false));
        }
        DeadlineCandidate earliest = null;
        for (DeadlineCandidate candidate : candidates) {
            if (candidate.date() != null && (earliest == null || candidate.date().isBefore(earliest.date()))) {
                earliest = candidate;
            }
        }
        if (earliest == null) {
            return new Deadline(null, "", "", false, false, candidates);
        }
        return new Deadline(earliest.date(), earliest.rule(), earliest.basis(), earliest.date().isBefore(today),
                earliest.forensic(), candidates);
    }

    /**
     * BOD 26-04's row for the facts. With unknown facts the rows still possible either share one timeline (then it
     * applies), or the policy picks the most urgent of them, or the candidate sets no date and lists them.
     */
    private DeadlineCandidate bod2604(DeadlineFacts k, LocalDate start, String startText) {
        KevEntry kev = k.kev();
        boolean active = k.active();
        boolean inKev = kev != null || active;
        Boolean exposed = k.exposure() == null ? null : k.exposure() == Exposure.INTERNET_FACING;
        Automatable automatable = k.automatable();
        TechnicalImpact impact = k.impact();
        List<Bod2604.Row> rows = bod.matching(inKev, exposed, automatable, impact);
        StringBuilder unknown = new StringBuilder();
        if (exposed == null) {
            unknown.append("exposure");
        }
        if (automatable == null) {
            unknown.append(unknown.isEmpty() ? "" : ", ").append("automatable");
        }
        if (impact == null) {
            unknown.append(unknown.isEmpty() ? "" : ", ").append("technical impact");
        }
        boolean sameTimeline = rows.stream().map(Bod2604.Row::timeline).distinct().count() == 1;
        if (!sameTimeline && !policy.bodMostUrgentWhenUnknown()) {
            List<Integer> numbers = rows.stream().map(Bod2604.Row::row).toList();
            String timelines = String.join(" / ", rows.stream().map(Bod2604.Row::timeline).distinct().toList());
            return new DeadlineCandidate("BOD 26-04 undetermined (unknown " + unknown + ")", null,
                    "rows " + numbers + " remain possible: " + timelines, false);
        }
        Bod2604.Row row = Bod2604.mostUrgent(rows);
        String rule = "BOD 26-04 row " + row.row() + " (" + (inKev ? "in KEV" : "not in KEV")
                + (active ? " by active exploitation" : "") + ", " + (row.exposed() ? "exposed" : "not exposed") + ", "
                + (row.automatable() == Automatable.YES ? "automatable" : "not automatable") + ", "
                + row.impact().label() + " impact: " + row.timeline() + ")"
                + (unknown.isEmpty() ? "" : sameTimeline ? ", the same for any " + unknown
                : ", the most urgent row for unknown " + unknown);
        if (row.days() == null) {
            return new DeadlineCandidate(rule, null, "no date: fix on system upgrade", false);
        }
        LocalDate from = kev != null ? kev.dateAdded() : start;
        String fromText = kev != null ? "KEV dateAdded " + kev.dateAdded() : startText;
        return new DeadlineCandidate(rule, from.plusDays(row.days()), fromText + " + " + row.days() + " days",
                row.forensic());
    }

    /**
     * A probability in plain decimal notation without trailing zeros ("0.94358", "0.00003", "1"): exactly what
     * {@code BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()} gives, without its allocations for the
     * 5-decimal values EPSS publishes; anything else takes that slower path.
     */
    static String plain(double value) {
        long fifths = Math.round(value * 100_000);
        if (value >= 0 && value <= 1 && fifths / 100_000.0 == value) {
            if (fifths == 100_000 || fifths == 0) {
                return fifths == 0 ? "0" : "1";
            }
            char[] digits = {'0', '.', '0', '0', '0', '0', '0'};
            for (int i = 6; i >= 2; i--) {
                digits[i] = (char) ('0' + fifths % 10);
                fifths /= 10;
            }
            int end = 7;
            while (end > 3 && digits[end - 1] == '0') {
                end--; // no trailing zeros
            }
            return new String(digits, 0, end);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
