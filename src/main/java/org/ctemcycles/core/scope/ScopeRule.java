package org.ctemcycles.core.scope;

import java.util.Objects;

/**
 * One rule that ties assets to a surface: observations whose asset of the given kind matches the pattern belong to
 * the surface. A plain value; discovery matches it.
 */
public record ScopeRule(ScopeRuleKind kind, String pattern) {

    public ScopeRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
    }
}
