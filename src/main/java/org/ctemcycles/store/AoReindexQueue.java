package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queue of issues whose CTEM fields Jira's search index has to read again, on Active Objects. A change asks with
 * one insert (a new ranking of 10,000 findings too: it asks for its cycle, not for each issue); the scheduled job
 * takes the oldest request a batch at a time, through the register's index on the cycle and the tracker issue id.
 */
public class AoReindexQueue {

    private final ActiveObjects ao;
    private final Clock clock;

    public AoReindexQueue(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /**
     * One batch of issue ids to re-index: of the request {@code requestId}, the register entries after
     * {@code after} up to {@code upTo}; {@code last} when the request is done with this batch.
     */
    public record Batch(int requestId, String cycleKey, List<Long> issueIds, long upTo, boolean last) {

        public Batch {
            issueIds = List.copyOf(issueIds);
        }
    }

    /** Every issue of one finding of the cycle (one insert, in the caller's transaction). */
    public void requestFinding(String cycleKey, String findingKey) {
        insert(cycleKey, findingKey);
    }

    /** Every issue of the cycle (one insert, whatever the cycle's size). */
    public void requestCycle(String cycleKey) {
        insert(cycleKey, null);
    }

    private void insert(String cycleKey, String findingKey) {
        ao.create(ReindexRequestEntity.class, new DBParam("CYCLE_KEY", cycleKey),
                new DBParam("FINDING_KEY", findingKey), new DBParam("DONE_UP_TO", 0L),
                new DBParam("REQUESTED_AT_MILLIS", clock.millis()));
    }

    /** How many requests wait (the admin operation shows it). */
    public int pending() {
        return ao.count(ReindexRequestEntity.class);
    }

    /** When the oldest waiting request was made, if any waits. */
    public Optional<Long> oldestRequestedAtMillis() {
        ReindexRequestEntity[] oldest = ao.find(ReindexRequestEntity.class, Query.select("ID, REQUESTED_AT_MILLIS")
                .order("ID ASC").limit(1));
        return oldest.length == 0 ? Optional.empty() : Optional.of(oldest[0].getRequestedAtMillis());
    }

    /**
     * The next batch of at most {@code max} issues, from the oldest request; empty when none waits. A whole cycle's
     * request about to start takes with it every other request of its cycle not started yet: the pass reads the
     * record after they were made, so their issues are re-indexed with what they asked for.
     */
    public Optional<Batch> next(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch holds at least one issue");
        }
        return ao.executeInTransaction(() -> {
            ReindexRequestEntity[] oldest = ao.find(ReindexRequestEntity.class, Query.select().order("ID ASC")
                    .limit(1));
            if (oldest.length == 0) {
                return Optional.<Batch>empty();
            }
            ReindexRequestEntity request = oldest[0];
            String cycleKey = request.getCycleKey();
            if (request.getFindingKey() != null) {
                List<Long> ids = issueIds(ao.find(RegisterEntryEntity.class, Query.select("ID, TRACKER_ISSUE_ID")
                        .where("ENTRY_KEY = ? AND TRACKER_ISSUE_ID IS NOT NULL",
                                AoRegisterRepository.entryKey(cycleKey, request.getFindingKey()))));
                return Optional.of(new Batch(request.getID(), cycleKey, ids, 0, true));
            }
            if (request.getDoneUpTo() == 0) {
                ao.deleteWithSQL(ReindexRequestEntity.class, "CYCLE_KEY = ? AND DONE_UP_TO = ? AND ID <> ?",
                        cycleKey, 0L, request.getID());
            }
            RegisterEntryEntity[] page = ao.find(RegisterEntryEntity.class, Query.select("ID, TRACKER_ISSUE_ID")
                    .where("CYCLE_KEY = ? AND TRACKER_ISSUE_ID IS NOT NULL AND ID > ?", cycleKey,
                            (int) request.getDoneUpTo()).order("ID ASC").limit(max));
            long upTo = page.length == 0 ? request.getDoneUpTo() : page[page.length - 1].getID();
            return Optional.of(new Batch(request.getID(), cycleKey, issueIds(page), upTo, page.length < max));
        });
    }

    /** The batch was re-indexed: its request is removed when done, else moved past the batch. */
    public void done(Batch batch) {
        ao.executeInTransaction(() -> {
            ReindexRequestEntity request = ao.get(ReindexRequestEntity.class, batch.requestId());
            if (request == null) {
                return null;
            }
            if (batch.last()) {
                ao.delete(request);
            } else {
                request.setDoneUpTo(batch.upTo());
                request.save();
            }
            return null;
        });
    }

    private static List<Long> issueIds(RegisterEntryEntity[] entries) {
        List<Long> ids = new ArrayList<>(entries.length);
        for (RegisterEntryEntity entry : entries) {
            try {
                ids.add(Long.parseLong(entry.getTrackerIssueId().trim()));
            } catch (NumberFormatException e) {
                // an id the tracker did not give as a number is no Jira issue: nothing of Jira's to re-index
            }
        }
        return ids;
    }
}
