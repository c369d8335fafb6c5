package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeService;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.Surface;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recommended next-cycle scope ({@link ScopeRecommender} has the rules). Written once when a cycle closes, in the
 * closure's transaction; the lead then takes items one by one into the cycle it was handed over to, while that cycle
 * is still in Scoping: a surface item carries the surface over (with its owner, criticality, criterion and rules), a
 * candidate asset becomes a new surface with the one rule that takes it in and nothing else (the lead calibrates it in
 * Scoping), and the cycle's own objective is recorded as taken. Both are logged in the closed cycle's chain.
 */
public class ScopeRecommendations {

    private final CycleService cycles;
    private final ScopeService scoping;
    private final DiscoveryFacts discovery;
    private final RecommendationRepository items;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public ScopeRecommendations(CycleService cycles, ScopeService scoping, DiscoveryFacts discovery,
                                RecommendationRepository items, ActivityLog log, Transactions transactions,
                                Clock clock) {
        this.cycles = cycles;
        this.scoping = scoping;
        this.discovery = discovery;
        this.items = items;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Works out and stores the closing cycle's recommendation; joins the closure's transaction. */
    List<RecommendedItem> recordAtClosure(Cycle cycle, List<RegisterEntry> register, List<String> unmetAtClosure,
                                          Instant closedAt, String actor) {
        List<String> residualKeys = register.stream().filter(RegisterEntry::residual)
                .map(RegisterEntry::findingKey).toList();
        List<RecommendedItem> recommended = ScopeRecommender.recommend(cycle, scoping.list(cycle.key()), register,
                discovery.surfacesOf(cycle.key(), residualKeys), discovery.lastCovered(cycle.key()),
                discovery.unscopedAssets(cycle.key()), unmetAtClosure, closedAt);
        items.insertAll(recommended);
        Map<RecommendationKind, Integer> byKind = new EnumMap<>(RecommendationKind.class);
        recommended.forEach(item -> byKind.merge(item.kind(), 1, Integer::sum));
        StateText state = StateText.of("items", recommended.size());
        for (RecommendationKind kind : RecommendationKind.values()) {
            state = state.and(kind.name(), byKind.getOrDefault(kind, 0));
        }
        log.append(new LogRecord(cycle.key(), closedAt, actor, LogAction.SCOPE_RECOMMENDED,
                LogRecord.cycleSubject(cycle.key()), "", state.toString()));
        return recommended;
    }

    /** A cycle's recommended next-cycle scope, in number order; empty while the cycle runs. */
    public List<RecommendedItem> recommendation(String cycleKey) {
        return items.list(cycles.get(cycleKey).key());
    }

    /**
     * Takes items of a closed cycle's recommendation into the cycle it was handed over to.
     *
     * @throws InvalidInputException when the cycle was not handed over, its successor left Scoping, or a number
     *                               names no item or one already taken
     */
    public List<RecommendedItem> take(String closedKey, List<Integer> numbers, String actor) {
        return transactions.inTransaction(() -> {
            Cycle closed = cycles.get(closedKey);
            if (!closed.closed() || closed.successorKey().isEmpty()) {
                throw new InvalidInputException("cycle", "cycle " + closed.key() + " has not been handed over;"
                        + " items of its recommended scope are taken into the cycle it hands over to");
            }
            return takeInto(closed, cycles.get(closed.successorKey()), numbers, actor, clock.instant());
        });
    }

    /** Takes items into {@code next}; joins the caller's transaction (the handover's, or {@link #take}'s). */
    List<RecommendedItem> takeInto(Cycle closed, Cycle next, List<Integer> numbers, String actor, Instant now) {
        if (numbers == null || numbers.isEmpty()) {
            return List.of();
        }
        if (next.stage() != Stage.SCOPING) {
            throw new InvalidInputException("next", "cycle " + next.key() + " is in " + next.stage().label()
                    + "; recommended scope is taken while the next cycle is still in Scoping");
        }
        List<RecommendedItem> all = items.list(closed.key());
        List<Problem> problems = new ArrayList<>();
        List<RecommendedItem> chosen = new ArrayList<>();
        for (Integer number : new LinkedHashSet<>(numbers)) {
            RecommendedItem item = number == null || number < 1 || number > all.size() ? null : all.get(number - 1);
            if (item == null || item.number() != number) {
                problems.add(new Problem("take", "cycle " + closed.key() + " recommended no item " + number
                        + " (items 1 to " + all.size() + ")"));
            } else if (item.taken()) {
                problems.add(new Problem("take", "item " + number + " was already taken into " + item.takenInto()));
            } else {
                chosen.add(item);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> surfaces = chosen.stream().filter(i -> i.kind().aboutSurface())
                .map(RecommendedItem::subject).collect(Collectors.toSet());
        scoping.carryOver(closed.key(), next.key(), s -> surfaces.contains(s.key()), actor, now);
        Set<String> keys = new HashSet<>();
        scoping.list(next.key()).forEach(s -> keys.add(s.key()));
        List<RecommendedItem> taken = new ArrayList<>();
        for (RecommendedItem item : chosen) {
            if (item.kind() == RecommendationKind.CANDIDATE_ASSET) {
                Surface added = scoping.add(next.key(), candidateSurface(closed, item, keys), actor);
                keys.add(added.key());
            }
            RecommendedItem done = item.takenBy(next.key(), actor, now);
            items.update(done);
            log.append(new LogRecord(closed.key(), now, actor, LogAction.RECOMMENDATION_TAKEN,
                    LogRecord.cycleSubject(closed.key()), "", StateText.of("item", item.number())
                    .and("kind", item.kind().name()).and("subject", item.subject()).and("next", next.key())
                    .toString()));
            taken.add(done);
        }
        return taken;
    }

    /**
     * A new surface for a candidate asset: its key made from the rule ({@code NEW-API-EXAMPLE-COM}), named after the
     * closed cycle and the rule, no owner, criticality or criterion (so it does not count as complete for the
     * Discovery gate until the lead calibrates it); network assets as customer-facing systems, the rest as business
     * processes, which the lead corrects in Scoping where wrong.
     */
    private static final int MAX_SURFACE_KEY = 32;

    /** The key cut to {@code length} at a hyphen where it is longer, so that no word is cut in half. */
    private static String within(String key, int length) {
        if (key.length() <= length) {
            return key;
        }
        String cut = key.substring(0, length);
        int hyphen = cut.lastIndexOf('-');
        return hyphen > 4 ? cut.substring(0, hyphen) : cut;
    }

    private static SurfaceDraft candidateSurface(Cycle closed, RecommendedItem item, Set<String> taken) {
        String rule = item.subject();
        String base = ("NEW-" + rule.substring(rule.indexOf(':') + 1).toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")).replaceAll("-+$", "");
        String key = within(base, MAX_SURFACE_KEY);
        for (int n = 2; taken.contains(key); n++) {
            String suffix = "-" + n;
            key = within(base, MAX_SURFACE_KEY - suffix.length()) + suffix;
        }
        boolean network = rule.startsWith("host:") || rule.startsWith("ip:") || rule.startsWith("url:");
        return new SurfaceDraft(key, "Candidate from " + closed.key() + ": " + rule,
                network ? "CUSTOMER_FACING_SYSTEM" : "BUSINESS_PROCESS", "", null, null, "", List.of(rule));
    }
}
