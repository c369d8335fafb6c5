package org.ctemcycles.jira.admin;

import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.Tier;

import java.util.ArrayList;
import java.util.List;

/** The prioritisation policy in use, for the configuration page: its id and version and the values a lead asks about. */
public final class PolicyView {

    private final PriorityPolicy policy;

    PolicyView(PriorityPolicy policy) {
        this.policy = policy;
    }

    public String getId() {
        return policy.id();
    }

    public String getVersion() {
        return Integer.toString(policy.version());
    }

    public String getDescription() {
        return policy.description();
    }

    /** Where each tier starts, e.g. "CRITICAL 80, HIGH 60, MEDIUM 35". */
    public String getTierThresholds() {
        List<String> parts = new ArrayList<>();
        policy.tierThresholds().forEach((tier, from) -> parts.add(tier.name() + " " + from.toPlainString()));
        return String.join(", ", parts);
    }

    /** The internal SLA in days per tier, e.g. "CRITICAL 7, HIGH 30, MEDIUM 90, LOW 120"; "" when it is off. */
    public String getSlaDays() {
        if (!policy.internalSla()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Integer days = policy.slaDays().get(tier);
            if (days != null) {
                parts.add(tier.name() + " " + days);
            }
        }
        return String.join(", ", parts);
    }

    public String getRegulatoryRules() {
        return policy.regulatoryRules().name();
    }

    public String getEpssMaxAgeDays() {
        return Long.toString(policy.epssMaxAge().toDays());
    }

    public String getKevMaxAgeDays() {
        return Long.toString(policy.kevMaxAge().toDays());
    }
}
