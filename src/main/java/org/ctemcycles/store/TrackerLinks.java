package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.ctemcycles.store.AoCycleRepository.text;

/**
 * The tracker link table ({@link TrackerLinkEntity}, ADR 054): a link per register entry whose tracker columns name
 * an issue, kept with them, and the entries of an issue found through it. The entry's row stays the record: what a
 * link says is checked against it when read.
 */
final class TrackerLinks {

    private final ActiveObjects ao;
    private final KeyRangeReader keyRanges;

    TrackerLinks(ActiveObjects ao) {
        this.ao = ao;
        this.keyRanges = new KeyRangeReader(ao);
    }

    /** Whether tracker columns holding these name an issue. */
    static boolean names(String issueKey, String issueId) {
        return !text(issueKey).isEmpty() || !text(issueId).isEmpty();
    }

    /** Whether the entry's tracker columns change from (issueKey, issueId) to the entry's. */
    static boolean changes(String issueKey, String issueId, RegisterEntry entry) {
        return !text(issueKey).equals(text(entry.trackerIssue()))
                || !text(issueId).equals(text(entry.trackerIssueId()));
    }

    /** Links the new entries that name an issue (entries handed over with theirs), in one batch insert. */
    void insert(List<RegisterEntry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RegisterEntry entry : entries) {
            if (names(entry.trackerIssue(), entry.trackerIssueId())) {
                rows.add(row(AoRegisterRepository.entryKey(entry.cycleKey(), entry.findingKey()), entry));
            }
        }
        if (!rows.isEmpty()) {
            ao.create(TrackerLinkEntity.class, rows);
        }
    }

    /** Makes the entry's link say what its tracker columns now say: written, changed, or removed with the issue. */
    void set(RegisterEntry entry) {
        String key = AoRegisterRepository.entryKey(entry.cycleKey(), entry.findingKey());
        write(key, entry, ao.find(TrackerLinkEntity.class, Query.select().where("ENTRY_KEY = ?", key)));
    }

    /** Writes the link of an entry naming an issue, or makes it name the entry's; whether either was needed. */
    boolean mend(RegisterEntry entry) {
        if (!names(entry.trackerIssue(), entry.trackerIssueId())) {
            return false;
        }
        String key = AoRegisterRepository.entryKey(entry.cycleKey(), entry.findingKey());
        TrackerLinkEntity[] links = ao.find(TrackerLinkEntity.class, Query.select().where("ENTRY_KEY = ?", key));
        if (links.length > 0 && !changes(links[0].getTrackerIssue(), links[0].getTrackerIssueId(), entry)) {
            return false;
        }
        write(key, entry, links);
        return true;
    }

    /** The entry's link (the {@code links} its key has now) made to say what the entry says. */
    private void write(String key, RegisterEntry entry, TrackerLinkEntity[] links) {
        if (!names(entry.trackerIssue(), entry.trackerIssueId())) {
            if (links.length > 0) {
                ao.delete(links);
            }
        } else if (links.length == 0) {
            ao.create(TrackerLinkEntity.class, row(key, entry));
        } else {
            links[0].setTrackerIssue(entry.trackerIssue());
            links[0].setTrackerIssueId(entry.trackerIssueId());
            links[0].save();
        }
    }

    /**
     * Of these entries, those naming an issue whose link is missing or names another (stored or changed by a version
     * before the links), in their order: the links read by the entries' unique keys as the store reads many keys
     * ({@link KeyRangeReader}: a range or IN lists per 1,000 keys).
     */
    List<RegisterEntry> withoutTrackerLink(List<RegisterEntry> entries) {
        Map<String, RegisterEntry> named = new LinkedHashMap<>();
        for (RegisterEntry entry : entries) {
            if (names(entry.trackerIssue(), entry.trackerIssueId())) {
                named.put(AoRegisterRepository.entryKey(entry.cycleKey(), entry.findingKey()), entry);
            }
        }
        Map<String, TrackerLinkEntity> held = new HashMap<>();
        keyRanges.stream(TrackerLinkEntity.class, "ID, ENTRY_KEY, TRACKER_ISSUE, TRACKER_ISSUE_ID", "ENTRY_KEY",
                TrackerLinkEntity::getEntryKey, named.keySet(), link -> held.put(link.getEntryKey(), link));
        List<RegisterEntry> out = new ArrayList<>();
        named.forEach((key, entry) -> {
            TrackerLinkEntity link = held.get(key);
            if (link == null || changes(link.getTrackerIssue(), link.getTrackerIssueId(), entry)) {
                out.add(entry);
            }
        });
        return out;
    }

    /**
     * The entries linked to the issue by {@code column} ({@code TRACKER_ISSUE_ID} or {@code TRACKER_ISSUE}), the
     * oldest enrolment first: the links over their index, then the entries by their unique key.
     */
    List<RegisterEntry> entries(String column, String value) {
        if (text(value).isEmpty()) {
            return List.of();
        }
        Object[] keys = Arrays.stream(ao.find(TrackerLinkEntity.class, Query.select("ID, ENTRY_KEY")
                .where(column + " = ?", value))).map(TrackerLinkEntity::getEntryKey).toArray();
        if (keys.length == 0) {
            return List.of();
        }
        List<RegisterEntry> out = new ArrayList<>();
        for (RegisterEntryEntity row : ao.find(RegisterEntryEntity.class, Query.select().where("ENTRY_KEY IN ("
                + AoDiscoveryRepository.placeholders(keys.length) + ")", keys)
                .order("ENROLLED_AT_MILLIS ASC, ID ASC"))) {
            String held = column.equals("TRACKER_ISSUE_ID") ? row.getTrackerIssueId() : row.getTrackerIssue();
            if (value.equals(held)) {
                out.add(AoRegisterRepository.toEntry(row));
            }
        }
        return out;
    }

    private static Map<String, Object> row(String entryKey, RegisterEntry entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("ENTRY_KEY", entryKey);
        row.put("TRACKER_ISSUE", entry.trackerIssue());
        row.put("TRACKER_ISSUE_ID", entry.trackerIssueId());
        return row;
    }
}
