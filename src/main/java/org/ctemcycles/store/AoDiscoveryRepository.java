package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import net.java.ao.Query;
import org.ctemcycles.core.discovery.CoverageRecord;
import org.ctemcycles.core.discovery.DiscoveryRepository;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.LiveSignal;
import org.ctemcycles.core.discovery.NewSignal;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.discovery.Sighting;
import org.ctemcycles.core.discovery.SourceKey;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;

import java.lang.reflect.Type;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Discovery's runs, findings, signals and coverage on Active Objects. Collections are written with AO's batch insert
 * ({@code create(type, rows)} per chunk: inside Jira AO's JDBC batch; on the command line at most two statements on H2,
 * ADR 053, or one COPY on PostgreSQL, ADR 043) and read with chunked {@code IN} queries or key ranges, so an import
 * costs a number of statements that grows with chunks, not rows (updates of existing rows are one statement each, as
 * AO has no batch update).
 */
public class AoDiscoveryRepository implements DiscoveryRepository {

    /** Bind parameters per IN query: far below every supported database's limit. */
    static final int IN_CHUNK = 500;
    /** Rows per batch insert. */
    public static final int INSERT_CHUNK = 1_000;
    private static final int MAX_STORED_WARNINGS = 100;
    private static final Type ATTRIBUTES = new TypeToken<Map<String, String>>() { }.getType();

    /**
     * A source's live signals may be read finding by finding once they outnumber its cycle's findings this many times
     * (ADR 049): every run that sees a finding adds a live signal, so a source scanned n times has about n per
     * finding it still sees.
     */
    static final int LIVE_SIGNALS_PER_FINDING = 2;

    /** How {@link #liveSignals} reads: as the counts suggest, or always one way (tests compare the two). */
    enum LiveSignalReads { CHOSEN, BY_SOURCE, BY_FINDING }

    private final ActiveObjects ao;
    private final KeyRangeReader keyRanges;
    private final Gson gson = new Gson();
    private final LiveSignalReads liveSignalReads;

    public AoDiscoveryRepository(ActiveObjects ao) {
        this(ao, LiveSignalReads.CHOSEN);
    }

    AoDiscoveryRepository(ActiveObjects ao, LiveSignalReads liveSignalReads) {
        this.ao = ao;
        this.keyRanges = new KeyRangeReader(ao);
        this.liveSignalReads = liveSignalReads;
    }

    // ----- runs -----

    @Override
    public Optional<DiscoveryRun> findRunByContent(String cycleKey, String contentSha256) {
        DiscoveryRunEntity[] rows = ao.find(DiscoveryRunEntity.class,
                Query.select().where("IMPORT_KEY = ?", importKey(cycleKey, contentSha256)));
        return rows.length == 0 ? Optional.empty() : Optional.of(toRun(rows[0]));
    }

    private static String importKey(String cycleKey, String sha256) {
        return cycleKey + "/" + sha256;
    }

    @Override
    public long insertRun(DiscoveryRun run) {
        Map<String, Object> row = new HashMap<>();
        row.put("CYCLE_KEY", run.cycleKey());
        // AO makes unique columns NOT NULL: a manual entry, which has no content, and a partial run, whose report may
        // be imported again once fixed, get a key of their own; only a complete run holds its content's key
        row.put("IMPORT_KEY", run.contentSha256().isEmpty() ? run.cycleKey() + "/manual/" + UUID.randomUUID()
                : run.partial() ? run.cycleKey() + "/partial/" + UUID.randomUUID()
                : importKey(run.cycleKey(), run.contentSha256()));
        row.put("SOURCE_KIND", run.sourceKind().name());
        row.put("TOOL", storable(run.tool()));
        row.put("TOOL_VERSION", storable(run.toolVersion()));
        row.put("REPORT_FORMAT", run.format());
        row.put("FILE_NAME", storable(run.fileName()));
        row.put("CONTENT_HASH", run.contentSha256().isEmpty() ? null : run.contentSha256());
        row.put("SCANNED_AT_MILLIS", run.scannedAt().toEpochMilli());
        row.put("IMPORTED_AT_MILLIS", run.importedAt().toEpochMilli());
        row.put("IMPORTED_BY", storable(run.importedBy()));
        row.put("COMPLETE", run.complete());
        row.put("DECLARED_SURFACES", String.join("\n", run.declaredSurfaces()));
        row.put("COVERED_SURFACES", String.join("\n", run.coveredSurfaces()));
        row.put("WARNING_COUNT", run.warnings().size());
        row.put("WARNINGS", storable(String.join("\n", run.warnings().subList(0,
                Math.min(MAX_STORED_WARNINGS, run.warnings().size())))));
        putCounts(row, run.counts());
        return ao.create(DiscoveryRunEntity.class, row).getID();
    }

