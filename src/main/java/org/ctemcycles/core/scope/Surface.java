package org.ctemcycles.core.scope;

import java.util.List;
import java.util.Objects;

/**
 * A surface a cycle scoped: a business process, customer-facing system, regulated data flow, third-party connection
 * or identity surface, with its business owner, criticality, exposure, success criterion, and the scope rules that
 * say which assets belong to it. Discovery maps every observation to a surface through these rules.
 *
 * @param key              unique within the cycle, upper case (e.g. PAYMENTS-API)
 * @param businessOwner    the Jira user key of the business owner, or "" while not yet named (null reads as "")
 * @param criticality      null while not yet calibrated
 * @param exposure         null while not yet known
 * @param successCriterion what this cycle must achieve on the surface, or "" while not yet written
 */
public record Surface(String key, String cycleKey, String name, SurfaceKind kind, String businessOwner,
                      Criticality criticality, Exposure exposure, String successCriterion, List<ScopeRule> rules) {

    public Surface {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        businessOwner = businessOwner == null ? "" : businessOwner;
        successCriterion = successCriterion == null ? "" : successCriterion;
        rules = List.copyOf(rules);
    }
}
