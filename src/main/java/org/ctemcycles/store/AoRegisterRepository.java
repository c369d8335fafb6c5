package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.mobilisation.TrackerState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mobilisation register on Active Objects ({@link RegisterEntryEntity}). Each read is a single query over
 * preloaded rows, so loading a register of 1,000 findings costs what loading one does; new entries go in as one
 * batch insert per 1,000. The reads across cycles (a finding's history, expired acceptances) read the cycle table
 * first: every entry belongs to a cycle that exists (cycles are never deleted).
 */
public class AoRegisterRepository implements RegisterRepository {

    static final int KEYS_PER_QUERY = 1_000;

    private final ActiveObjects ao;
    private final KeyRangeReader keyRanges;
    private final TrackerLinks links;

    public AoRegisterRepository(ActiveObjects ao) {
        this.ao = ao;
        this.keyRanges = new KeyRangeReader(ao);
        this.links = new TrackerLinks(ao);
    }

    @Override
    public List<RegisterEntry> list(String cycleKey) {
        return entries(Query.select().where("CYCLE_KEY = ?", cycleKey).order("FINDING_KEY ASC"));
    }

    @Override
    public Optional<RegisterEntry> find(String cycleKey, String findingKey) {
        return entries(Query.select().where("ENTRY_KEY = ?", entryKey(cycleKey, findingKey))).stream().findFirst();
    }

    @Override
    public Set<String> enrolled(String cycleKey, Collection<String> findingKeys) {
        return entries(cycleKey, findingKeys).keySet();
    }

    /**
     * By the unique entry key, 1,000 at a time (the most an IN list may hold on Oracle, which Jira supports): the
     * cost follows the keys asked for, not the size of the register.
     */
    @Override
    public Map<String, RegisterEntry> entries(String cycleKey, Collection<String> findingKeys) {
        Map<String, RegisterEntry> out = new HashMap<>();
        List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(findingKeys));
        for (List<String> chunk : AoDiscoveryRepository.chunks(keys, KEYS_PER_QUERY)) {
            Object[] entryKeys = chunk.stream().map(k -> entryKey(cycleKey, k)).toArray();
            for (RegisterEntryEntity row : ao.find(RegisterEntryEntity.class, Query.select().where("ENTRY_KEY IN ("
                    + AoDiscoveryRepository.placeholders(entryKeys.length) + ")", entryKeys))) {
                out.put(row.getFindingKey(), toEntry(row));
            }
        }
        return out;
    }

    /** Streams the finding key and status of the entries alone (no entry objects): the intake's per-chunk read. */
    @Override
    public Map<String, FindingStatus> statuses(String cycleKey, Collection<String> findingKeys) {
        Map<String, FindingStatus> out = new HashMap<>();
        Set<String> keys = new HashSet<>();
        findingKeys.forEach(k -> keys.add(entryKey(cycleKey, k)));
        keyRanges.stream(RegisterEntryEntity.class, "ID, ENTRY_KEY, FINDING_KEY, STATUS", "ENTRY_KEY",
                RegisterEntryEntity::getEntryKey, keys,
                row -> out.put(row.getFindingKey(), FindingStatus.valueOf(row.getStatus())));
        return out;
    }

    /**
     * Reads only the status column of the cycle's entries, in one statement (the prioritisation panel's statement
     * bound counts it; one COUNT per status would be nine).
     */
    @Override
    public Map<FindingStatus, Long> countByStatus(String cycleKey) {
        Map<FindingStatus, Long> out = new java.util.EnumMap<>(FindingStatus.class);
        ao.stream(RegisterEntryEntity.class, Query.select("ID, STATUS").where("CYCLE_KEY = ?", cycleKey),
                row -> out.merge(FindingStatus.valueOf(row.getStatus()), 1L, Long::sum));
        return out;
    }

    /**
     * One batch insert per 1,000 entries, each chunk's rows built just before it is written: an intake page of 10,000
     * built as rows at once kept 8 MB more alive across a young collection (GC log of a 14,219-finding import).
     */
    @Override
    public void insertAll(List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            for (List<RegisterEntry> chunk : AoDiscoveryRepository.chunks(entries,
                    AoDiscoveryRepository.INSERT_CHUNK)) {
                ao.create(RegisterEntryEntity.class, chunk.stream().map(AoRegisterRepository::columns).toList());
                links.insert(chunk);
            }
        } catch (RuntimeException e) {
            if (SqlErrors.lostRace(e)) {
                throw new ConflictException("findings were entered into the register of cycle "
                        + entries.get(0).cycleKey() + " at the same moment; try again", true, e);
            }
            throw e;
        }
    }

    @Override
    public void update(RegisterEntry entry) {
        RegisterEntryEntity[] rows = ao.find(RegisterEntryEntity.class,
                Query.select().where("ENTRY_KEY = ?", entryKey(entry.cycleKey(), entry.findingKey())));
        if (rows.length == 0) {
            throw new NotFoundException("finding '" + entry.findingKey() + "' is not in the register of cycle "
                    + entry.cycleKey());
        }
        RegisterEntryEntity row = rows[0];
        boolean relinked = TrackerLinks.changes(row.getTrackerIssue(), row.getTrackerIssueId(), entry);
        row.setTrackerIssueId(entry.trackerIssueId());
        row.setTrackerState(entry.trackerState() == null ? "" : entry.trackerState().encode());
        row.setDecisionNeeded(entry.decisionNeeded());
        row.setStatus(entry.status().name());
        row.setOwner(entry.owner());
        row.setDeadline(entry.deadline() == null ? null : entry.deadline().toString());
        row.setDeadlineSetBy(entry.deadlineSetBy().isEmpty() ? null : entry.deadlineSetBy());
        row.setDeadlineReason(entry.deadlineReason().isEmpty() ? null : entry.deadlineReason());
        row.setChangeRecord(entry.changeRecord());
        row.setDependency(entry.dependency());
        row.setVerificationStep(entry.verificationStep());
        row.setTrackerIssue(entry.trackerIssue());
        RiskAcceptance acceptance = entry.acceptance();
        row.setAcceptanceOwner(acceptance == null ? null : acceptance.owner());
        row.setAcceptanceControl(acceptance == null ? null : acceptance.compensatingControl());
        row.setAcceptanceExpiry(acceptance == null ? null : acceptance.expiry().toString());
        row.setAcceptedBy(acceptance == null ? null : acceptance.acceptedBy());
        row.setAcceptedAtMillis(acceptance == null ? 0 : acceptance.acceptedAt().toEpochMilli());
        row.setUpdatedAtMillis(entry.updatedAt().toEpochMilli());
        row.save();
        if (relinked) {
            links.set(entry);
        }
    }

    /**
     * One query per cycle over (cycle, status, id): the risk-accepted entries are few, and the daily check is not worth
     * an index of its own that every entry the intake writes would pay for (ADR 052). ISO dates order as text, so
     * the comparison runs in the database.
     */
    @Override
    public List<RegisterEntry> acceptancesExpiredBefore(LocalDate day) {
        List<RegisterEntry> out = new ArrayList<>();
        for (String cycleKey : cycleKeys()) {
            out.addAll(entries(Query.select().where("CYCLE_KEY = ? AND STATUS = ? AND ACCEPTANCE_EXPIRY < ?",
                    cycleKey, FindingStatus.RISK_ACCEPTED.name(), day.toString()).order("FINDING_KEY ASC")));
        }
        return out;
    }

    /**
     * By the unique entry key in each cycle ({@code CYCLE/FINDING}, 1,000 a query): a finding's history is read
     * seldom, and an index of the finding key alone would cost every entry the intake writes (ADR 052).
     */
    @Override
    public List<RegisterEntry> byFinding(String findingKey) {
        List<String> entryKeys = cycleKeys().stream().map(cycle -> entryKey(cycle, findingKey)).toList();
        List<RegisterEntryEntity> rows = new ArrayList<>();
        for (List<String> chunk : AoDiscoveryRepository.chunks(entryKeys, KEYS_PER_QUERY)) {
            rows.addAll(List.of(ao.find(RegisterEntryEntity.class, Query.select().where("ENTRY_KEY IN ("
                    + AoDiscoveryRepository.placeholders(chunk.size()) + ")", chunk.toArray(Object[]::new)))));
        }
        return rows.stream().sorted(Comparator.comparingLong(RegisterEntryEntity::getEnrolledAtMillis)
                .thenComparingInt(RegisterEntryEntity::getID)).map(AoRegisterRepository::toEntry).toList();
    }

    /** Every cycle's key, in key order (one query of the cycle table, which holds a row per cycle). */
    private List<String> cycleKeys() {
        return Arrays.stream(ao.find(CycleEntity.class, Query.select("ID, CYCLE_KEY").order("CYCLE_KEY ASC")))
                .map(CycleEntity::getCycleKey).toList();
    }

    /** Through the tracker link table (ADR 054): the links of the issue, then their entries by key. */
    @Override
    public List<RegisterEntry> byTrackerIssue(String issueId) {
        return links.entries("TRACKER_ISSUE_ID", issueId);
    }

    @Override
    public List<RegisterEntry> withoutTrackerLink(List<RegisterEntry> entries) {
        return links.withoutTrackerLink(entries);
    }

    @Override
    public boolean addTrackerLink(RegisterEntry locked) {
        return links.mend(locked);
    }

    /**
     * Takes the row's lock with an UPDATE of its lock serial (a concurrent transaction doing the same waits here
     * until this one ends), then reads the row as committed by whoever held it before: three statements.
     */
    @Override
    public Optional<RegisterEntry> lock(String cycleKey, String findingKey) {
        String key = entryKey(cycleKey, findingKey);
        RegisterEntryEntity[] rows = ao.find(RegisterEntryEntity.class, Query.select("ID, LOCK_SERIAL")
                .where("ENTRY_KEY = ?", key));
        if (rows.length == 0) {
            return Optional.empty();
        }
        rows[0].setLockSerial(rows[0].getLockSerial() + 1);
        rows[0].save();
        return entries(Query.select().where("ENTRY_KEY = ?", key)).stream().findFirst();
    }

    static String entryKey(String cycleKey, String findingKey) {
        return cycleKey + "/" + findingKey;
    }

    private List<RegisterEntry> entries(Query query) {
        return Arrays.stream(ao.find(RegisterEntryEntity.class, query)).map(AoRegisterRepository::toEntry).toList();
    }

    private static Map<String, Object> columns(RegisterEntry entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("ENTRY_KEY", entryKey(entry.cycleKey(), entry.findingKey()));
        row.put("CYCLE_KEY", entry.cycleKey());
        row.put("FINDING_KEY", entry.findingKey());
        row.put("STATUS", entry.status().name());
        row.put("OWNER", entry.owner());
        row.put("DEADLINE", entry.deadline() == null ? null : entry.deadline().toString());
        row.put("DEADLINE_SET_BY", entry.deadlineSetBy().isEmpty() ? null : entry.deadlineSetBy());
        row.put("DEADLINE_REASON", entry.deadlineReason().isEmpty() ? null : entry.deadlineReason());
        row.put("CHANGE_RECORD", entry.changeRecord());
        row.put("DEPENDENCY", entry.dependency());
        row.put("VERIFICATION_STEP", entry.verificationStep());
        row.put("TRACKER_ISSUE", entry.trackerIssue());
        RiskAcceptance acceptance = entry.acceptance();
        row.put("ACCEPTANCE_OWNER", acceptance == null ? null : acceptance.owner());
        row.put("ACCEPTANCE_CONTROL", acceptance == null ? null : acceptance.compensatingControl());
        row.put("ACCEPTANCE_EXPIRY", acceptance == null ? null : acceptance.expiry().toString());
        row.put("ACCEPTED_BY", acceptance == null ? null : acceptance.acceptedBy());
        row.put("ACCEPTED_AT_MILLIS", acceptance == null ? 0L : acceptance.acceptedAt().toEpochMilli());
        row.put("CARRIED_FROM", entry.carriedFrom());
        row.put("ENROLLED_AT_MILLIS", entry.enrolledAt().toEpochMilli());
        row.put("UPDATED_AT_MILLIS", entry.updatedAt().toEpochMilli());
        row.put("TRACKER_ISSUE_ID", entry.trackerIssueId());
        row.put("TRACKER_STATE", entry.trackerState() == null ? "" : entry.trackerState().encode());
        row.put("DECISION_NEEDED", entry.decisionNeeded());
        row.put("LOCK_SERIAL", 0L);
        return row;
    }

    static RegisterEntry toEntry(RegisterEntryEntity row) {
        RiskAcceptance acceptance = row.getAcceptanceExpiry() == null || row.getAcceptanceExpiry().isEmpty() ? null
                : new RiskAcceptance(AoCycleRepository.text(row.getAcceptanceOwner()),
                AoCycleRepository.text(row.getAcceptanceControl()), LocalDate.parse(row.getAcceptanceExpiry()),
                AoCycleRepository.text(row.getAcceptedBy()), Instant.ofEpochMilli(row.getAcceptedAtMillis()));
        String deadline = row.getDeadline();
        return new RegisterEntry(row.getCycleKey(), row.getFindingKey(), FindingStatus.valueOf(row.getStatus()),
                row.getOwner(), deadline == null || deadline.isEmpty() ? null : LocalDate.parse(deadline),
                row.getChangeRecord(), row.getDependency(), row.getVerificationStep(), row.getTrackerIssue(),
                acceptance, row.getCarriedFrom(), Instant.ofEpochMilli(row.getEnrolledAtMillis()),
                Instant.ofEpochMilli(row.getUpdatedAtMillis()), row.getDeadlineSetBy(), row.getDeadlineReason(),
                AoCycleRepository.text(row.getTrackerIssueId()), TrackerState.decode(row.getTrackerState()),
                AoCycleRepository.text(row.getDecisionNeeded()));
    }
}
