package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Placement;
import org.ctemcycles.core.scope.Scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes a report's observations one at a time, as an importer streams them: maps each to its surface and canonical
 * asset ({@link Scope}), computes its {@link FindingIdentity}, and merges observations of one identity. Memory grows
 * with the number of distinct findings, not with the number of observations. Not thread-safe: one per import.
 */
public final class Deduplicator {

    /** CWE-79 before CWE-352: by number. */
    static final Comparator<String> CWE_ORDER = Comparator.comparingInt((String id) -> Integer.parseInt(id.substring(4)));

    private final Scope scope;
    private final SourceKind sourceKindOverride;
    private final Map<String, Merging> findings = new LinkedHashMap<>();
    private final Map<String, Set<String>> assetsBySurface = new HashMap<>();
    private final Map<SourceKind, Set<String>> surfacesBySourceKind = new HashMap<>();
    private final Map<ToolUseKey, ToolCount> tools = new LinkedHashMap<>();
    private final Map<String, String> toolKeys = new HashMap<>();
    private final java.security.MessageDigest sha256 = FindingIdentity.sha256();
    private int observations;
    private int outOfScope;

    /** @param sourceKindOverride the source kind every observation is taken to have, or null to keep the importer's */
    public Deduplicator(Scope scope, SourceKind sourceKindOverride) {
        this.scope = scope;
        this.sourceKindOverride = sourceKindOverride;
    }

    public void add(Observation observation) {
        observations++;
        Placement placement = scope.place(observation.asset());
        SourceKind kind = sourceKindOverride != null ? sourceKindOverride : observation.sourceKind();
        if (placement.inScope()) {
            assetsBySurface.computeIfAbsent(placement.surfaceKey(), k -> new java.util.HashSet<>())
                    .add(ObservedFinding.coverageKey(placement.asset(), observation.deployment()));
            surfacesBySourceKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(placement.surfaceKey());
        } else {
            outOfScope++;
        }
        String toolKey = toolKeys.computeIfAbsent(observation.tool(), FindingIdentity::toolKey);
        tools.computeIfAbsent(new ToolUseKey(kind, observation.tool(), observation.toolVersion()),
                k -> new ToolCount(kind, observation.tool().trim(), observation.toolVersion())).count++;
        FindingIdentity identity = FindingIdentity.of(observation, placement.asset(), sha256);
        Merging merging = findings.get(identity.hash());
        if (merging == null) {
            merging = new Merging(identity, placement, observation);
            findings.put(identity.hash(), merging);
        }
        merging.add(observation, new SourceKey(kind, toolKey));
    }

    /** What the observations so far amount to. */
    public DedupResult result() {
        List<ObservedFinding> out = new ArrayList<>(findings.size());
        for (Merging merging : findings.values()) {
            out.add(merging.toObservedFinding());
        }
        Map<String, Set<String>> assets = new HashMap<>();
        assetsBySurface.forEach((surface, seen) -> assets.put(surface, Set.copyOf(seen)));
        Map<SourceKind, Set<String>> surfaces = new LinkedHashMap<>();
        surfacesBySourceKind.forEach((kind, keys) -> surfaces.put(kind, Set.copyOf(keys)));
        List<DedupResult.ToolUse> toolUses = tools.values().stream()
                .map(t -> new DedupResult.ToolUse(t.kind, t.tool, t.version, t.count)).toList();
        return new DedupResult(out, observations, outOfScope, assets, surfaces, toolUses);
    }

    /** CWE ids as "CWE-n", whichever way the tool wrote them ("89", "cwe-89", "CWE-089"); others are left out. */
    static List<String> cwes(List<String> raw, Set<String> into) {
        for (String id : raw) {
            String cwe = cwe(id);
            if (cwe != null) {
                into.add(cwe);
            }
        }
        return List.copyOf(into);
    }

    /** One CWE id in canonical form, or null (checked by hand: this runs per observation). */
    static String cwe(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        int start = s.regionMatches(true, 0, "CWE-", 0, 4) ? 4 : 0;
        if (s.length() == start || s.length() - start > 9) {
            return null;
        }
        int number = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            number = number * 10 + (c - '0');
        }
        return "CWE-" + number;
    }

    /** A tool at one version as one source kind. */
    private record ToolUseKey(SourceKind kind, String tool, String version) {
    }

    private static final class ToolCount {
        final SourceKind kind;
        final String tool;
        final String version;
        int count;

        ToolCount(SourceKind kind, String tool, String version) {
            this.kind = kind;
            this.tool = tool;
            this.version = version;
        }
    }

    /** One finding being merged. */
    private static final class Merging {
        final FindingIdentity identity;
        final Placement placement;
        final Observation first;
        final TreeSet<String> cves = new TreeSet<>();
        final Set<String> cwes = new TreeSet<>(CWE_ORDER);
        final Set<String> vectors = new LinkedHashSet<>();
        final Map<SourceKey, MergingSighting> sightings = new LinkedHashMap<>(2);
        ObservedSeverity severity = ObservedSeverity.UNKNOWN;
        int observations;

        Merging(FindingIdentity identity, Placement placement, Observation first) {
            this.identity = identity;
            this.placement = placement;
            this.first = first;
        }

        void add(Observation observation, SourceKey source) {
            observations++;
            cves.addAll(FindingIdentity.cves(observation.cves()));
            cwes(observation.cwes(), cwes);
            for (String vector : observation.cvssVectors()) {
                if (vector != null && !vector.isBlank()) {
                    vectors.add(vector.trim());
                }
            }
            severity = Severities.max(severity, observation.severity());
            sightings.computeIfAbsent(source, s -> new MergingSighting(s, observation)).add(observation);
        }

        ObservedFinding toObservedFinding() {
            List<Sighting> merged = new ArrayList<>(sightings.size());
            for (MergingSighting s : sightings.values()) {
                merged.add(s.toSighting());
            }
            return new ObservedFinding(identity, placement, first.title(), first.tool().trim(), first.ruleId().trim(),
                    first.location().trim(), severity, List.copyOf(cves), List.copyOf(cwes), List.copyOf(vectors),
                    observations, merged, first.deployment());
        }
    }

    private static final class MergingSighting {
        final SourceKey source;
        final Observation first;
        ObservedSeverity severity = ObservedSeverity.UNKNOWN;
        String rawSeverity = "";
        int observations;

        MergingSighting(SourceKey source, Observation first) {
            this.source = source;
            this.first = first;
        }

        void add(Observation observation) {
            observations++;
            if (observations == 1 || Severities.rank(observation.severity()) > Severities.rank(severity)) {
                severity = observation.severity();
                rawSeverity = observation.reportedSeverity();
            }
        }

        Sighting toSighting() {
            return new Sighting(source, first.tool().trim(), first.toolVersion(), severity, rawSeverity, observations,
                    first.location(), first.evidence(), first.attributes(), first.vex());
        }
    }
}