    private static void putCounts(Map<String, Object> row, RunCounts counts) {
        row.put("OBSERVATIONS", counts.observations());
        row.put("NEW_FINDINGS", counts.newFindings());
        row.put("MERGED", counts.merged());
        row.put("OUT_OF_SCOPE", counts.outOfScope());
        row.put("FIX_CANDIDATES", counts.fixCandidates());
        row.put("REAPPEARED", counts.reappeared());
    }

    @Override
    public void completeRun(long runId, List<String> coveredSurfaces, RunCounts counts) {
        DiscoveryRunEntity run = load(DiscoveryRunEntity.class, "ID, COVERED_SURFACES, OBSERVATIONS, NEW_FINDINGS, MERGED,"
                + " OUT_OF_SCOPE, FIX_CANDIDATES, REAPPEARED, WARNING_COUNT", List.of(runId)).get(0);
        run.setCoveredSurfaces(String.join("\n", coveredSurfaces));
        run.setObservations(counts.observations());
        run.setNewFindings(counts.newFindings());
        run.setMerged(counts.merged());
        run.setOutOfScope(counts.outOfScope());
        run.setFixCandidates(counts.fixCandidates());
        run.setReappeared(counts.reappeared());
        run.setWarningCount(counts.warnings());
        run.save();
    }

    @Override
    public List<DiscoveryRun> runs(String cycleKey) {
        DiscoveryRunEntity[] rows = ao.find(DiscoveryRunEntity.class,
                Query.select().where("CYCLE_KEY = ?", cycleKey).order("SCANNED_AT_MILLIS DESC, ID DESC"));
        return Arrays.stream(rows).map(AoDiscoveryRepository::toRun).toList();
    }

    static DiscoveryRun toRun(DiscoveryRunEntity row) {
        RunCounts counts = new RunCounts(row.getObservations(), row.getNewFindings(), row.getMerged(),
                row.getOutOfScope(), row.getFixCandidates(), row.getReappeared(), row.getWarningCount());
        return new DiscoveryRun(row.getID(), row.getCycleKey(), SourceKind.valueOf(row.getSourceKind()),
                text(row.getTool()), text(row.getToolVersion()), row.getReportFormat(), text(row.getFileName()),
                text(row.getContentHash()), Instant.ofEpochMilli(row.getScannedAtMillis()),
                Instant.ofEpochMilli(row.getImportedAtMillis()), row.getImportedBy(), row.isComplete(),
                lines(row.getDeclaredSurfaces()), lines(row.getCoveredSurfaces()), counts, lines(row.getWarnings()));
    }

    // ----- findings -----

    @Override
    public Map<String, StoredFinding> findFindings(String cycleKey, Collection<String> identityHashes) {
        Map<String, StoredFinding> out = new HashMap<>();
        Set<String> keys = new HashSet<>();
        identityHashes.forEach(hash -> keys.add(cycleKey + "/" + hash));
        // streamed: rows are read into findings as they come, without an entity object each
        keyRanges.stream(FindingEntity.class, FINDING_COLUMNS + ", FINDING_KEY", "FINDING_KEY",
                FindingEntity::getFindingKey, keys, row -> out.put(row.getIdentityHash(), toStoredFinding(row)));
        return out;
    }

