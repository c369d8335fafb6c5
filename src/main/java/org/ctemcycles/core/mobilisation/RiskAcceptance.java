package org.ctemcycles.core.mobilisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A recorded acceptance of a finding's risk: who owns the risk, the compensating control that stands in for a fix,
 * and the last day the acceptance holds; the scheduled check reopens the finding the day after.
 */
public record RiskAcceptance(String owner, String compensatingControl, LocalDate expiry, String acceptedBy,
                             Instant acceptedAt) {

    public RiskAcceptance {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(compensatingControl, "compensatingControl");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
