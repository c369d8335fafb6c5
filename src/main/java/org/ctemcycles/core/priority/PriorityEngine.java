package org.ctemcycles.core.priority;

import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.cvss.CvssCalculator;
import org.ctemcycles.core.scoring.cvss.CvssScores;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.cvss.CvssVersion;
import org.ctemcycles.core.scoring.cvss.Severity;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.CisaCoordinatorTree;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.MissionPrevalence;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashMap;

/**
 * Turns finding facts into ranked {@link Decision}s under one {@link PriorityPolicy}. Stateless between runs and
 * thread-safe: one run ({@link #prioritise}) resolves the feeds once for all findings (one EPSS query per batch, never
 * one per finding), decides every finding in parallel and sorts by {@link Decision#RANKING}.
 *
 * <p>The score is the sum of the factors' contributions in tenths of a point, clamped to 0-100 by a recorded BOUND
 * factor. The SSVC outcome and the deadline are decided beside the score, from the same facts.
 */
public final class PriorityEngine {

    private final PriorityPolicy policy;
    private final CvssCalculator calculator;
    private final CisaCoordinatorTree tree;
    private final Bod2604 bod;
    private final Provenance policyProvenance;
    private final Map<Criticality, Factor> criticalityFactors = new EnumMap<>(Criticality.class);
    private final Map<Exposure, Factor> exposureFactors = new EnumMap<>(Exposure.class);
    private final Map<Tier, String> slaRules = new EnumMap<>(Tier.class);
    private final Factor criticalityUnknown;
    private final Factor exposureUnknown;
    private final Factor cvssUnknown;
    private final Map<org.ctemcycles.core.validation.ValidationOutcome, Factor> validationFactors =
            new EnumMap<>(org.ctemcycles.core.validation.ValidationOutcome.class);
    /** Policy points in tenths, converted once (the per-finding path does no BigDecimal arithmetic). */
    private final int kevTenths;
    private final int ransomwareTenths;
    private final int activeTenths;
    private final int pocTenths;
    private final int controlCapTenths;
    private final int criticalFrom;
    private final int highFrom;
    private final int mediumFrom;

