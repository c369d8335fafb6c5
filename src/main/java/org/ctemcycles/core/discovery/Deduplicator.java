package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Placement;
import org.ctemcycles.core.scope.Scope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes a report's observations one at a time, as an importer streams them: maps each to its surface and canonical
 * asset ({@link Scope}), computes its {@link FindingIdentity}, and merges observations of one identity.
 *
 * <p>Memory is bounded whatever the report's size: the findings being merged are kept in memory up to a budget of
 * their estimated size; past it, they are written to a spill file sorted by identity hash and memory starts again
 * empty. The result merges the spill files and what is still in memory in one pass by identity hash (a k-way merge),
 * combining the parts of a finding in report order, so the result is the same as if everything had been kept in
 * memory. Besides the budget, what stays in memory grows only with the assets, surfaces and tools a report names.
 * Not thread-safe: one per import; {@link #close()} deletes the spill files.
 */
public final class Deduplicator implements AutoCloseable {

    /** CWE-79 before CWE-352: by number. */
    static final Comparator<String> CWE_ORDER = Comparator.comparingInt((String id) -> Integer.parseInt(id.substring(4)));
    /** Estimated bytes of findings kept in memory before they are spilled (about twice that in heap at most). */
    public static final long DEFAULT_MEMORY_BUDGET = 48L << 20;
    private static final int SPILL_BUFFER = 1 << 16;

    private final Scope scope;
    private final SourceKind sourceKindOverride;
    private final long memoryBudget;
    private final Path spillDirectory;
    private final Map<String, Merging> findings = new HashMap<>();
    private final Map<String, Set<String>> assetsBySurface = new HashMap<>();
    private final Map<SourceKind, Set<String>> surfacesBySourceKind = new HashMap<>();
    private final Map<ToolUseKey, ToolCount> tools = new LinkedHashMap<>();
    private final Map<String, String> toolKeys = new HashMap<>();
    private final java.security.MessageDigest sha256 = FindingIdentity.sha256();
    private final List<Path> spills = new ArrayList<>();
    private long inMemoryBytes;
    private int distinctInSpills;
    private int observations;
    private int outOfScope;

    /** @param sourceKindOverride the source kind every observation is taken to have, or null to keep the importer's */
    public Deduplicator(Scope scope, SourceKind sourceKindOverride) {
        this(scope, sourceKindOverride, DEFAULT_MEMORY_BUDGET, null);
    }

    /**
     * @param memoryBudget   estimated bytes of findings held in memory before they are spilled to disk
     * @param spillDirectory where spill files go, or null for the JDK's temporary directory
     */
    public Deduplicator(Scope scope, SourceKind sourceKindOverride, long memoryBudget, Path spillDirectory) {
        this.scope = scope;
        this.sourceKindOverride = sourceKindOverride;
        this.memoryBudget = memoryBudget;
        this.spillDirectory = spillDirectory;
    }

    public void add(Observation observation) {
        long position = observations++;
        Placement placement = scope.place(observation.asset());
        SourceKind kind = sourceKindOverride != null ? sourceKindOverride : observation.sourceKind();
        if (placement.inScope()) {
            assetsBySurface.computeIfAbsent(placement.surfaceKey(), k -> new HashSet<>())
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
            merging = new Merging(identity, placement, observation, position);
            findings.put(identity.hash(), merging);
            inMemoryBytes += estimate(observation) + 256;
        }
        inMemoryBytes += merging.add(observation, new SourceKey(kind, toolKey));
        if (inMemoryBytes > memoryBudget) {
            spill();
        }
    }

    /** What the observations so far amount to. The findings can be read (in identity order) until {@link #close()}. */
    public DedupResult result() {
        List<SpillCodec.Entry> inMemory = sortedInMemory();
        Map<String, Set<String>> assets = new HashMap<>();
        assetsBySurface.forEach((surface, keys) -> assets.put(surface, Set.copyOf(keys)));
        Map<SourceKind, Set<String>> surfaces = new LinkedHashMap<>();
        surfacesBySourceKind.forEach((kind, keys) -> surfaces.put(kind, Set.copyOf(keys)));
        List<DedupResult.ToolUse> toolUses = tools.values().stream()
                .map(t -> new DedupResult.ToolUse(t.kind, t.tool, t.version, t.count)).toList();
        List<Path> files = List.copyOf(spills);
        int upperBound = distinctInSpills + inMemory.size();
        return new DedupResult(new ObservedFindings(() -> new MergedIterator(files, inMemory), upperBound),
                observations, outOfScope, assets, surfaces, toolUses);
    }

    /** Deletes the spill files; the findings of a result can no longer be read afterwards. */
    @Override
    public void close() {
        for (Path file : spills) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
        spills.clear();
    }

    /** How many spill files the observations so far took (0 while everything fits in memory). */
    int spillCount() {
        return spills.size();
    }

    private List<SpillCodec.Entry> sortedInMemory() {
        List<SpillCodec.Entry> entries = new ArrayList<>(findings.size());
        for (Merging merging : findings.values()) {
            entries.add(new SpillCodec.Entry(merging.position, merging.toObservedFinding()));
        }
        entries.sort(Comparator.comparing(e -> e.finding().identity().hash()));
        return entries;
    }

    private void spill() {
        List<SpillCodec.Entry> entries = sortedInMemory();
        try {
            Path file = spillDirectory == null ? Files.createTempFile("ctem-dedup-", ".spill")
                    : Files.createTempFile(spillDirectory, "ctem-dedup-", ".spill");
            spills.add(file);
            try (SpillCodec.Out out = new SpillCodec.Out(Files.newOutputStream(file), SPILL_BUFFER)) {
                for (SpillCodec.Entry entry : entries) {
                    SpillCodec.write(out, entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deduplication spill file: " + e.getMessage(), e);
        }
        distinctInSpills += entries.size();
        findings.clear();
        inMemoryBytes = 0;
    }

    /** Roughly what an observation's text takes in the heap (two bytes a character, plus object headers). */
    private static long estimate(Observation o) {
        long chars = o.title().length() + o.tool().length() + o.ruleId().length() + o.location().length()
                + o.evidence().length() + o.toolVersion().length() + o.reportedSeverity().length();
        for (Map.Entry<String, String> attribute : o.attributes().entrySet()) {
            chars += attribute.getKey().length() + attribute.getValue().length() + 32;
        }
        for (String value : o.cves()) {
            chars += value.length() + 24;
        }
        for (String value : o.cvssVectors()) {
            chars += value.length() + 24;
        }
        return 2 * chars + 64L * (8 + o.attributes().size());
    }

    /** The parts of one finding, earlier report first, as one: see {@link Merging} for what wins. */
    static ObservedFinding combine(ObservedFinding earlier, ObservedFinding later) {
        TreeSet<String> cves = new TreeSet<>(earlier.cves());
        cves.addAll(later.cves());
        TreeSet<String> cwes = new TreeSet<>(CWE_ORDER);
        cwes.addAll(earlier.cwes());
        cwes.addAll(later.cwes());
        LinkedHashSet<String> vectors = new LinkedHashSet<>(earlier.cvssVectors());
        vectors.addAll(later.cvssVectors());
        Map<SourceKey, Sighting> sightings = new LinkedHashMap<>();
        earlier.sightings().forEach(s -> sightings.put(s.source(), s));
        for (Sighting s : later.sightings()) {
            sightings.merge(s.source(), s, (a, b) -> new Sighting(a.source(), a.tool(), a.toolVersion(),
                    Severities.rank(b.severity()) > Severities.rank(a.severity()) ? b.severity() : a.severity(),
                    Severities.rank(b.severity()) > Severities.rank(a.severity()) ? b.rawSeverity() : a.rawSeverity(),
                    a.observations() + b.observations(), a.location(), a.evidence(), a.attributes(), a.vex()));
        }
        return new ObservedFinding(earlier.identity(), earlier.placement(), earlier.title(), earlier.tool(),
                earlier.ruleId(), earlier.location(), Severities.max(earlier.severity(), later.severity()),
                List.copyOf(cves), List.copyOf(cwes), List.copyOf(vectors),
                earlier.observations() + later.observations(), List.copyOf(sightings.values()),
                earlier.deployment());
    }

    /**
     * Reads the spill files and the in-memory part together in identity order, combining the parts of each finding
     * (spill files hold earlier observations than later files and than memory).
     */
    private static final class MergedIterator implements Iterator<SpillCodec.Entry>, AutoCloseable {

        private final List<Source> sources = new ArrayList<>();
        private final PriorityQueue<Source> queue = new PriorityQueue<>(
                Comparator.comparing((Source s) -> s.current.finding().identity().hash()).thenComparingInt(s -> s.order));

        MergedIterator(List<Path> files, List<SpillCodec.Entry> inMemory) {
            for (Path file : files) {
                sources.add(new FileSource(sources.size(), file));
            }
            sources.add(new ListSource(sources.size(), inMemory.iterator()));
            for (Source source : sources) {
                if (source.advance()) {
                    queue.add(source);
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (queue.isEmpty()) {
                close();
                return false;
            }
            return true;
        }

        @Override
        public SpillCodec.Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Source first = queue.poll();
            SpillCodec.Entry merged = first.current;
            String hash = merged.finding().identity().hash();
            requeue(first);
            while (!queue.isEmpty() && queue.peek().current.finding().identity().hash().equals(hash)) {
                Source next = queue.poll();
                merged = new SpillCodec.Entry(merged.firstSeen(), combine(merged.finding(), next.current.finding()));
                requeue(next);
            }
            return merged;
        }

        private void requeue(Source source) {
            if (source.advance()) {
                queue.add(source);
            }
        }

        @Override
        public void close() {
            for (Source source : sources) {
                source.close();
            }
        }
    }

    /** One sorted run of findings: a spill file or the in-memory rest. */
    private abstract static class Source {
        final int order;
        SpillCodec.Entry current;

        Source(int order) {
            this.order = order;
        }

        abstract boolean advance();

        void close() {
        }
    }

    private static final class ListSource extends Source {
        private final Iterator<SpillCodec.Entry> entries;

        ListSource(int order, Iterator<SpillCodec.Entry> entries) {
            super(order);
            this.entries = entries;
        }

        @Override
        boolean advance() {
            current = entries.hasNext() ? entries.next() : null;
            return current != null;
        }
    }

    private static final class FileSource extends Source {
        private final Path file;
        private SpillCodec.In in;

        FileSource(int order, Path file) {
            super(order);
            this.file = file;
        }

        @Override
        boolean advance() {
            try {
                if (in == null) {
                    in = new SpillCodec.In(Files.newInputStream(file), SPILL_BUFFER);
                }
                current = SpillCodec.read(in);
                if (current == null) {
                    close();
                }
                return current != null;
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read the deduplication spill file: " + e.getMessage(), e);
            }
        }

        @Override
        void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // a spill file that was read is deleted with its deduplicator
                }
                in = null;
            }
        }
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

    /**
     * One finding being merged: title, tool, rule and location are the first observation's; CVEs, CWEs and vectors
     * the union; the severity the highest; per source, the first observation's words and the highest severity.
     */
    private static final class Merging {
        final FindingIdentity identity;
        final Placement placement;
        final Observation first;
        final long position;
        final TreeSet<String> cves = new TreeSet<>();
        final Set<String> cwes = new TreeSet<>(CWE_ORDER);
        final Set<String> vectors = new LinkedHashSet<>();
        final Map<SourceKey, MergingSighting> sightings = new LinkedHashMap<>(2);
        ObservedSeverity severity = ObservedSeverity.UNKNOWN;
        int observations;

        Merging(FindingIdentity identity, Placement placement, Observation first, long position) {
            this.identity = identity;
            this.placement = placement;
            this.first = first;
            this.position = position;
        }

        /** @return the estimated bytes it added to memory */
        long add(Observation observation, SourceKey source) {
            observations++;
            long added = 0;
            cves.addAll(FindingIdentity.cves(observation.cves()));
            cwes(observation.cwes(), cwes);
            for (String vector : observation.cvssVectors()) {
                if (vector != null && !vector.isBlank()) {
                    vectors.add(vector.trim());
                }
            }
            severity = Severities.max(severity, observation.severity());
            MergingSighting sighting = sightings.get(source);
            if (sighting == null) {
                sighting = new MergingSighting(source, observation);
                sightings.put(source, sighting);
                added += observation == first ? 96 : estimate(observation) + 96;
            }
            sighting.add(observation);
            return added;
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
