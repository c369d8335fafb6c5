package org.ctemcycles.core.cadence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a cycle delivered and what it leaves, written when it closes: findings verified and dismissed as false
 * positives, the residual queue carried over (of which {@code riskAccepted} are accepted risks still to watch), the
 * surface changes made while the cycle ran, the scope proposed for the next cycle, and the metrics at closure.
 */
public record ClosureSummary(String cycleKey, Instant closedAt, String closedBy, List<String> delivered,
                             List<String> falsePositives, List<String> carriedOver, int riskAccepted,
                             List<String> surfaceChanges, List<String> nextScope, MetricsSnapshot metrics) {

    public ClosureSummary {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(metrics, "metrics");
        delivered = List.copyOf(delivered);
        falsePositives = List.copyOf(falsePositives);
        carriedOver = List.copyOf(carriedOver);
        surfaceChanges = List.copyOf(surfaceChanges);
        nextScope = List.copyOf(nextScope);
    }
}
