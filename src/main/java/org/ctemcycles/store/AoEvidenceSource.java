package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Entity;
import net.java.ao.Query;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.evidence.EvidenceSource;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.Snapshot;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionEncoding;
import org.ctemcycles.core.validation.ValidationRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.TreeMap;

/**
 * The evidence pack's pages over Active Objects, by keyset (ID, queue position or log sequence after the cursor),
 * so page N costs what page 1 costs. A page of findings is joined with its signals, decisions and register entries in
 * four more queries, whatever the page size. Every page query reads one row beyond the limit, to tell whether more
 * rows follow without another query.
 */
public class AoEvidenceSource implements EvidenceSource {

    /**
     * Every page is ordered by all the columns of the index it reads (cycle and id; run and position; cycle and
     * sequence), so the database reads the page's rows in index order and stops after the limit, instead of sorting
     * the rest of the cycle for every page (measured on H2: 120 s instead of a few for a 70,000-item queue).
     */
    private static final String BY_CYCLE_AND_ID = "CYCLE_KEY ASC, ID ASC";
    /** A finding key as discovery gives it: {@code F-} and the first 16 hex digits of the identity hash. */

    private final ActiveObjects ao;
    private final DecisionEncoding encoding;

    /** @param encoding the one text form of a decision (ADR 021), kept in {@code DECISION_JSON} */
    public AoEvidenceSource(ActiveObjects ao, DecisionEncoding encoding) {
        this.ao = ao;
        this.encoding = encoding;
    }

    @Override
    public Snapshot snapshot(String cycleKey) {
        // the table's last entry, not the head's count: an entry appended behind the head's back must be read, or
        // verification could not report it
        LogEntryEntity[] last = ao.find(LogEntryEntity.class, Query.select("ID, CYCLE_KEY, SEQ_NO")
                .where("CYCLE_KEY = ?", cycleKey).order("CYCLE_KEY DESC, SEQ_NO DESC").limit(1));
        long logSequence = last.length == 0 ? 0 : last[0].getSeqNo();
        return new Snapshot(lastId(FindingEntity.class, cycleKey), lastId(RegisterEntryEntity.class, cycleKey),
                lastId(ValidationEntity.class, cycleKey), logSequence);
    }

    private <T extends Entity> long lastId(Class<T> type, String cycleKey) {
        T[] last = ao.find(type, Query.select("ID, CYCLE_KEY").where("CYCLE_KEY = ?", cycleKey)
                .order("CYCLE_KEY DESC, ID DESC").limit(1));
        return last.length == 0 ? 0 : last[0].getID();
    }

    @Override
    public Page<FindingEvidence> findings(String cycleKey, long after, long upTo, int limit) {
        FindingEntity[] rows = ao.find(FindingEntity.class, Query.select(AoDiscoveryRepository.FINDING_COLUMNS)
                .where("CYCLE_KEY = ? AND ID > ? AND ID <= ?", cycleKey, (int) after, (int) upTo)
                .order(BY_CYCLE_AND_ID).limit(limit + 1));
        if (rows.length == 0) {
            return new Page<>(List.of(), after, false);
        }
        List<FindingEvidence> page = joined(cycleKey, Arrays.copyOf(rows, Math.min(rows.length, limit)));
        return new Page<>(page, page.get(page.size() - 1).finding().id(), rows.length > limit);
    }

    @Override
    public Optional<FindingEvidence> finding(String cycleKey, String findingKey) {
        String[] range = AoFindingRecordSource.identityRange(findingKey);
        if (range == null) {
            return Optional.empty();
        }
        FindingEntity[] rows = AoFindingRecordSource.inCycle(ao, cycleKey, range).stream().limit(1)
                .toArray(FindingEntity[]::new);
        return rows.length == 0 ? Optional.empty() : Optional.of(joined(cycleKey, rows).get(0));
    }

