package org.ctemcycles.core.scope;

/**
 * What a scope rule's pattern is matched against: one kind per kind of asset an observation names (see
 * {@code core.finding.AssetKind}). The matching itself belongs to discovery; this type only names the kind.
 */
public enum ScopeRuleKind {
    HOST("Host name"),
    IP_RANGE("IP address or range"),
    URL_PREFIX("URL prefix"),
    REPOSITORY("Repository"),
    CONTAINER_IMAGE("Container image"),
    PACKAGE("Package"),
    CLOUD_ACCOUNT("Cloud account");

    private final String label;

    ScopeRuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
