package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A deduplicated exposure in a cycle: every observation with the same {@link FindingIdentity} is this one finding,
 * and each discovery run that saw it added a {@link Signal}. Title, rule, tool and location are those of the latest
 * sighting (for people to read); CVEs, CWEs and CVSS vectors are the union of everything reported for it; the
 * severity is the highest of each source's latest report.
 *
 * @param surfaceKey          the surface its asset maps to, or null when no scope rule matched (out of scope)
 * @param fixCandidateRunId   the run that covered its surface and no longer saw it (a fix candidate for retest), or
 *                            0; cleared when a later run sees it again
 * @see #key()
 */
public record Finding(long id, String cycleKey, FindingIdentity identity, String surfaceKey, Asset asset,
                      String title, String tool, String ruleId, String location, ObservedSeverity severity,
                      FindingStatus status, List<String> cves, List<String> cwes, List<String> cvssVectors,
                      Instant firstSeen, Instant lastSeen, long firstRunId, long lastRunId, long fixCandidateRunId) {

    public Finding {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        cves = List.copyOf(cves);
        cwes = List.copyOf(cwes);
        cvssVectors = List.copyOf(cvssVectors);
    }

    /** How {@link #key()} begins. */
    public static final String KEY_PREFIX = "F-";
    private static final int KEY_DIGITS = 16;

    /**
     * The finding's key in the cycle record (register, decisions, validation, tracker issues, evidence pack):
     * {@value #KEY_PREFIX} and the first 16 hex digits of its identity. The identity leaves the cycle out, so the
     * key stays the same when the finding is seen again in the next cycle; 64 bits make a clash between two findings
     * of one organisation negligible (about 1 in 10^9 at a million findings) while staying short enough to type.
     */
    public String key() {
        return keyOf(identity.hash());
    }

    /** The key of the finding whose identity hash is {@code identityHash} (see {@link #key()}). */
    public static String keyOf(String identityHash) {
        return KEY_PREFIX + identityHash.substring(0, Math.min(KEY_DIGITS, identityHash.length()));
    }

    public boolean inScope() {
        return surfaceKey != null;
    }

    public boolean fixCandidate() {
        return fixCandidateRunId != 0;
    }
}
