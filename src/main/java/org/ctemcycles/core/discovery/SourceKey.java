package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.util.Objects;

/**
 * A discovery source as signals are attributed to it: its kind and its tool (compared case-insensitively). A
 * complete run soft-deletes only the signals of its own sources, since another tool, or the same tool run
 * unauthenticated instead of authenticated, could never have seen what they saw.
 *
 * @param toolKey the tool name as {@link org.ctemcycles.core.finding.FindingIdentity#toolKey} writes it
 */
public record SourceKey(SourceKind kind, String toolKey) {

    public SourceKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toolKey, "toolKey");
    }

    /** "KIND/tool", the form kept in a finding's per-source severities. */
    @Override
    public String toString() {
        return kind.name() + "/" + toolKey;
    }
}
