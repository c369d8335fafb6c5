package org.ctemcycles.testing;

import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A {@link RegisterRepository} held in memory (entries in enrolment order, keyed by cycle and finding). */
public class InMemoryRegisterRepository implements RegisterRepository {

    private final Map<String, RegisterEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized List<RegisterEntry> list(String cycleKey) {
        return entries.values().stream().filter(e -> e.cycleKey().equals(cycleKey))
                .sorted(Comparator.comparing(RegisterEntry::findingKey)).toList();
    }

    @Override
    public synchronized Optional<RegisterEntry> find(String cycleKey, String findingKey) {
        return Optional.ofNullable(entries.get(key(cycleKey, findingKey)));
    }

    @Override
    public synchronized Set<String> enrolled(String cycleKey, Collection<String> findingKeys) {
        return findingKeys.stream().filter(k -> entries.containsKey(key(cycleKey, k))).collect(Collectors.toSet());
    }

    @Override
    public synchronized void insertAll(List<RegisterEntry> added) {
        for (RegisterEntry entry : added) {
            if (entries.containsKey(key(entry.cycleKey(), entry.findingKey()))) {
                throw new ConflictException("findings were entered into the register of cycle " + entry.cycleKey()
                        + " at the same moment; try again", true, null);
            }
        }
        added.forEach(e -> entries.put(key(e.cycleKey(), e.findingKey()), e));
    }

    @Override
    public synchronized void update(RegisterEntry entry) {
        String key = key(entry.cycleKey(), entry.findingKey());
        RegisterEntry stored = entries.get(key);
        if (stored == null) {
            throw new NotFoundException("finding '" + entry.findingKey() + "' is not in the register of cycle "
                    + entry.cycleKey());
        }
        // what the store keeps of an update: never the enrolment or where the entry was carried from
        entries.put(key, new RegisterEntry(stored.cycleKey(), stored.findingKey(), entry.status(), entry.owner(),
                entry.deadline(), entry.changeRecord(), entry.dependency(), entry.verificationStep(),
                entry.trackerIssue(), entry.acceptance(), stored.carriedFrom(), stored.enrolledAt(),
                entry.updatedAt(), entry.deadlineSetBy(), entry.deadlineReason(), entry.trackerIssueId(),
                entry.trackerState(), entry.decisionNeeded()));
    }

    @Override
    public synchronized List<RegisterEntry> acceptancesExpiredBefore(LocalDate day) {
        return entries.values().stream().filter(e -> e.status() == FindingStatus.RISK_ACCEPTED
                        && e.acceptance() != null && e.acceptance().expiry().isBefore(day))
                .sorted(Comparator.comparing(RegisterEntry::cycleKey).thenComparing(RegisterEntry::findingKey))
                .toList();
    }

    @Override
    public synchronized List<RegisterEntry> byFinding(String findingKey) {
        List<RegisterEntry> found = new ArrayList<>();
        entries.values().stream().filter(e -> e.findingKey().equals(findingKey)).forEach(found::add);
        found.sort(Comparator.comparing(RegisterEntry::enrolledAt));
        return found;
    }

    @Override
    public synchronized List<RegisterEntry> byTrackerIssue(String issueId) {
        List<RegisterEntry> found = new ArrayList<>();
        entries.values().stream().filter(e -> !issueId.isEmpty() && e.trackerIssueId().equals(issueId))
                .forEach(found::add);
        found.sort(Comparator.comparing(RegisterEntry::enrolledAt));
        return found;
    }

    /** Every entry in memory is found by its issue: none needs linking. */
    @Override
    public List<RegisterEntry> withoutTrackerLink(List<RegisterEntry> entries) {
        return List.of();
    }

    @Override
    public boolean addTrackerLink(RegisterEntry locked) {
        return false;
    }

    /** Changes in memory happen one at a time (every method is synchronized): reading is all a lock needs. */
    @Override
    public synchronized Optional<RegisterEntry> lock(String cycleKey, String findingKey) {
        return find(cycleKey, findingKey);
    }

    private static String key(String cycleKey, String findingKey) {
        return cycleKey + "/" + findingKey;
    }
}
