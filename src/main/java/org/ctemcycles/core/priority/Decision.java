package org.ctemcycles.core.priority;

import org.ctemcycles.core.scoring.ssvc.SsvcDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The immutable, timestamped prioritisation record of one finding: its 0-100 score (the exact sum of its factors'
 * contributions), tier, SSVC outcome, deadline and the rule that set it, every factor with its provenance, the feeds
 * used and their freshness, and the policy id and version. Re-prioritising makes a new Decision; none is ever changed.
 * {@link #rationale()} is generated from these fields alone, so it can never disagree with the score.
 *
 * @param score tenths of a point, 0 to 1000
 */
public record Decision(String findingKey, int score, Tier tier, SsvcDecision ssvc, Deadline deadline,
                       List<Factor> factors, List<FeedUse> feeds, String policyId, int policyVersion,
                       Instant decidedAt) {

    /**
     * The queue order: higher score first; on equal scores the earlier deadline (none last); then the finding key, so
     * the same inputs always give the same order.
     */
    public static final Comparator<Decision> RANKING = (a, b) -> {
        if (a.score != b.score) {
            return Integer.compare(b.score, a.score);
        }
        if (a.deadline.date() != null || b.deadline.date() != null) {
            if (a.deadline.date() == null) {
                return 1;
            }
            if (b.deadline.date() == null) {
                return -1;
            }
            int byDate = a.deadline.date().compareTo(b.deadline.date());
            if (byDate != 0) {
                return byDate;
            }
        }
        return a.findingKey.compareTo(b.findingKey);
    };

    public Decision {
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(ssvc, "ssvc");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        factors = List.copyOf(factors);
        feeds = List.copyOf(feeds);
        if (score < 0 || score > 1000) {
            throw new IllegalArgumentException("score out of 0-100: " + score / 10.0);
        }
        int sum = 0;
        for (Factor factor : factors) {
            sum += factor.contribution();
        }
        if (sum != score) {
            throw new IllegalArgumentException("the factors add up to " + sum / 10.0 + ", not to the score "
                    + score / 10.0);
        }
    }

    /** How the factor of a KEV entry that counted begins (the rules write it; {@link #inKev()} reads it). */
    public static final String IN_KEV = "in CISA KEV (";

    /** Whether a CISA KEV entry counted for the finding when it was ranked. */
    public boolean inKev() {
        return factors.stream().anyMatch(f -> f.kind() == FactorKind.KEV && f.label().startsWith(IN_KEV));
    }

    /** The score in points with one decimal, e.g. 87.5. */
    public BigDecimal scorePoints() {
        return BigDecimal.valueOf(score, 1);
    }

    /**
     * One sentence built from the factors, e.g. "Critical (score 100.0, SSVC Act): in CISA KEV ... +25.0; ...;
     * capped at 100 -27.5. Due 2021-12-24 (KEV dueDate as published), overdue on arrival."
     */
    public String rationale() {
        StringBuilder out = new StringBuilder(256);
        out.append(tier.label()).append(" (score ").append(scorePoints().toPlainString()).append(", SSVC ")
                .append(ssvc.label()).append(", policy ").append(policyId).append(" v").append(policyVersion)
                .append("): ");
        boolean first = true;
        StringBuilder unknown = new StringBuilder();
        for (Factor factor : factors) {
            if (factor.contribution() == 0) {
                if (factor.label().endsWith(" unknown")) {
                    unknown.append(unknown.isEmpty() ? "" : ", ").append(factor.label());
                }
                continue;
            }
            out.append(first ? "" : "; ").append(factor.label()).append(' ').append(factor.signedPoints());
            first = false;
        }
        if (first) {
            out.append("no factor moved the score");
        }
        out.append('.');
        if (!unknown.isEmpty()) {
            out.append(" Not known: ").append(unknown).append('.');
        }
        if (deadline.date() != null) {
            out.append(" Due ").append(deadline.date()).append(" (").append(deadline.rule()).append(')');
            if (deadline.overdue()) {
                out.append(", already overdue");
            }
            if (deadline.forensic()) {
                out.append(", with a forensic investigation");
            }
            out.append('.');
        } else {
            out.append(" No deadline applies.");
        }
        for (FeedUse feed : feeds) {
            if (feed.stale()) {
                out.append(' ').append(feed.feed()).append(" feed ").append(feed.version()).append(" is ")
                        .append(feed.freshness().describe()).append('.');
            }
        }
        return out.toString();
    }
}
