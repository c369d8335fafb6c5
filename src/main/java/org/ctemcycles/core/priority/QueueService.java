package org.ctemcycles.core.priority;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.MobilisationService;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scoring.CveId;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.core.scoring.cvss.InvalidVectorException;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The prioritised queue of a cycle: ranks every finding in the cycle's register with the facts the cycle record
 * holds about it (its CVEs and CVSS vectors from discovery, its surface's criticality and exposure from scoping, its
 * latest validation outcome) and stores the decisions as one run of the cycle, append-only. A finding inherited from
 * an earlier cycle and not seen again yet is ranked with its facts from the cycle that last saw it, and its latest
 * validation there. The newest decision of each finding is the queue. The decisions and their log entry commit
 * together.
 */
public class QueueService {

    private final CycleService cycles;
    private final MobilisationService mobilisation;
    private final DiscoveryService discovery;
    private final ScopeRegister scope;
    private final ValidationService validation;
    private final DecisionRepository decisions;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;
    private final RankingThreads threads;

    /** @param threads where rankings run: the app's own threads (never the JVM's common pool) */
    public QueueService(CycleService cycles, MobilisationService mobilisation, DiscoveryService discovery,
                        ScopeRegister scope, ValidationService validation, DecisionRepository decisions,
                        ActivityLog log, Transactions transactions, Clock clock, RankingThreads threads) {
        this.cycles = cycles;
        this.mobilisation = mobilisation;
        this.discovery = discovery;
        this.scope = scope;
        this.validation = validation;
        this.decisions = decisions;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.threads = threads;
    }

    /** A stored ranking of a cycle's register. */
    public record Ranking(String runId, List<Decision> queue) {
    }

    /**
     * Ranks the cycle's register and stores the decisions (logged as one entry naming the run, the policy, the feeds
     * and the count per tier).
     *
     * @param epss the EPSS scores to use, or null when none is available (recorded in every decision)
     * @param kev  the KEV catalogue, or null
     * @throws InvalidInputException when the cycle is closed or its register is empty
     */
    public Ranking prioritise(String cycleKey, PriorityPolicy policy, EpssLookup epss, KevCatalog kev, String actor) {
        Cycle cycle = cycles.requireOpen(cycleKey);
        List<RegisterEntry> register = mobilisation.register(cycle.key());
        if (register.isEmpty()) {
            throw new InvalidInputException("cycle", "the register of " + cycle.key() + " holds no finding to"
                    + " prioritise: import discovery output or enter findings first");
        }
        List<PriorityInput> inputs = inputs(cycle, register);
        Instant now = clock.instant();
        List<Decision> ranked = PriorityEngine.of(policy, threads).prioritise(inputs, epss, kev, now);
        // unique whatever the clock says (two rankings in one millisecond must not share a queue), and short enough
        // for the RUN_ID column whatever the cycle key's length
        String runId = UUID.randomUUID().toString();
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        ranked.forEach(d -> byTier.merge(d.tier(), 1, Integer::sum));
        StateText after = StateText.of("run", runId).and("policy", policy.label()).and("findings", ranked.size())
                .and("tiers", byTier.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")));
        ranked.get(0).feeds().forEach(f -> after.and(f.feed(), f.describe()));
        transactions.run(() -> {
            cycles.requireOpen(cycle.key()); // still open: not closed meanwhile
            decisions.appendToCycle(cycle.key(), runId, ranked);
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.DECISION_RECORDED, "queue:" + runId, "",
                    after.toString()));
        });
        return new Ranking(runId, ranked);
    }

    /** The cycle's current queue: the newest decision of each finding, highest first. */
    public List<Decision> queue(String cycleKey) {
        return decisions.latestInCycle(cycles.get(cycleKey).key());
    }

    private List<PriorityInput> inputs(Cycle cycle, List<RegisterEntry> register) {
        Set<String> wanted = new HashSet<>();
        register.forEach(e -> wanted.add(e.findingKey()));
        Map<String, Finding> findings = new HashMap<>();
        Map<String, Surface> surfaces = new HashMap<>();
        Map<String, ValidationOutcome> outcomes = new HashMap<>();
        // this cycle first, then back along the handovers: the newest facts about each finding win
        Set<String> visited = new HashSet<>();
        for (Cycle c = cycle; c != null && visited.add(c.key());
             c = c.predecessorKey().isEmpty() ? null : cycles.get(c.predecessorKey())) {
            for (Finding f : discovery.findings(c.key())) {
                if (wanted.contains(f.key())) {
                    findings.putIfAbsent(f.key(), f);
                }
            }
            for (Surface s : scope.list(c.key())) {
                surfaces.putIfAbsent(c.key() + "/" + s.key(), s);
            }
            validation.latestOutcomes(c.key()).forEach(outcomes::putIfAbsent);
        }
        List<PriorityInput> inputs = new ArrayList<>(register.size());
        for (RegisterEntry entry : register) {
            String key = entry.findingKey();
            Finding f = findings.get(key);
            if (f == null) {
                // entered by hand with no discovery record: ranked on what is known, the rest recorded as unknown
                inputs.add(new PriorityInput(key, List.of(), List.of(), null, null, List.of(), outcomes.get(key),
                        null, null, null, null, null));
                continue;
            }
            Surface surface = f.surfaceKey() == null ? null : surfaces.get(f.cycleKey() + "/" + f.surfaceKey());
            inputs.add(new PriorityInput(key, f.cves().stream().filter(CveId::isValid).toList(), vectors(f),
                    surface == null ? null : surface.criticality(), surface == null ? null : surface.exposure(),
                    List.of(), outcomes.get(key), null, null, null, null,
                    f.firstSeen().atOffset(ZoneOffset.UTC).toLocalDate()));
        }
        return inputs;
    }

    private static List<CvssVector> vectors(Finding finding) {
        List<CvssVector> vectors = new ArrayList<>();
        for (String text : finding.cvssVectors()) {
            try {
                vectors.add(CvssVector.parse(text));
            } catch (InvalidVectorException e) {
                // discovery keeps only vectors that parsed; one that no longer does is left out, not guessed
            }
        }
        return vectors;
    }
}