    public PriorityEngine(PriorityPolicy policy, CvssCalculator calculator, CisaCoordinatorTree tree, Bod2604 bod) {
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
        for (Tier tier : Tier.values()) {
            slaRules.put(tier, "internal SLA (" + tier.label() + ": " + policy.slaDays().get(tier) + " days)");
        }
        criticalityUnknown = new Factor(FactorKind.CRITICALITY, 0, "surface criticality unknown", "", scoping);
        cvssUnknown = new Factor(FactorKind.CVSS, PriorityPolicy.tenths(policy.cvssUnknownPoints()),
                "no CVSS vector (policy assumes " + policy.cvssUnknownPoints().toPlainString() + " points)", "",
                policyProvenance);
        for (org.ctemcycles.core.validation.ValidationOutcome outcome
                : org.ctemcycles.core.validation.ValidationOutcome.values()) {
            validationFactors.put(outcome, new Factor(FactorKind.VALIDATION, PriorityPolicy.tenths(
                    policy.validationPoints().get(outcome)), "validated: " + outcome.label(), "",
                    Provenance.of("validation")));
        }
        kevTenths = PriorityPolicy.tenths(policy.kevPoints());
        ransomwareTenths = PriorityPolicy.tenths(policy.ransomwarePoints());
        activeTenths = PriorityPolicy.tenths(policy.activeExploitationPoints());
        pocTenths = PriorityPolicy.tenths(policy.publicPocPoints());
        controlCapTenths = PriorityPolicy.tenths(policy.controlMaxPoints());
        criticalFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.CRITICAL));
        highFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.HIGH));
        mediumFrom = PriorityPolicy.tenths(policy.tierThresholds().get(Tier.MEDIUM));
        exposureUnknown = new Factor(FactorKind.EXPOSURE, 0, "surface exposure unknown", "", scoping);
    }

    /** An engine under the given policy with the standard calculators. */
    public static PriorityEngine of(PriorityPolicy policy) {
        return new PriorityEngine(policy, new CvssCalculator(), new CisaCoordinatorTree(), new Bod2604());
    }

    public PriorityPolicy policy() {
        return policy;
    }

    /**
     * Decides every finding and returns the decisions in queue order.
     *
     * @param epss the EPSS scores to use, or null when no feed is available (recorded in every decision)
     * @param kev  the KEV catalogue to use, or null when none is available (recorded in every decision)
     * @param now  the decision time, recorded in every decision and the reference for freshness and overdue
     * @throws IllegalArgumentException if two findings share a key (the ranking's tie-break must be unique)
     */
    public List<Decision> prioritise(List<PriorityInput> inputs, EpssLookup epss, KevCatalog kev, Instant now) {
        Run run = run(inputs, epss, kev, now);
        Decision[] decisions = inputs.parallelStream().map(input -> decide(input, run)).toArray(Decision[]::new);
        rank(decisions);
        for (int i = 1; i < decisions.length; i++) {
            if (decisions[i - 1].findingKey().equals(decisions[i].findingKey())) {
                throw new IllegalArgumentException("finding key '" + decisions[i].findingKey() + "' is given twice");
            }
        }
        return Arrays.asList(decisions);
    }

    /**
     * Sorts into {@link Decision#RANKING} order. The score and deadline are packed with the position into one long
     * and sorted as primitives (the comparator would touch three objects per comparison); only runs of equal score and
     * deadline are then sorted by key. Falls back to the comparator beyond what the packing holds.
     */
    static void rank(Decision[] decisions) {
        int n = decisions.length;
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (Decision d : decisions) {
            if (d.deadline().date() != null) {
                long day = d.deadline().date().toEpochDay();
                minDay = Math.min(minDay, day);
                maxDay = Math.max(maxDay, day);
            }
        }
        long daySpan = minDay == Long.MAX_VALUE ? 0 : maxDay - minDay + 1;
        if (n >= (1 << 21) || daySpan >= (1 << 20) - 1) {
            Arrays.parallelSort(decisions, Decision.RANKING);
            return;
        }
        long noDeadline = (1 << 20) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            Decision d = decisions[i];
            long day = d.deadline().date() == null ? noDeadline : d.deadline().date().toEpochDay() - minDay;
            packed[i] = ((((long) (1000 - d.score())) << 20 | day) << 21) | i;
        }
        Arrays.parallelSort(packed);
        Decision[] sorted = new Decision[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = decisions[(int) (packed[i] & ((1 << 21) - 1))];
        }
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (packed[i] >>> 21) != (packed[from] >>> 21)) {
                if (i - from > 1) {
                    Arrays.sort(sorted, from, i, BY_KEY);
                }
                from = i;
            }
        }
        System.arraycopy(sorted, 0, decisions, 0, n);
    }

    private static final java.util.Comparator<Decision> BY_KEY = (a, b) -> a.findingKey().compareTo(b.findingKey());

    /** Decides one finding on its own. */
    public Decision decide(PriorityInput input, EpssLookup epss, KevCatalog kev, Instant now) {
        return decide(input, run(List.of(input), epss, kev, now));
    }

    private Run run(List<PriorityInput> inputs, EpssLookup epss, KevCatalog kev, Instant now) {
        Objects.requireNonNull(now, "now");
        // the distinct CVEs and vectors of the run, gathered on every core
        Set<String> cves = ConcurrentHashMap.newKeySet(Math.max(16, inputs.size() / 2));
        Set<CvssVector> vectors = ConcurrentHashMap.newKeySet(1024);
        inputs.parallelStream().forEach(input -> {
            for (int c = 0; c < input.cves().size(); c++) {
                cves.add(input.cves().get(c));
            }
            for (int v = 0; v < input.cvssVectors().size(); v++) {
                vectors.add(input.cvssVectors().get(v));
            }
        });
        Map<String, EpssScore> scores = epss == null ? Map.of() : epss.findAll(cves);
        FeedUse epssUse = epss == null ? new FeedUse("EPSS", "", "", "", null)
                : new FeedUse("EPSS", epss.info().modelVersion(), epss.info().scoreDate().toString(),
                        epss.info().source(), epss.info().freshness(now, policy.epssMaxAge()));
        FeedUse kevUse = kev == null ? new FeedUse("KEV", "", "", "", null)
                : new FeedUse("KEV", kev.info().catalogVersion(), kev.info().dateReleased().toString(),
                        kev.info().source(), kev.info().freshness(now, policy.kevMaxAge()));
        Provenance epssProvenance = feedProvenance(epssUse);
        // every per-CVE and per-vector factor once, before the parallel part: the findings then only look them up
        Map<KevEntry, Integer> kevIndex = new java.util.IdentityHashMap<>();
        if (kev != null) {
            for (KevEntry entry : kev.entries()) {
                kevIndex.put(entry, kevIndex.size());
            }
        }
        Map<String, CveFacts> cveFacts = new ConcurrentHashMap<>(Math.max(16, cves.size() * 2));
        cves.parallelStream().forEach(cve -> {
            EpssScore score = scores.get(cve);
            KevEntry entry = kev == null ? null : kev.find(cve).orElse(null);
            if (score != null || entry != null) {
                cveFacts.put(cve, new CveFacts(score == null ? null
                        : new EpssUse(score, epssFactorsOf(score, epssProvenance)), entry,
                        entry == null ? -1 : kevIndex.get(entry)));
            }
        });
        Map<CvssVector, Scored> scored = new HashMap<>(vectors.size() * 2);
        for (CvssVector vector : vectors) {
            CvssScores result = calculator.score(vector);
            BigDecimal used = relevant(vector, result);
            scored.put(vector, new Scored(scored.size(), vector.version().ordinal(), PriorityPolicy.tenths(used),
                    cvssFactorOf(vector, result)));
        }
        return new Run(scores, kev, List.of(epssUse, kevUse), epssProvenance, feedProvenance(kevUse), now,
                LocalDate.ofInstant(now, ZoneOffset.UTC), cveFacts, scored, new Memo<>(1 << 17), new Memo<>(1 << 17));
    }

    /** What the feeds say about one CVE of the run (either may be null), looked up once per run. */
    private record CveFacts(EpssUse epss, KevEntry kev, int kevIndex) {
    }

    /** A CVE's EPSS score and the factors it gives, made once per run. */
    private record EpssUse(EpssScore score, Factor[] factors) {
    }

    /** A vector of the run, scored once: its version's rank, the score that counts (tenths) and its factor. */
    private record Scored(int index, int version, int tenths, Factor factor) {
    }

    private static Provenance feedProvenance(FeedUse use) {
        return use.given() ? new Provenance(use.feed(), use.version(), use.asOf(), use.freshness().describe())
                : new Provenance(use.feed(), "", "", "no feed given");
    }

    /** Per-thread scratch space for one decision's factors, so that only the final immutable list is allocated. */
    private final ThreadLocal<Factors> scratch = ThreadLocal.withInitial(Factors::new);

    /** A growable array of factors, reused by one thread from finding to finding. */
    private static final class Factors {
        private Factor[] items = new Factor[16];
        private int size;

        Factors clear() {
            java.util.Arrays.fill(items, 0, size, null);
            size = 0;
            return this;
        }

        void add(Factor factor) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = factor;
        }

        int size() {
            return size;
        }

        Factor get(int i) {
            return items[i];
        }

        /** The immutable list; the fixed-arity List.of overloads take their argument array without copying it. */
        List<Factor> toList() {
            Factor[] f = items;
            return switch (size) {
                case 0 -> List.of();
                case 1 -> List.of(f[0]);
                case 2 -> List.of(f[0], f[1]);
                case 3 -> List.of(f[0], f[1], f[2]);
                case 4 -> List.of(f[0], f[1], f[2], f[3]);
                case 5 -> List.of(f[0], f[1], f[2], f[3], f[4]);
                case 6 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5]);
                case 7 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
                case 8 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
                case 9 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
                case 10 -> List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
                default -> List.of(Arrays.copyOf(f, size));
            };
        }
    }

    /** What one run shares across its findings: the resolved feeds, precomputed factors and memoised results. */
    private record Run(Map<String, EpssScore> epss, KevCatalog kev, List<FeedUse> feeds, Provenance epssProvenance,
                       Provenance kevProvenance, Instant now, LocalDate today, Map<String, CveFacts> cves,
                       Map<CvssVector, Scored> vectors, Memo<SsvcDecision> ssvc, Memo<Deadline> deadlines,
                       Factor kevNoCve, Factor kevAbsent, Factor epssNoCve,
                       Factor epssUnknown) {

        Run(Map<String, EpssScore> epss, KevCatalog kev, List<FeedUse> feeds, Provenance epssProvenance,
            Provenance kevProvenance, Instant now, LocalDate today, Map<String, CveFacts> cves,
            Map<CvssVector, Scored> vectors, Memo<SsvcDecision> ssvc, Memo<Deadline> deadlines) {
            this(epss, kev, feeds, epssProvenance, kevProvenance, now, today, cves, vectors, ssvc, deadlines,
                    new Factor(FactorKind.KEV, 0, "no CVE, so not in KEV", "", kevProvenance),
                    new Factor(FactorKind.KEV, 0, kev == null ? "KEV status unknown" : "not in CISA KEV", "",
                            kevProvenance),
                    new Factor(FactorKind.EPSS_PROBABILITY, 0, "no CVE, so no EPSS score", "", epssProvenance),
                    new Factor(FactorKind.EPSS_PROBABILITY, 0, "EPSS probability unknown", "", epssProvenance));
        }
    }

    /**
     * A cache from packed long keys to results, shared by the threads of one run without locks: a slot holds an
     * immutable entry (final fields, so a reader sees it whole) or nothing; two threads racing for a slot at worst both
     * compute the same deterministic result, and a full neighbourhood just leaves a result uncached.
     */
    private static final class Memo<V> {

        private record Entry<V>(long key, V value) {
        }

        private final Object[] slots;
        private final int mask;

        Memo(int size) {
            slots = new Object[size];
            mask = size - 1;
        }

        private int home(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        @SuppressWarnings("unchecked")
        V get(long key) {
            int at = home(key);
            for (int probe = 0; probe < 8; probe++) {
                Entry<V> entry = (Entry<V>) slots[(at + probe) & mask];
                if (entry == null) {
                    return null;
                }
                if (entry.key == key) {
                    return entry.value;
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        void put(long key, V value) {
            int at = home(key);
            for (int probe = 0; probe < 8; probe++) {
                int slot = (at + probe) & mask;
                Entry<V> entry = (Entry<V>) slots[slot];
                if (entry == null) {
                    slots[slot] = new Entry<>(key, value);
                    return;
                }
                if (entry.key == key) {
                    return;
                }
            }
        }
    }

    /** Everything a deadline depends on; findings with equal keys share one deadline. */
    private record DeadlineKey(KevEntry kev, Exposure exposure, Automatable automatable, TechnicalImpact impact,
                               boolean active, Tier tier, LocalDate start, boolean firstSeenGiven) {
    }

    private Decision decide(PriorityInput input, Run run) {
        Factors factors = scratch.get().clear();
        // exploitation evidence: KEV, ransomware, other intelligence, EPSS
        // one lookup per CVE gives its KEV entry and EPSS score
        KevEntry kev = null;
        int kevIndex = -1;
        String ransomwareCve = null;
        EpssUse best = null;
        List<String> cves = input.cves();
        for (int c = 0; c < cves.size(); c++) {
            CveFacts facts = run.cves.get(cves.get(c));
            if (facts == null) {
                continue;
            }
            KevEntry entry = facts.kev;
            if (entry != null) {
                if (kev == null || entry.dueDate().isBefore(kev.dueDate())) {
                    kev = entry;
                    kevIndex = facts.kevIndex;
                }
                if (ransomwareCve == null && entry.ransomwareKnown()) {
                    ransomwareCve = entry.cveId();
                }
            }
            EpssUse use = facts.epss;
            if (use != null && (best == null || use.score.probability() > best.score.probability()
                    || (use.score.probability() == best.score.probability()
                    && use.score.cve().compareTo(best.score.cve()) < 0))) {
                best = use;
            }
        }
        if (kev != null) {
            factors.add(new Factor(FactorKind.KEV, kevTenths, "in CISA KEV ("
                    + kev.cveId() + ", added " + kev.dateAdded() + ", due " + kev.dueDate() + ")", "",
                    run.kevProvenance));
            if (ransomwareCve != null) {
                factors.add(new Factor(FactorKind.RANSOMWARE, ransomwareTenths,
                        "known ransomware campaign use (" + ransomwareCve + ")", "", run.kevProvenance));
            }
        } else {
            factors.add(cves.isEmpty() ? run.kevNoCve : run.kevAbsent);
        }
        if (kev == null && input.exploitation() == Exploitation.ACTIVE) {
            factors.add(new Factor(FactorKind.EXPLOITATION, activeTenths,
                    "active exploitation reported", "", Provenance.of("finding")));
        } else if (kev == null && input.exploitation() == Exploitation.PUBLIC_POC) {
            factors.add(new Factor(FactorKind.EXPLOITATION, pocTenths,
                    "public proof of concept", "", Provenance.of("finding")));
        }
        if (best != null) {
            for (Factor factor : best.factors) {
                factors.add(factor);
            }
        } else {
            factors.add(cves.isEmpty() ? run.epssNoCve : run.epssProvenance.note().equals("no feed given")
                    ? run.epssUnknown : new Factor(FactorKind.EPSS_PROBABILITY, 0, "no EPSS score for "
                    + String.join(", ", cves), "", run.epssProvenance));
        }
        factors.add(cvssFactor(input, run));
        // business context
        factors.add(input.criticality() == null ? criticalityUnknown : criticalityFactors.get(input.criticality()));
        factors.add(input.exposure() == null ? exposureUnknown : exposureFactors.get(input.exposure()));
        // validation and controls
        if (input.validation() != null) {
            factors.add(validationFactors.get(input.validation()));
        }
        int cap = controlCapTenths;
        List<CompensatingControl> controls = input.controls();
        for (int c = 0; c < controls.size(); c++) {
            CompensatingControl control = controls.get(c);
            int asked = PriorityPolicy.tenths(control.points());
            int applied = Math.max(-cap, Math.min(cap, asked));
            String label = "compensating control '" + control.name() + "'"
                    + (applied != asked ? " (capped by policy from " + control.points().toPlainString() + ")" : "");
            factors.add(new Factor(FactorKind.CONTROL, applied, label, control.evidence(), Provenance.of("finding")));
        }
        int sum = 0;
        for (int f = 0; f < factors.size(); f++) {
            sum += factors.get(f).contribution();
        }
        int score = Math.max(0, Math.min(1000, sum));
        if (score != sum) {
            factors.add(new Factor(FactorKind.BOUND, score - sum, score == 1000 ? "capped at 100" : "floored at 0",
                    "", policyProvenance));
        }
        Tier tier = score >= criticalFrom ? Tier.CRITICAL : score >= highFrom ? Tier.HIGH
                : score >= mediumFrom ? Tier.MEDIUM : Tier.LOW;
        SsvcDecision ssvc = ssvc(input, kev, kevIndex, run);
        Deadline deadline = deadline(input, kev, kevIndex, tier, run);
        return new Decision(input.key(), score, tier, ssvc, deadline, factors.toList(), run.feeds, policy.id(),
                policy.version(), run.now);
    }

    private Factor[] epssFactorsOf(EpssScore score, Provenance provenance) {
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

    /** The vector of the newest CVSS version (the highest score among several of that version). */
    private Factor cvssFactor(PriorityInput input, Run run) {
        Scored chosen = null;
        for (int v = 0; v < input.cvssVectors().size(); v++) {
            CvssVector vector = input.cvssVectors().get(v);
            Scored scored = run.vectors.get(vector);
            if (chosen == null || scored.version > chosen.version
                    || (scored.version == chosen.version && scored.tenths > chosen.tenths)) {
                chosen = scored;
            }
        }
        if (chosen == null) {
            return cvssUnknown;
        }
        return chosen.factor;
    }

    private Factor cvssFactorOf(CvssVector vector, CvssScores scores) {
        String kind = kind(vector, scores);
        BigDecimal used = relevant(vector, scores);
        String name = vector.version() == CvssVersion.V2 ? "CVSS v2.0" : vector.version().prefix();
        int points = (int) Math.round(PriorityPolicy.tenths(used) * PriorityPolicy.tenths(policy.cvssWeight()) / 10.0);
        return new Factor(FactorKind.CVSS, points, name + " " + kind + " " + used.toPlainString() + " ("
                + Severity.of(vector.version(), used).label() + ")", "",
                new Provenance("CVSS", vector.version().number(), "", vector.text()));
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

    private static BigDecimal relevant(CvssVector vector, CvssScores scores) {
        return switch (kind(vector, scores)) {
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

    /** The SSVC decision, shared by every finding of the run with the same inputs (packed into one long). */
    private SsvcDecision ssvc(PriorityInput input, KevEntry kev, int kevIndex, Run run) {
        CvssVector v4 = v4(input);
        long key = kevIndex + 1L;                                                       // 17 bits
        key = key << 2 | code(input.exploitation());
        key = key << 2 | code(input.automatable());
        key = key << 2 | code(input.technicalImpact());
        key = key << 21 | (v4 == null ? 0 : run.vectors.get(v4).index() + 1L);
        key = key << 3 | code(input.criticality());
        key = key << 2 | code(input.publicWellBeing());
        boolean packable = kevIndex < (1 << 16) && run.vectors.size() < (1 << 20);
        SsvcDecision known = packable ? run.ssvc.get(key) : null;
        if (known != null) {
            return known;
        }
        SsvcDecision decided = ssvcOf(input, kev, v4, run);
        if (packable) {
            run.ssvc.put(key, decided);
        }
        return decided;
    }

    /** 0 for unknown, else the ordinal + 1. */
    private static long code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1L;
    }

    private static CvssVector v4(PriorityInput input) {
        for (int v = 0; v < input.cvssVectors().size(); v++) {
            CvssVector vector = input.cvssVectors().get(v);
            if (vector.version() == CvssVersion.V4_0) {
                return vector;
            }
        }
        return null;
    }

    private SsvcDecision ssvcOf(PriorityInput input, KevEntry kev, CvssVector v4, Run run) {
        SsvcInput<Exploitation> exploitation;
        if (kev != null) {
            exploitation = SsvcInput.known(Exploitation.ACTIVE, "KEV " + run.kevProvenance.version() + " lists "
                    + kev.cveId());
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
            exploitation = SsvcInput.unknown(run.kev == null ? "no KEV catalogue given and no exploitation evidence"
                    : "not in KEV and no exploitation evidence");
        }
        SsvcInput<Automatable> automatable;
        if (input.automatable() != null) {
            automatable = SsvcInput.known(input.automatable(), "finding");
        } else if (v4 != null && v4.value("AU") != null && !v4.value("AU").equals("X")) {
            automatable = SsvcInput.known(v4.value("AU").equals("Y") ? Automatable.YES : Automatable.NO,
                    "CVSS:4.0 supplemental AU:" + v4.value("AU"));
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

    private Deadline deadline(PriorityInput input, KevEntry kev, int kevIndex, Tier tier, Run run) {
        CvssVector v4 = v4(input);
        Automatable automatable = input.automatable();
        TechnicalImpact impact = input.technicalImpact();
        if (v4 != null && automatable == null && v4.value("AU") != null && !v4.value("AU").equals("X")) {
            automatable = v4.value("AU").equals("Y") ? Automatable.YES : Automatable.NO;
        }
        if (v4 != null && impact == null) {
            impact = technicalImpactOf(v4);
        }
        boolean active = kev == null && input.exploitation() == Exploitation.ACTIVE;
        LocalDate start = input.firstSeen() != null ? input.firstSeen() : run.today;
        long offset = start.toEpochDay() - run.today.toEpochDay() + (1 << 15);
        boolean packable = kevIndex < (1 << 16) && offset >= 0 && offset < (1 << 16);
        long key = kevIndex + 1L;                                                       // 17 bits
        key = key << 2 | code(input.exposure());
        key = key << 2 | code(automatable);
        key = key << 2 | code(impact);
        key = key << 1 | (active ? 1 : 0);
        key = key << 2 | tier.ordinal();
        key = key << 16 | offset;
        key = key << 1 | (input.firstSeen() != null ? 1 : 0);
        Deadline known = packable ? run.deadlines.get(key) : null;
        if (known != null) {
            return known;
        }
        Deadline computed = deadlineOf(new DeadlineKey(kev, input.exposure(), automatable, impact, active, tier, start,
                input.firstSeen() != null), run);
        if (packable) {
            run.deadlines.put(key, computed);
        }
        return computed;
    }

    private Deadline deadlineOf(DeadlineKey k, Run run) {
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
        String startText = k.firstSeenGiven() ? "first seen " + start : "decided " + run.today;
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
        return new Deadline(earliest.date(), earliest.rule(), earliest.basis(), earliest.date().isBefore(run.today),
                earliest.forensic(), candidates);
    }

    private DeadlineCandidate bod2604(DeadlineKey k, LocalDate start, String startText) {
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
}
