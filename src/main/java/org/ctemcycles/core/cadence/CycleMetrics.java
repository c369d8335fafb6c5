package org.ctemcycles.core.cadence;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.Surface;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a cycle's {@link MetricsSnapshot} from its register, validations, decisions and coverage. An SLA breach
 * is a finding still needing work (not verified, false positive or risk accepted) whose deadline is before today.
 */
final class CycleMetrics {

    private CycleMetrics() {
    }

    static MetricsSnapshot compute(Iterable<RegisterEntry> register, Set<String> validated, Map<String, String> tiers,
                                   List<Surface> scope, Set<String> covered, LocalDate today) {
        Map<String, Integer> stages = new HashMap<>();
        Map<String, Integer> byTier = new TreeMap<>();
        Map<FindingStatus, Integer> statuses = new EnumMap<>(FindingStatus.class);
        int breaches = 0;
        for (RegisterEntry entry : register) {
            String finding = entry.findingKey();
            stages.merge(MetricsSnapshot.DISCOVERED, 1, Integer::sum);
            if (tiers.containsKey(finding)) {
                stages.merge(MetricsSnapshot.PRIORITISED, 1, Integer::sum);
            }
            if (validated.contains(finding)) {
                stages.merge(MetricsSnapshot.VALIDATED, 1, Integer::sum);
            }
            if (entry.mobilised()) {
                stages.merge(MetricsSnapshot.MOBILISED, 1, Integer::sum);
            }
            if (!entry.residual()) {
                stages.merge(MetricsSnapshot.CLOSED, 1, Integer::sum);
            }
            byTier.merge(tiers.getOrDefault(finding, MetricsSnapshot.UNRANKED), 1, Integer::sum);
            statuses.merge(entry.status(), 1, Integer::sum);
            if (entry.needsWork() && entry.deadline() != null
                    && entry.deadline().isBefore(today)) {
                breaches++;
            }
        }
        long coveredInScope = scope.stream().filter(s -> covered.contains(s.key())).count();
        return new MetricsSnapshot(stages, byTier, statuses, breaches, scope.size(), (int) coveredInScope);
    }
}
