package org.ctemcycles.core.priority;

import org.ctemcycles.core.scoring.cvss.CvssCalculator;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.ssvc.CisaCoordinatorTree;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks findings under one {@link PriorityPolicy}: the mechanics around the policy's rules ({@link PriorityRules},
 * which say what a finding's facts are worth). One run ({@link #prioritise}) resolves the feeds once for all
 * findings (one EPSS query per batch, never one per finding), scores every CVSS vector and every CVE's feed facts
 * once, decides the findings in parts on the app's {@link RankingThreads}, shares SSVC decisions and deadlines
 * between findings with the same inputs (packed into long keys of a lock-free table), and sorts by
 * {@link Decision#RANKING} as packed primitives. Stateless between runs and thread-safe.
 */
public final class PriorityEngine {

    private final PriorityRules rules;
    private final RankingThreads threads;

    public PriorityEngine(PriorityPolicy policy, CvssCalculator calculator, CisaCoordinatorTree tree, Bod2604 bod,
                          RankingThreads threads) {
        this.rules = new PriorityRules(policy, calculator, tree, bod);
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** An engine under the given policy with the standard calculators, ranking on {@code threads}. */
    public static PriorityEngine of(PriorityPolicy policy, RankingThreads threads) {
        return new PriorityEngine(policy, new CvssCalculator(), new CisaCoordinatorTree(), new Bod2604(), threads);
    }

    /** An engine that ranks on the caller's thread alone. */
    public static PriorityEngine of(PriorityPolicy policy) {
        return of(policy, RankingThreads.callerOnly());
    }

    public PriorityPolicy policy() {
        return rules.policy();
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
        Decision[] decisions = new Decision[inputs.size()];
        threads.inParts(inputs.size(), (from, to) -> {
            FindingScratch scratch = new FindingScratch();
            for (int i = from; i < to; i++) {
                decisions[i] = decide(inputs.get(i), run, scratch);
            }
        });
        rank(decisions);
        for (int i = 1; i < decisions.length; i++) {
            if (decisions[i - 1].findingKey().equals(decisions[i].findingKey())) {
                throw new IllegalArgumentException("finding key '" + decisions[i].findingKey() + "' is given twice");
            }
        }
        return Arrays.asList(decisions);
    }

    /** Decides one finding on its own. */
    public Decision decide(PriorityInput input, EpssLookup epss, KevCatalog kev, Instant now) {
        return decide(input, run(List.of(input), epss, kev, now), new FindingScratch());
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
            Arrays.sort(decisions, Decision.RANKING);
            return;
        }
        long noDeadline = (1 << 20) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            Decision d = decisions[i];
            long day = d.deadline().date() == null ? noDeadline : d.deadline().date().toEpochDay() - minDay;
            packed[i] = ((((long) (1000 - d.score())) << 20 | day) << 21) | i;
        }
        Arrays.sort(packed);
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

    private static final Comparator<Decision> BY_KEY = (a, b) -> a.findingKey().compareTo(b.findingKey());

    /** What one run shares across its findings: the resolved feeds, the rated CVEs and vectors, the caches. */
    private record Run(KevCatalog kev, List<FeedUse> feeds, PriorityRules.FeedFactors feedFactors, Instant now,
                       LocalDate today, Map<String, PriorityRules.CveFacts> cves,
                       Map<CvssVector, PriorityRules.RatedVector> vectors, Memo<SsvcDecision> ssvc,
                       Memo<Deadline> deadlines) implements PriorityRules.RunFacts {

        @Override
        public PriorityRules.CveFacts cve(String cve) {
            return cves.get(cve);
        }

        @Override
        public PriorityRules.RatedVector vector(CvssVector vector) {
            return vectors.get(vector);
        }
    }

    private Run run(List<PriorityInput> inputs, EpssLookup epss, KevCatalog kev, Instant now) {
        Objects.requireNonNull(now, "now");
        // the distinct CVEs and vectors of the run, gathered in parts into one concurrent set each (a set per part
        // would hold most CVEs once per part before the merge)
        Set<String> cves = ConcurrentHashMap.newKeySet(Math.max(16, inputs.size() / 2));
        Set<CvssVector> vectors = ConcurrentHashMap.newKeySet(1024);
        threads.inParts(inputs.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                PriorityInput input = inputs.get(i);
                for (int c = 0; c < input.cves().size(); c++) {
                    cves.add(input.cves().get(c));
                }
                for (int v = 0; v < input.cvssVectors().size(); v++) {
                    vectors.add(input.cvssVectors().get(v));
                }
            }
        });
        FeedUse epssUse = epss == null ? new FeedUse("EPSS", "", "", "", null)
                : new FeedUse("EPSS", epss.info().modelVersion(), epss.info().scoreDate().toString(),
                        epss.info().source(), epss.info().freshness(now, rules.policy().epssMaxAge()));
        FeedUse kevUse = kev == null ? new FeedUse("KEV", "", "", "", null)
                : new FeedUse("KEV", kev.info().catalogVersion(), kev.info().dateReleased().toString(),
                        kev.info().source(), kev.info().freshness(now, rules.policy().kevMaxAge()));
        PriorityRules.FeedFactors feedFactors = rules.feedFactors(kevUse, epssUse);
        Map<String, EpssScore> scores = epss == null ? Map.of() : epss.findAll(cves);
        // the feed facts of every CVE once, before the findings: deciding a finding then only looks them up
        Map<KevEntry, Integer> kevIndex = new IdentityHashMap<>();
        if (kev != null) {
            for (KevEntry entry : kev.entries()) {
                kevIndex.put(entry, kevIndex.size());
            }
        }
        String[] distinct = cves.toArray(String[]::new);
        Map<String, PriorityRules.CveFacts> cveFacts = new ConcurrentHashMap<>(Math.max(16, distinct.length * 2));
        threads.inParts(distinct.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                String cve = distinct[i];
                EpssScore score = scores.get(cve);
                KevEntry entry = kev == null ? null : kev.find(cve).orElse(null);
                if (score != null || entry != null) {
                    cveFacts.put(cve, new PriorityRules.CveFacts(score,
                            score == null ? null : rules.epssFactors(score, feedFactors.epss()), entry,
                            entry == null ? -1 : kevIndex.get(entry)));
                }
            }
        });
        Map<CvssVector, PriorityRules.RatedVector> rated = new HashMap<>(vectors.size() * 2);
        for (CvssVector vector : vectors) {
            rated.put(vector, rules.rate(vector, rated.size()));
        }
        return new Run(kev, List.of(epssUse, kevUse), feedFactors, now, LocalDate.ofInstant(now, ZoneOffset.UTC),
                cveFacts, rated, new Memo<>(1 << 17), new Memo<>(1 << 17));
    }

    private Decision decide(PriorityInput input, Run run, FindingScratch scratch) {
        scratch.clear();
        int score = rules.score(input, run, scratch);
        Tier tier = rules.tier(score);
        CvssVector v4 = PriorityRules.v4(input);
        SsvcDecision ssvc = ssvc(input, scratch.kev, scratch.kevIndex, v4, run);
        Deadline deadline = deadline(input, scratch.kev, scratch.kevIndex, v4, tier, run);
        return new Decision(input.key(), score, tier, ssvc, deadline, scratch.toList(), run.feeds,
                rules.policy().id(), rules.policy().version(), run.now);
    }

    /** The SSVC decision, shared by every finding of the run with the same inputs (packed into one long). */
    private SsvcDecision ssvc(PriorityInput input, KevEntry kev, int kevIndex, CvssVector v4, Run run) {
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
        SsvcDecision decided = rules.ssvc(input, kev, v4, run.kev != null, run.feedFactors.kev().version());
        if (packable) {
            run.ssvc.put(key, decided);
        }
        return decided;
    }

    /** The deadline, shared by every finding of the run with the same deadline facts (packed into one long). */
    private Deadline deadline(PriorityInput input, KevEntry kev, int kevIndex, CvssVector v4, Tier tier, Run run) {
        LocalDate start = input.firstSeen() != null ? input.firstSeen() : run.today;
        long offset = start.toEpochDay() - run.today.toEpochDay() + (1 << 15);
        boolean packable = kevIndex < (1 << 16) && offset >= 0 && offset < (1 << 16);
        long key = kevIndex + 1L;                                                       // 17 bits
        key = key << 2 | code(input.exposure());
        key = key << 2 | code(PriorityRules.automatable(input, v4));
        key = key << 2 | code(PriorityRules.impact(input, v4));
        key = key << 1 | (PriorityRules.activeWithoutKev(input, kev) ? 1 : 0);
        key = key << 2 | tier.ordinal();
        key = key << 16 | offset;
        key = key << 1 | (input.firstSeen() != null ? 1 : 0);
        Deadline known = packable ? run.deadlines.get(key) : null;
        if (known != null) {
            return known;
        }
        Deadline computed = rules.deadline(PriorityRules.deadlineFacts(input, kev, v4, tier, run.today), run.today);
        if (packable) {
            run.deadlines.put(key, computed);
        }
        return computed;
    }

    /** 0 for unknown, else the ordinal + 1. */
    private static long code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1L;
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
}
