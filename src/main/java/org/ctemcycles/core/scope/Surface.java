package org.ctemcycles.core.scope;

import java.util.List;
import java.util.Objects;

/**
 * A surface in a cycle's scope: a business process, customer-facing system, regulated data flow, third-party
 * connection or identity surface, tied to a business owner (a Jira user key), a criticality, an exposure, a success
 * criterion and the scope rules that map observations to it. Identified by {@code key} within its cycle.
 *
 * @param businessOwner    the Jira user key of the owner, or "" while none is named
 * @param criticality      null while not yet calibrated
 * @param exposure         null while not yet known
 * @param successCriterion what this cycle must achieve on the surface, or "" while none is written
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
