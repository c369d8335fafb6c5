package org.ctemcycles.core.cadence;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a recommended next-cycle scope, as pure functions of the record at closure. In this order, each with
 * its numbers:
 * <ol>
 *   <li><b>residual queue</b>: every surface with findings still needing work or watching (needing work, accepted
 *       risks, past their deadline), most work first;</li>
 *   <li><b>objectives not met</b>: the cycle itself when the Closed gate was overridden or findings are past their
 *       deadline; a surface with a success criterion whose findings are past their deadline;</li>
 *   <li><b>never covered</b>: surfaces no discovery run covered in the cycle;</li>
 *   <li><b>stale coverage</b>: surfaces whose latest covering run is older than {@link #STALE_AFTER} at closure;</li>
 *   <li><b>candidate assets</b>: assets discovery saw outside every scope rule, grouped by the scope rule that would
 *       take them in (the URLs of one host are one candidate), most findings first, at most {@link #CANDIDATES}.</li>
 * </ol>
 */
final class ScopeRecommender {

    /** How old the latest covering run may be at closure (the coverage matrix's default). */
    static final Duration STALE_AFTER = Duration.ofDays(30);
    static final int CANDIDATES = 50;

    private ScopeRecommender() {
    }

    static List<RecommendedItem> recommend(Cycle cycle, List<Surface> scope, List<RegisterEntry> register,
                                           Map<String, String> surfaceOf, Map<String, Instant> lastCovered,
                                           List<DiscoveryFacts.UnscopedAsset> unscoped, List<String> unmetAtClosure,
                                           Instant closedAt) {
        LocalDate today = LocalDate.ofInstant(closedAt, ZoneOffset.UTC);
        Map<String, long[]> residual = new LinkedHashMap<>(); // needing work, risk accepted, past deadline
        long pastDeadline = 0;
        for (RegisterEntry entry : register) {
            if (!entry.residual()) {
                continue;
            }
            boolean late = entry.needsWork() && entry.deadline() != null && entry.deadline().isBefore(today);
            pastDeadline += late ? 1 : 0;
            String surface = surfaceOf.get(entry.findingKey());
            if (surface == null) {
                continue;
            }
            long[] counts = residual.computeIfAbsent(surface, s -> new long[3]);
            counts[entry.needsWork() ? 0 : 1]++;
            counts[2] += late ? 1 : 0;
        }
        List<Draft> items = new ArrayList<>();
        residual.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    long[] c = e.getValue();
                    items.add(new Draft(RecommendationKind.RESIDUAL_QUEUE, e.getKey(), (c[0] + c[1])
                            + " findings carried over: " + c[0] + " needing work, " + c[1] + " accepted risks to watch, "
                            + c[2] + " past their deadline",
                            numbers("residual", c[0] + c[1], "needingWork", c[0], "riskAccepted", c[1],
                                    "pastDeadline", c[2])));
                });
        if (!unmetAtClosure.isEmpty() || pastDeadline > 0) {
            items.add(new Draft(RecommendationKind.OBJECTIVE_NOT_MET, cycle.key(), "the cycle closed with "
                    + unmetAtClosure.size() + " closure criteria overridden" + (unmetAtClosure.isEmpty() ? ""
                    : " (" + String.join("; ", unmetAtClosure) + ")") + " and " + pastDeadline
                    + " findings past their deadline; success criteria: "
                    + (cycle.successCriteria().isBlank() ? "(none recorded)" : cycle.successCriteria()),
                    numbers("criteriaOverridden", unmetAtClosure.size(), "pastDeadline", pastDeadline)));
        }
        for (Surface surface : scope) {
            long[] c = residual.get(surface.key());
            if (c != null && c[2] > 0 && !surface.successCriterion().isBlank()) {
                items.add(new Draft(RecommendationKind.OBJECTIVE_NOT_MET, surface.key(), "success criterion '"
                        + surface.successCriterion() + "' not met: " + c[2] + " findings past their deadline, "
                        + c[0] + " still needing work", numbers("pastDeadline", c[2], "needingWork", c[0])));
            }
        }
        for (Surface surface : scope) {
            if (!lastCovered.containsKey(surface.key())) {
                items.add(new Draft(RecommendationKind.NEVER_COVERED, surface.key(),
                        "no discovery run covered it in cycle " + cycle.key()
                                + ", so the absence of findings there means nothing", numbers("runs", 0)));
            }
        }
        for (Surface surface : scope) {
            Instant last = lastCovered.get(surface.key());
            if (last != null && last.isBefore(closedAt.minus(STALE_AFTER))) {
                long days = Duration.between(last, closedAt).toDays();
                items.add(new Draft(RecommendationKind.STALE_COVERAGE, surface.key(), "last covered on "
                        + LocalDate.ofInstant(last, ZoneOffset.UTC) + ", " + days + " days before closure (stale after "
                        + STALE_AFTER.toDays() + ")", numbers("daysSinceCovered", days,
                        "staleAfterDays", STALE_AFTER.toDays())));
            }
        }
        items.addAll(candidates(unscoped));
        List<RecommendedItem> numbered = new ArrayList<>(items.size());
        for (Draft item : items) {
            numbered.add(RecommendedItem.offered(cycle.key(), numbered.size() + 1, item.kind, item.subject,
                    item.reason, item.numbers));
        }
        return numbered;
    }

    private static List<Draft> candidates(List<DiscoveryFacts.UnscopedAsset> unscoped) {
        Map<String, long[]> byRule = new LinkedHashMap<>(); // findings, assets, latest sighting (epoch seconds)
        for (DiscoveryFacts.UnscopedAsset asset : unscoped) {
            candidateRule(asset).ifPresent(rule -> {
                long[] c = byRule.computeIfAbsent(rule, r -> new long[3]);
                c[0] += asset.findings();
                c[1]++;
                c[2] = Math.max(c[2], asset.lastSeen() == null ? 0 : asset.lastSeen().getEpochSecond());
            });
        }
        return byRule.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(CANDIDATES)
                .map(e -> {
                    long[] c = e.getValue();
                    return new Draft(RecommendationKind.CANDIDATE_ASSET, e.getKey(), c[0] + " findings on " + c[1]
                            + " assets no scope rule matched, last seen "
                            + LocalDate.ofInstant(Instant.ofEpochSecond(c[2]), ZoneOffset.UTC),
                            numbers("findings", c[0], "assets", c[1]));
                }).toList();
    }

    /**
     * The scope rule that would take the asset in: its host for a URL (so the URLs of one host are one candidate),
     * the asset itself otherwise; none for packages and other assets no rule kind can scope.
     */
    static Optional<String> candidateRule(DiscoveryFacts.UnscopedAsset asset) {
        String value = asset.value().trim();
        String text = switch (asset.kind()) {
            case HOST -> "host:" + value;
            case IP_ADDRESS -> "ip:" + value;
            case URL -> urlHost(value);
            case REPOSITORY -> "repo:" + value;
            case CONTAINER_IMAGE -> "image:" + value;
            case CLOUD_ACCOUNT -> "cloud:" + value;
            case PACKAGE, OTHER -> null;
        };
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScopeRule.parse(text).toString());
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static String urlHost(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null || host.isEmpty()) {
                return null;
            }
            boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
            return (literal ? "ip:" : "host:") + host.replace("[", "").replace("]", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Long> numbers(Object... pairs) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            numbers.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return numbers;
    }

    private record Draft(RecommendationKind kind, String subject, String reason, Map<String, Long> numbers) {
    }
}