    /** Findings joined with their sources, signal counts, newest decisions and register entries: four queries. */
    private List<FindingEvidence> joined(String cycleKey, FindingEntity[] rows) {
        Object[] ids = Arrays.stream(rows).map(FindingEntity::getID).toArray();
        Map<Long, Set<String>> sources = new HashMap<>();
        Map<Long, Integer> signals = new HashMap<>();
        Map<Long, AoDiscoveryRepository.LastSighting> last = new HashMap<>();
        for (FindingSignalEntity signal : ao.find(FindingSignalEntity.class, Query.select("ID, FINDING_ID, TOOL,"
                + " SOURCE_KIND, RUN_ID, SEEN_AT_MILLIS").where("FINDING_ID IN ("
                + AoDiscoveryRepository.placeholders(ids.length) + ")", ids)
                // sources in the order first seen: a report imported late may have been scanned first
                .order("SEEN_AT_MILLIS ASC, ID ASC"))) {
            sources.computeIfAbsent(signal.getFindingId(), k -> new LinkedHashSet<>()).add(signal.getTool() + " ("
                    + SourceKind.valueOf(signal.getSourceKind()).label() + ")");
            signals.merge(signal.getFindingId(), 1, Integer::sum);
            last.merge(signal.getFindingId(), new AoDiscoveryRepository.LastSighting(signal.getRunId(),
                    signal.getSeenAtMillis()), AoDiscoveryRepository.LastSighting::newest);
        }
        List<Finding> findings = new ArrayList<>(rows.length);
        for (FindingEntity row : rows) {
            findings.add(AoDiscoveryRepository.toFinding(row, last.get((long) row.getID())));
        }
        Object[] keys = findings.stream().map(Finding::key).toArray();
        Map<String, Decision> decisions = latestDecisions(cycleKey, keys);
        Map<String, RegisterEntry> entries = registerEntries(cycleKey, findings.stream().map(Finding::key).toList());
        List<FindingEvidence> page = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            page.add(new FindingEvidence(f, List.copyOf(sources.getOrDefault(f.id(), Set.of())),
                    signals.getOrDefault(f.id(), 0), decisions.get(f.key()), entries.get(f.key())));
        }
        return page;
    }

    @Override
    public Map<String, Decision> latestDecisions(String cycleKey, Collection<String> findingKeys) {
        return findingKeys.isEmpty() ? Map.of() : latestDecisions(cycleKey, findingKeys.toArray());
    }

    @Override
    public Map<String, RegisterEntry> registerEntries(String cycleKey, Collection<String> findingKeys) {
        Map<String, RegisterEntry> entries = new HashMap<>();
        if (findingKeys.isEmpty()) {
            return entries;
        }
        // by the unique entry key, not by cycle and finding: an index on the cycle alone would scan the whole cycle
        Object[] entryKeys = findingKeys.stream().map(key -> AoRegisterRepository.entryKey(cycleKey, key)).toArray();
        for (RegisterEntryEntity row : ao.find(RegisterEntryEntity.class, Query.select().where("ENTRY_KEY IN ("
                + AoDiscoveryRepository.placeholders(entryKeys.length) + ")", entryKeys))) {
            entries.put(row.getFindingKey(), AoRegisterRepository.toEntry(row));
        }
        return entries;
    }

    @Override
    public Map<String, ValidationRecord> latestValidations(String cycleKey, Collection<String> findingKeys) {
        Map<String, ValidationRecord> latest = new HashMap<>();
        if (findingKeys.isEmpty()) {
            return latest;
        }
        Object[] keys = findingKeys.toArray();
        // by finding key (selective), keeping this cycle's rows, the newest last
        for (ValidationEntity row : ao.find(ValidationEntity.class, Query.select().where("FINDING_KEY IN ("
                + AoDiscoveryRepository.placeholders(keys.length) + ")", keys)
                .order("VALIDATED_AT_MILLIS ASC, ID ASC"))) {
            if (cycleKey.equals(row.getCycleKey())) {
                latest.put(row.getFindingKey(), AoValidationRepository.toRecord(row));
            }
        }
        return latest;
    }

    /** The newest decision in the cycle of each of these findings: ids first, then only their JSON. */
    private Map<String, Decision> latestDecisions(String cycleKey, Object[] keys) {
        Map<String, Integer> newest = new HashMap<>();
        // by finding key (selective), keeping this cycle's rows: an index on the cycle alone would scan the cycle
        for (DecisionEntity row : ao.find(DecisionEntity.class, Query.select("ID, FINDING_KEY, CYCLE_KEY,"
                + " DECIDED_AT_MILLIS").where("FINDING_KEY IN (" + AoDiscoveryRepository.placeholders(keys.length)
                + ")", keys).order("DECIDED_AT_MILLIS ASC, ID ASC"))) {
            if (cycleKey.equals(row.getCycleKey())) {
                newest.put(row.getFindingKey(), row.getID());
            }
        }
        Map<String, Decision> decisions = new HashMap<>();
        if (newest.isEmpty()) {
            return decisions;
        }
        Object[] ids = newest.values().toArray();
        for (DecisionEntity row : ao.find(DecisionEntity.class, Query.select("ID, FINDING_KEY, DECISION_JSON")
                .where("ID IN (" + AoDiscoveryRepository.placeholders(ids.length) + ")", ids))) {
            decisions.put(row.getFindingKey(), encoding.decode(row.getDecisionJson()));
        }
        return decisions;
    }

    @Override
    public Optional<String> queueRun(String cycleKey) {
        return queueRun(ao, cycleKey);
    }

    /** The run of the cycle's newest decision: every ranking ranks the whole register, so it is the current queue. */
    static Optional<String> queueRun(ActiveObjects ao, String cycleKey) {
        DecisionEntity[] newest = ao.find(DecisionEntity.class, Query.select("ID, RUN_ID, DECIDED_AT_MILLIS")
                .where("CYCLE_KEY = ?", cycleKey).order("DECIDED_AT_MILLIS DESC, ID DESC").limit(1));
        return newest.length == 0 ? Optional.empty() : Optional.of(newest[0].getRunId());
    }

    @Override
    public Page<RankedDecision> queue(String runId, long after, int limit) {
        List<RankedDecision> page = new ArrayList<>();
        int last = (int) after;
        DecisionEntity[] rows = ao.find(DecisionEntity.class, Query.select("ID, QUEUE_POSITION, DECISION_JSON")
                .where("RUN_ID = ? AND QUEUE_POSITION > ?", runId, (int) after)
                .order("RUN_ID ASC, QUEUE_POSITION ASC").limit(limit + 1));
        for (DecisionEntity row : Arrays.copyOf(rows, Math.min(rows.length, limit))) {
            last = row.getQueuePosition();
            page.add(new RankedDecision(last, encoding.decode(row.getDecisionJson())));
        }
        return new Page<>(page, last, rows.length > limit);
    }

    @Override
    public Page<ValidationRecord> validations(String cycleKey, long after, long upTo, int limit) {
        return byId(ValidationEntity.class, cycleKey, after, upTo, limit, AoValidationRepository::toRecord);
    }

    @Override
    public Page<RegisterEntry> register(String cycleKey, long after, long upTo, int limit) {
        return byId(RegisterEntryEntity.class, cycleKey, after, upTo, limit, AoRegisterRepository::toEntry);
    }

    @Override
    public Page<RegisterEntry> register(String cycleKey, FindingStatus status, long after, int limit) {
        // over the (cycle, status, id) index: a rare status is found without reading the rest of the register
        return page(ao.find(RegisterEntryEntity.class, Query.select()
                .where("CYCLE_KEY = ? AND STATUS = ? AND ID > ?", cycleKey, status.name(), (int) after)
                .order("CYCLE_KEY ASC, STATUS ASC, ID ASC").limit(limit + 1)), after, limit,
                AoRegisterRepository::toEntry, Entity::getID);
    }

    @Override
    public Page<DiscoveryRun> runs(String cycleKey, long after, int limit) {
        return page(ao.find(DiscoveryRunEntity.class, Query.select().where("CYCLE_KEY = ? AND ID > ?", cycleKey,
                (int) after).order(BY_CYCLE_AND_ID).limit(limit + 1)), after, limit, AoDiscoveryRepository::toRun,
                Entity::getID);
    }

    /** A page of a cycle's rows of {@code type} by id, over its (cycle, id) index. */
    private <E extends Entity, T> Page<T> byId(Class<E> type, String cycleKey, long after, long upTo, int limit,
                                               Function<E, T> toRecord) {
        return page(ao.find(type, Query.select().where("CYCLE_KEY = ? AND ID > ? AND ID <= ?", cycleKey,
                (int) after, (int) upTo).order(BY_CYCLE_AND_ID).limit(limit + 1)), after, limit, toRecord,
                Entity::getID);
    }

    @Override
    public Page<LogEntry> log(String cycleKey, long after, long upTo, int limit) {
        return page(ao.find(LogEntryEntity.class, Query.select()
                .where("CYCLE_KEY = ? AND SEQ_NO > ? AND SEQ_NO <= ?", cycleKey, after, upTo)
                .order("CYCLE_KEY ASC, SEQ_NO ASC")
                .limit(limit + 1)), after, limit, AoActivityLog::toEntry, LogEntryEntity::getSeqNo);
    }

    /** The first {@code limit} of rows read with one row beyond the limit, and whether that row was there. */
    private static <E, T> Page<T> page(E[] rows, long after, int limit, Function<E, T> toRecord,
                                       ToLongFunction<E> cursor) {
        int size = Math.min(rows.length, limit);
        List<T> page = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            page.add(toRecord.apply(rows[i]));
        }
        return new Page<>(page, size == 0 ? after : cursor.applyAsLong(rows[size - 1]), rows.length > limit);
    }

    @Override
    public Map<String, Integer> findingsBySurface(String cycleKey) {
        Map<String, Integer> counts = new TreeMap<>();
        ao.stream(FindingEntity.class, Query.select("ID, CYCLE_KEY, SURFACE_KEY").where("CYCLE_KEY = ?", cycleKey),
                row -> counts.merge(row.getSurfaceKey() == null ? "" : row.getSurfaceKey(), 1, Integer::sum));
        return counts;
    }

    @Override
    public long[] scoreDeciles(String runId) {
        long[] deciles = new long[10];
        ao.stream(DecisionEntity.class, Query.select("ID, RUN_ID, SCORE").where("RUN_ID = ?", runId),
                row -> deciles[Math.min(9, Math.max(0, row.getScore() / 100))]++);
        return deciles;
    }
}