    /**
     * One batch insert per chunk, then the new ids by their unique finding keys, as the known findings are read (by
     * their range when it holds few other rows, else in lists of 500): every finding in the list is new in the same
     * cycle (as {@link org.ctemcycles.core.discovery.DiscoveryService} stores them, a chunk in identity order).
     */
    @Override
    public Map<String, Long> insertFindings(List<StoredFinding> findings) {
        if (findings.isEmpty()) {
            return Map.of();
        }
        Finding first = findings.get(0).finding();
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(findings.size(), INSERT_CHUNK));
        for (StoredFinding stored : findings) {
            Finding f = stored.finding();
            if (!f.cycleKey().equals(first.cycleKey())) {
                throw new IllegalArgumentException("new findings of one insert share their cycle");
            }
            rows.add(findingRow(stored));
            if (rows.size() == INSERT_CHUNK) {
                ao.create(FindingEntity.class, rows);
                rows = new ArrayList<>(INSERT_CHUNK);
            }
        }
        if (!rows.isEmpty()) {
            ao.create(FindingEntity.class, rows);
        }
        Map<String, Long> ids = new HashMap<>(findings.size() * 2);
        Set<String> keys = new HashSet<>(findings.size() * 2);
        String prefix = first.cycleKey() + "/";
        findings.forEach(stored -> keys.add(prefix + stored.finding().identity().hash()));
        // the key holds the identity hash: reading only the id and the key, H2 answers from the key's index alone,
        // without each row it points to
        keyRanges.stream(FindingEntity.class, "ID, FINDING_KEY", "FINDING_KEY", FindingEntity::getFindingKey, keys,
                row -> ids.put(row.getFindingKey().substring(prefix.length()), (long) row.getID()));
        return ids;
    }

    /** A finding as a row for AO's batch insert (public for the persistence benchmark, which inserts the same rows). */
    public static Map<String, Object> findingRow(StoredFinding stored) {
        Finding f = stored.finding();
        Map<String, Object> row = new HashMap<>(32);
        row.put("CYCLE_KEY", f.cycleKey());
        row.put("FINDING_KEY", f.cycleKey() + "/" + f.identity().hash());
        row.put("IDENTITY_HASH", f.identity().hash());
        row.put("IDENTITY_KIND", f.identity().kind().name());
        row.put("SURFACE_KEY", f.surfaceKey());
        row.put("ASSET_KIND", f.asset().kind().name());
        row.put("ASSET_KEY", storable(f.asset().key()));
        row.put("ASSET_VALUE", storable(f.asset().value()));
        row.put("TITLE", storable(f.title()));
        row.put("TOOL", storable(f.tool()));
        row.put("RULE_ID", storable(f.ruleId()));
        row.put("LOCATION", storable(f.location()));
        row.put("SEVERITY", f.severity().name());
        row.put("SOURCE_SEVERITIES", sourceSeverities(stored.sourceSeverities()));
        row.put("STATUS", f.status().name());
        row.put("CVES", String.join(",", f.cves()));
        row.put("CWES", String.join(",", f.cwes()));
        row.put("CVSS_VECTORS", storable(String.join("\n", f.cvssVectors())));
        row.put("FIRST_SEEN_MILLIS", f.firstSeen().toEpochMilli());
        row.put("FIRST_RUN_ID", f.firstRunId());
        row.put("CHANGED_BY_RUN_ID", f.firstRunId());
        row.put("FIX_CANDIDATE_RUN_ID", f.fixCandidateRunId());
        return withoutNulls(row);
    }

    /**
     * Writes each finding's mutable fields: one SELECT per chunk of 500 (AO reads a row's old values before it
     * changes them, so rows are loaded in bulk first), then one UPDATE per finding, as AO has no batch update.
     */
    @Override
    public void updateFindings(List<StoredFinding> findings, long runId) {
        Map<Long, StoredFinding> byId = new LinkedHashMap<>();
        findings.forEach(stored -> byId.put(stored.finding().id(), stored));
        for (FindingEntity row : load(FindingEntity.class, UPDATED_FINDING_COLUMNS, byId.keySet())) {
            StoredFinding stored = byId.get((long) row.getID());
            Finding f = stored.finding();
            row.setSurfaceKey(f.surfaceKey());
            row.setAssetValue(storable(f.asset().value()));
            row.setTitle(storable(f.title()));
            row.setTool(storable(f.tool()));
            row.setRuleId(storable(f.ruleId()));
            row.setLocation(storable(f.location()));
            row.setSeverity(f.severity().name());
            row.setSourceSeverities(sourceSeverities(stored.sourceSeverities()));
            row.setStatus(f.status().name());
            row.setCves(String.join(",", f.cves()));
            row.setCwes(String.join(",", f.cwes()));
            row.setCvssVectors(storable(String.join("\n", f.cvssVectors())));
            row.setFirstSeenMillis(f.firstSeen().toEpochMilli());
            row.setFixCandidateRunId(f.fixCandidateRunId());
            row.setChangedByRunId(runId);
            row.save();
        }
    }

    private static final String UPDATED_FINDING_COLUMNS = "ID, SURFACE_KEY, ASSET_VALUE, TITLE, TOOL, RULE_ID, LOCATION,"
            + " SEVERITY, SOURCE_SEVERITIES, STATUS, CVES, CWES, CVSS_VECTORS, FIRST_SEEN_MILLIS, FIX_CANDIDATE_RUN_ID,"
            + " CHANGED_BY_RUN_ID";

    /** Rows by id, with the given columns, one query per chunk of ids. */
    private <T extends net.java.ao.Entity> List<T> load(Class<T> type, String columns, Collection<Long> ids) {
        List<T> out = new ArrayList<>(ids.size());
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(ids)), IN_CHUNK)) {
            Object[] parameters = chunk.stream().map(Long::intValue).toArray();
            out.addAll(Arrays.asList(ao.find(type, Query.select(columns)
                    .where("ID IN (" + placeholders(chunk.size()) + ")", parameters))));
        }
        return out;
    }

    @Override
    public void markFixCandidates(Collection<Long> findingIds, long runId) {
        for (FindingEntity row : load(FindingEntity.class, "ID, FIX_CANDIDATE_RUN_ID", findingIds)) {
            row.setFixCandidateRunId(runId);
            row.save();
        }
    }

    @Override
    public List<Finding> findings(String cycleKey) {
        Map<Long, LastSighting> last = new HashMap<>();
        ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID, RUN_ID, SEEN_AT_MILLIS")
                        .where("CYCLE_KEY = ?", cycleKey),
                row -> last.merge(row.getFindingId(), new LastSighting(row.getRunId(), row.getSeenAtMillis()),
                        LastSighting::newest));
        List<Finding> out = new ArrayList<>();
        ao.stream(FindingEntity.class, Query.select(FINDING_COLUMNS).where("CYCLE_KEY = ?", cycleKey).order("ID ASC"),
                row -> out.add(toFinding(row, last.get((long) row.getID()))));
        return out;
    }

    @Override
    public Optional<Finding> finding(long findingId) {
        FindingEntity[] rows = ao.find(FindingEntity.class, Query.select(FINDING_COLUMNS)
                .where("ID = ?", (int) findingId));
        return rows.length == 0 ? Optional.empty() : Optional.of(withLastSightings(List.of(rows[0]), 0).get(0));
    }

    @Override
    public List<Finding> findingsOfRun(String cycleKey, long runId, long afterId, int limit) {
        Set<Long> ids = new java.util.TreeSet<>();
        long[] seenAt = {Long.MAX_VALUE};
        // the (run, finding) index yields the run's signals in finding order: a page costs what the first one does
        ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID, SEEN_AT_MILLIS")
                .where("RUN_ID = ? AND FINDING_ID > ?", runId, afterId).order("RUN_ID ASC, FINDING_ID ASC")
                .limit(limit), row -> {
                    ids.add(row.getFindingId());
                    seenAt[0] = Math.min(seenAt[0], row.getSeenAtMillis());
                });
        // every finding of the run was seen at the run's scan time: no older signal can be its newest
        return withLastSightings(load(FindingEntity.class, FINDING_COLUMNS, ids).stream()
                .filter(row -> row.getCycleKey().equals(cycleKey))
                .sorted(java.util.Comparator.comparingInt(FindingEntity::getID)).toList(), seenAt[0]);
    }

    @Override
    public List<Finding> fixCandidatesOfRun(String cycleKey, long runId, long afterId, int limit) {
        return withLastSightings(List.of(ao.find(FindingEntity.class, Query.select(FINDING_COLUMNS)
                .where("CYCLE_KEY = ? AND ID > ? AND FIX_CANDIDATE_RUN_ID = ?", cycleKey, (int) afterId, runId)
                .order("CYCLE_KEY ASC, ID ASC").limit(limit))), 0);
    }

    static final String FINDING_COLUMNS = "ID, CYCLE_KEY, IDENTITY_HASH, IDENTITY_KIND, SURFACE_KEY, ASSET_KIND,"
            + " ASSET_KEY, ASSET_VALUE, TITLE, TOOL, RULE_ID, LOCATION, SEVERITY, SOURCE_SEVERITIES, STATUS, CVES, CWES,"
            + " CVSS_VECTORS, FIRST_SEEN_MILLIS, FIRST_RUN_ID, FIX_CANDIDATE_RUN_ID";

    @Override
    public Set<Long> seenAfter(Collection<Long> findingIds, Instant at) {
        Set<Long> out = new HashSet<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(findingIds)), IN_CHUNK)) {
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(at.toEpochMilli());
            ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID")
                            .where("FINDING_ID IN (" + placeholders(chunk.size()) + ") AND SEEN_AT_MILLIS > ?",
                                    parameters.toArray()),
                    row -> out.add(row.getFindingId()));
        }
        return out;
    }

    @Override
    public boolean scannedAfter(String cycleKey, Instant at) {
        return ao.count(DiscoveryRunEntity.class, Query.select().where("CYCLE_KEY = ? AND SCANNED_AT_MILLIS > ?",
                cycleKey, at.toEpochMilli())) > 0;
    }

    @Override
    public boolean otherRuns(String cycleKey, long runId) {
        return ao.count(DiscoveryRunEntity.class, Query.select().where("CYCLE_KEY = ? AND ID <> ?", cycleKey,
                runId)) > 0;
    }

    /**
     * A finding as the write path reads it: the row alone. Its last sighting is taken to be its first (the write
     * path asks {@link #seenAfter} whether a later scan saw it, which is all it needs).
     */
    private StoredFinding toStoredFinding(FindingEntity row) {
        Map<SourceKey, ObservedSeverity> bySource = new LinkedHashMap<>();
        for (String line : lines(row.getSourceSeverities())) {
            int tab = line.indexOf('\t');
            String source = line.substring(0, tab);
            int slash = source.indexOf('/');
            bySource.put(new SourceKey(SourceKind.valueOf(source.substring(0, slash)), source.substring(slash + 1)),
                    ObservedSeverity.valueOf(line.substring(tab + 1)));
        }
        return new StoredFinding(toFinding(row, null), bySource);
    }

    private static String sourceSeverities(Map<SourceKey, ObservedSeverity> bySource) {
        StringBuilder out = new StringBuilder();
        bySource.forEach((source, severity) -> out.append(out.length() == 0 ? "" : "\n")
                .append(source).append('\t').append(severity.name()));
        return out.toString();
    }

    /**
     * A signal's attributes as the JSON object Gson's default {@code toJson} writes for them in key order (the same
     * text, its HTML-safe escapes and its leaving out of null values included; read back with Gson), without a writer
     * and an adapter look-up per signal: Gson's per-call set-up was 2% of a 14,219-finding re-scan.
     */
    static String attributesJson(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(64).append('{');
        for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(attributes).entrySet()) {
            if (attribute.getValue() == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            jsonString(out, attribute.getKey());
            out.append(':');
            jsonString(out, attribute.getValue());
        }
        return out.append('}').toString();
    }

    /** A JSON string with Gson's default escapes: quote, backslash, control characters, HTML's five, U+2028/2029. */
    private static void jsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '=', '\'', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** When a finding was last seen and by which run: its newest signal (the later run on a tie). */
    record LastSighting(long runId, long seenAtMillis) {

        static final LastSighting NONE = new LastSighting(0, 0);

        LastSighting newest(LastSighting other) {
            return other.seenAtMillis > seenAtMillis || other.seenAtMillis == seenAtMillis && other.runId > runId
                    ? other : this;
        }
    }

    /**
     * A finding row as the model's finding, last seen as its newest signal says (a finding always has one: it is
     * created with the signal of the run that first saw it).
     */
    static Finding toFinding(FindingEntity row, LastSighting last) {
        LastSighting seen = last == null ? new LastSighting(row.getFirstRunId(), row.getFirstSeenMillis()) : last;
        return new Finding(row.getID(), row.getCycleKey(),
                new FindingIdentity(FindingIdentity.Kind.valueOf(row.getIdentityKind()), row.getIdentityHash()),
                row.getSurfaceKey(), new Asset(AssetKind.valueOf(row.getAssetKind()), text(row.getAssetKey()),
                text(row.getAssetValue())), text(row.getTitle()), text(row.getTool()), text(row.getRuleId()),
                text(row.getLocation()), ObservedSeverity.valueOf(row.getSeverity()),
                FindingStatus.valueOf(row.getStatus()), split(row.getCves(), ','), split(row.getCwes(), ','),
                lines(row.getCvssVectors()), Instant.ofEpochMilli(row.getFirstSeenMillis()),
                Instant.ofEpochMilli(seen.seenAtMillis()), row.getFirstRunId(), seen.runId(),
                row.getFixCandidateRunId());
    }

    /**
     * The newest signal of each of these findings, of those seen at or after {@code since} (a finding with none
     * is not in the answer): one query per chunk over the (finding, seen at) index.
     */
    Map<Long, LastSighting> lastSightings(Collection<Long> findingIds, long since) {
        Map<Long, LastSighting> out = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(findingIds)), IN_CHUNK)) {
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(since);
            ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID, RUN_ID, SEEN_AT_MILLIS")
                            .where("FINDING_ID IN (" + placeholders(chunk.size()) + ") AND SEEN_AT_MILLIS >= ?",
                                    parameters.toArray()),
                    row -> out.merge(row.getFindingId(), new LastSighting(row.getRunId(), row.getSeenAtMillis()),
                            LastSighting::newest));
        }
        return out;
    }

    /** Rows as findings, each last seen as its signals say (all of them, or those seen since a time they all were). */
    List<Finding> withLastSightings(List<FindingEntity> rows, long since) {
        Map<Long, LastSighting> last = lastSightings(rows.stream().map(row -> (long) row.getID()).toList(), since);
        List<Finding> out = new ArrayList<>(rows.size());
        for (FindingEntity row : rows) {
            out.add(toFinding(row, last.get((long) row.getID())));
        }
        return out;
    }

    // ----- signals -----

    @Override
    public void insertSignals(List<NewSignal> signals) {
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(signals.size(), INSERT_CHUNK));
        for (NewSignal signal : signals) {
            rows.add(signalRow(signal));
            if (rows.size() == INSERT_CHUNK) {
                ao.create(FindingSignalEntity.class, rows);
                rows = new ArrayList<>(INSERT_CHUNK);
            }
        }
        if (!rows.isEmpty()) {
            ao.create(FindingSignalEntity.class, rows);
        }
    }

    private Map<String, Object> signalRow(NewSignal signal) {
        Sighting s = signal.sighting();
        Map<String, Object> row = new HashMap<>(32);
        row.put("FINDING_ID", signal.findingId());
        row.put("RUN_ID", signal.runId());
        row.put("CYCLE_KEY", signal.cycleKey());
        row.put("SURFACE_KEY", signal.surfaceKey());
        row.put("ASSET_KEY", storable(signal.assetKey()));
        row.put("SOURCE_KIND", s.source().kind().name());
        row.put("TOOL", storable(s.tool()));
        row.put("TOOL_KEY", storable(s.source().toolKey()));
        row.put("TOOL_VERSION", storable(s.toolVersion()));
        row.put("RAW_SEVERITY", storable(s.rawSeverity()));
        row.put("SEVERITY", s.severity().name());
        row.put("SEEN_AT_MILLIS", signal.seenAt().toEpochMilli());
        row.put("OBSERVATIONS", s.observations());
        row.put("LOCATION", storable(s.location()));
        row.put("EVIDENCE", storable(s.evidence()));
        row.put("ATTRIBUTES", s.attributes().isEmpty() ? null : attributesJson(s.attributes()));
        VexAnalysis vex = s.vex();
        if (vex != null) {
            row.put("VEX_STATE", storable(vex.state()));
            row.put("VEX_JUSTIFICATION", storable(vex.justification()));
            row.put("VEX_RESPONSE", storable(vex.response()));
            row.put("VEX_DETAIL", storable(vex.detail()));
        }
        row.put("DELETED_AT_MILLIS", 0L);
        row.put("DELETED_BY_RUN_ID", 0L);
        return withoutNulls(row);
    }

    /**
     * By the source's index ({@code signal_live_source}), or finding by finding when the source has more than {@value
     * #LIVE_SIGNALS_PER_FINDING} live signals per finding of the cycle and the run left few of the cycle's findings
     * unseen: the cycle's finding ids (one index range, a row each), then the live signals of the findings {@code
     * seen} refuses, through {@code signal_finding_seen} in lists of 500. A re-scan of a source that covers its cycle
     * then reads about as many rows as the cycle has findings, however often the source scanned it before (ADR 049).
     */
    @Override
    public void liveSignals(String cycleKey, SourceKey source, Collection<String> surfaceKeys, Instant before,
                            java.util.function.LongPredicate seen, java.util.function.Consumer<LiveSignal> signal) {
        if (surfaceKeys.isEmpty()) {
            return;
        }
        String ofSource = "CYCLE_KEY = ? AND SOURCE_KIND = ? AND TOOL_KEY = ? AND DELETED_AT_MILLIS = 0";
        if (liveSignalReads != LiveSignalReads.BY_SOURCE) {
            java.util.BitSet unseen = liveSignalReads == LiveSignalReads.BY_FINDING
                    ? unseenFindings(cycleKey, seen) : unseenIfFew(cycleKey, ofSource, source, seen);
            if (unseen != null) {
                liveSignalsByFinding(cycleKey, source, new HashSet<>(surfaceKeys), before, unseen, signal);
                return;
            }
        }
        for (List<String> chunk : chunks(new ArrayList<>(surfaceKeys), IN_CHUNK)) {
            List<Object> parameters = new ArrayList<>(List.of(cycleKey, source.kind().name(), source.toolKey(),
                    before.toEpochMilli()));
            parameters.addAll(chunk);
            ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID, SURFACE_KEY, ASSET_KEY")
                            .where(ofSource + " AND SEEN_AT_MILLIS < ? AND SURFACE_KEY IN ("
                                    + placeholders(chunk.size()) + ")", parameters.toArray()),
                    row -> signal.accept(new LiveSignal(row.getID(), row.getFindingId(), row.getSurfaceKey(),
                            text(row.getAssetKey()))));
        }
    }

    /**
     * The cycle's findings the run did not see, when reading their live signals promises to cost less than reading
     * the source's: the source has more than {@value #LIVE_SIGNALS_PER_FINDING} live signals per finding of the
     * cycle (two counts over indexes), and the unseen findings, if each has as many live signals as the source has
     * per seen finding, hold fewer than the source's beyond the cycle's finding count. Otherwise null. (Another
     * source's findings are unseen too: a cycle shared by sources reads by source unless few of them are.)
     */
    private java.util.BitSet unseenIfFew(String cycleKey, String ofSource, SourceKey source,
                                         java.util.function.LongPredicate seen) {
        long live = ao.count(FindingSignalEntity.class, Query.select().where(ofSource, cycleKey, source.kind().name(),
                source.toolKey()));
        long findings = ao.count(FindingEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey));
        if (live <= LIVE_SIGNALS_PER_FINDING * findings) {
            return null;
        }
        java.util.BitSet unseen = unseenFindings(cycleKey, seen);
        long unseenCount = unseen.cardinality();
        long seenCount = Math.max(1, findings - unseenCount);
        return unseenCount * live <= (live - findings) * seenCount ? unseen : null;
    }

    private java.util.BitSet unseenFindings(String cycleKey, java.util.function.LongPredicate seen) {
        java.util.BitSet unseen = new java.util.BitSet();
        ao.stream(FindingEntity.class, Query.select("ID").where("CYCLE_KEY = ?", cycleKey), row -> {
            if (!seen.test(row.getID())) {
                unseen.set(row.getID());
            }
        });
        return unseen;
    }

    /**
     * The live signals of the source on the surfaces, seen before {@code before}, of the {@code unseen} findings.
     * The signals are found by finding alone (the finding's index); which source, surface and time they belong to
     * is checked here, so that no database prefers the source's index for the look-up. A signal outside every
     * surface (NULL) is never one of them, as {@code SURFACE_KEY IN (...)} never matches NULL.
     */
    private void liveSignalsByFinding(String cycleKey, SourceKey source, Set<String> surfaceKeys, Instant before,
                                      java.util.BitSet unseen, java.util.function.Consumer<LiveSignal> signal) {
        List<Long> chunk = new ArrayList<>(IN_CHUNK);
        for (int id = unseen.nextSetBit(0); id >= 0; id = id == Integer.MAX_VALUE ? -1 : unseen.nextSetBit(id + 1)) {
            chunk.add((long) id);
            if (chunk.size() == IN_CHUNK) {
                liveSignalsOf(chunk, cycleKey, source, surfaceKeys, before, signal);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            liveSignalsOf(chunk, cycleKey, source, surfaceKeys, before, signal);
        }
    }

    private void liveSignalsOf(List<Long> findingIds, String cycleKey, SourceKey source, Set<String> surfaceKeys,
                               Instant before, java.util.function.Consumer<LiveSignal> signal) {
        ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID, CYCLE_KEY, SOURCE_KIND, TOOL_KEY,"
                                + " SURFACE_KEY, ASSET_KEY, SEEN_AT_MILLIS")
                        .where("DELETED_AT_MILLIS = 0 AND FINDING_ID IN (" + placeholders(findingIds.size()) + ")",
                                findingIds.toArray()),
                row -> {
                    if (row.getCycleKey().equals(cycleKey) && row.getSourceKind().equals(source.kind().name())
                            && row.getToolKey().equals(source.toolKey())
                            && row.getSeenAtMillis() < before.toEpochMilli()
                            && row.getSurfaceKey() != null && surfaceKeys.contains(row.getSurfaceKey())) {
                        signal.accept(new LiveSignal(row.getID(), row.getFindingId(), row.getSurfaceKey(),
                                text(row.getAssetKey())));
                    }
                });
    }

    @Override
    public void softDeleteSignals(Collection<Long> signalIds, long byRunId, Instant at) {
        for (FindingSignalEntity row : load(FindingSignalEntity.class, "ID, DELETED_AT_MILLIS, DELETED_BY_RUN_ID",
                signalIds)) {
            row.setDeletedAtMillis(at.toEpochMilli());
            row.setDeletedByRunId(byRunId);
            row.save();
        }
    }

    @Override
    public List<Long> findingsWithoutLiveSignals(Collection<Long> findingIds) {
        Set<Long> withLive = new HashSet<>();
        for (List<Long> chunk : chunks(new ArrayList<>(new java.util.LinkedHashSet<>(findingIds)), IN_CHUNK)) {
            ao.stream(FindingSignalEntity.class, Query.select("ID, FINDING_ID")
                            .where("DELETED_AT_MILLIS = 0 AND FINDING_ID IN (" + placeholders(chunk.size()) + ")",
                                    chunk.toArray()),
                    row -> withLive.add(row.getFindingId()));
        }
        List<Long> out = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(findingIds)) {
            if (!withLive.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public List<Signal> signals(long findingId) {
        FindingSignalEntity[] rows = ao.find(FindingSignalEntity.class,
                Query.select().where("FINDING_ID = ?", findingId).order("SEEN_AT_MILLIS ASC, ID ASC"));
        List<Signal> out = new ArrayList<>(rows.length);
        for (FindingSignalEntity row : rows) {
            Map<String, String> attributes = row.getAttributes() == null ? Map.of()
                    : gson.fromJson(row.getAttributes(), ATTRIBUTES);
            VexAnalysis vex = row.getVexState() == null && row.getVexJustification() == null
                    && row.getVexResponse() == null && row.getVexDetail() == null ? null
                    : new VexAnalysis(row.getVexState(), row.getVexJustification(), row.getVexResponse(),
                    row.getVexDetail());
            out.add(new Signal(row.getID(), row.getFindingId(), row.getRunId(),
                    SourceKind.valueOf(row.getSourceKind()), text(row.getTool()), text(row.getToolVersion()),
                    text(row.getRawSeverity()), ObservedSeverity.valueOf(row.getSeverity()),
                    Instant.ofEpochMilli(row.getSeenAtMillis()), row.getObservations(), text(row.getLocation()),
                    text(row.getEvidence()), attributes, vex,
                    row.getDeletedAtMillis() == 0 ? null : Instant.ofEpochMilli(row.getDeletedAtMillis()),
                    row.getDeletedByRunId()));
        }
        return out;
    }

    // ----- coverage -----

    @Override
    public void insertCoverage(List<CoverageRecord> coverage) {
        if (coverage.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(coverage.size());
        for (CoverageRecord record : coverage) {
            Map<String, Object> row = new HashMap<>();
            row.put("RUN_ID", record.runId());
            row.put("CYCLE_KEY", record.cycleKey());
            row.put("SURFACE_KEY", record.surfaceKey());
            row.put("SOURCE_KIND", record.sourceKind().name());
            row.put("COVERED_AT_MILLIS", record.coveredAt().toEpochMilli());
            row.put("DECLARED", record.declared());
            rows.add(row);
        }
        ao.create(RunCoverageEntity.class, rows);
    }

    @Override
    public List<CoverageRecord> coverage(String cycleKey) {
        List<CoverageRecord> out = new ArrayList<>();
        for (RunCoverageEntity row : ao.find(RunCoverageEntity.class,
                Query.select().where("CYCLE_KEY = ?", cycleKey).order("ID ASC"))) {
            out.add(new CoverageRecord(row.getRunId(), row.getCycleKey(), row.getSurfaceKey(),
                    SourceKind.valueOf(row.getSourceKind()), Instant.ofEpochMilli(row.getCoveredAtMillis()),
                    row.isDeclared()));
        }
        return out;
    }

    // ----- helpers -----

    /**
     * A row for AO's batch insert without its null values: a column no row of a batch names is left to its default
     * (null), and Active Objects checks every named value of every row, so fewer names cost less.
     */
    static Map<String, Object> withoutNulls(Map<String, Object> row) {
        row.values().removeIf(java.util.Objects::isNull);
        return row;
    }

    static <T> List<List<T>> chunks(List<T> values, int size) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += size) {
            out.add(values.subList(i, Math.min(values.size(), i + size)));
        }
        return out;
    }

    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /**
     * Text as every supported database can hold it: PostgreSQL refuses U+0000 in text columns, and a scanner may
     * report one (a JSON "\u0000" escape in evidence), so it is stored as U+FFFD, the replacement character.
     */
    static String storable(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> lines(String value) {
        return split(value, '\n');
    }

    /**
     * Splits on a one-character separator that is no regular-expression character (',' and '\n'): {@code String.split}
     * then splits without compiling a pattern, where a quoted separator compiled one for every value of every row read
     * (four per known finding in a re-scan, 30 MB of its allocation).
     */
    private static List<String> split(String value, char separator) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return List.of(value.split(String.valueOf(separator)));
    }
}
