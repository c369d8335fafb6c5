package org.ctemcycles.core.priority;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A named factor that moves a finding's score, with the evidence that it is in place (Brinqa-style risk factors): a
 * WAF virtual patch, network isolation, or a negative one such as an exposed admin interface. Evidence is required:
 * a control nobody can show does not lower a score.
 *
 * @param name     what the control is, e.g. "WAF virtual patch (rule 942100)"
 * @param points   how it moves the score, one decimal at most: negative lowers, positive raises
 * @param evidence where an auditor can check it, e.g. "change CHG-1234, WAF policy export 2026-10-02"
 */
public record CompensatingControl(String name, BigDecimal points, String evidence) {

    public CompensatingControl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(evidence, "evidence");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a compensating control needs a name");
        }
        if (evidence.isBlank()) {
            throw new IllegalArgumentException("compensating control '" + name + "' needs its evidence");
        }
        if (points.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException("compensating control '" + name + "': points have at most one decimal");
        }
    }
}
