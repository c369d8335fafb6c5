package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.ChainVerifier;
import org.ctemcycles.core.audit.LogAnchor;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.common.ConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The activity log on Active Objects: entries in {@link LogEntryEntity}, one chain per cycle, the head of each chain
 * in {@link LogHeadEntity}. An append locks the chain's head row (by writing it), reads where the chain ends,
 * inserts the next link and moves the head, all in the caller's transaction, so appends to one chain queue up
 * behind each other. Should two still race for one place (the very first entries of a chain), the unique
 * {@code CHAIN_LINK} makes one fail as a retryable conflict instead of forking the chain. With a key, each entry and
 * each head carry their keyed anchor ({@link LogAnchor}), written in the same insert or update.
 */
public class AoActivityLog implements ActivityLog {

    private final ActiveObjects ao;
    private final LogAnchor anchor;

    /** A log without a keyed anchor. */
    public AoActivityLog(ActiveObjects ao) {
        this(ao, LogAnchor.unkeyed());
    }

    public AoActivityLog(ActiveObjects ao, LogAnchor anchor) {
        this.ao = ao;
        this.anchor = anchor;
    }

    @Override
    public LogAnchor anchor() {
        return anchor;
    }

    @Override
    public LogEntry append(LogRecord record) {
        return ao.executeInTransaction(() -> {
            try {
                return appendLocked(record);
            } catch (RuntimeException e) {
                if (SqlErrors.lostRace(e)) {
                    throw new ConflictException("another change was logged in cycle " + record.cycleKey()
                            + " at the same moment; try again", true, e);
                }
                throw e;
            }
        });
    }

    @Override
    public void lock(String cycleKey) {
        ao.executeInTransaction(() -> {
            // writing the head row takes its row lock (Active Objects has no SELECT ... FOR UPDATE); the value is
            // the one it had, so the lock changes nothing
            headRow(cycleKey).ifPresent(head -> {
                head.setTouchedAtMillis(head.getTouchedAtMillis());
                head.save();
            });
            return null;
        });
    }

    private LogEntry appendLocked(LogRecord record) {
        LogHeadEntity head = headRow(record.cycleKey()).orElse(null);
        if (head != null) {
            head.setTouchedAtMillis(record.at().toEpochMilli());
            head.save();
            head = headRow(record.cycleKey()).orElseThrow();
        }
        long sequence = head == null ? 1 : head.getEntryCount() + 1;
        String previous = head == null ? LogChain.GENESIS : head.getHeadHash();
        LogEntry linked = LogChain.link(record, sequence, previous);
        LogEntry entry = linked.anchored(anchor.entry(linked));
        ao.create(LogEntryEntity.class,
                new DBParam("CHAIN_LINK", entry.cycleKey() + "#" + sequence),
                new DBParam("CYCLE_KEY", entry.cycleKey()),
                new DBParam("SEQ_NO", sequence),
                new DBParam("AT_MILLIS", entry.at().toEpochMilli()),
                new DBParam("ACTOR", entry.actor()),
                new DBParam("ACTION", entry.action()),
                new DBParam("SUBJECT", entry.subject()),
                new DBParam("BEFORE_STATE", entry.before()),
                new DBParam("AFTER_STATE", entry.after()),
                new DBParam("PREVIOUS_HASH", entry.previousHash()),
                new DBParam("ENTRY_HASH", entry.hash()),
                new DBParam("ENTRY_ANCHOR", nullIfEmpty(entry.anchor())));
        String headAnchor = nullIfEmpty(anchor.head(entry.cycleKey(), sequence, entry.hash()));
        if (head == null) {
            ao.create(LogHeadEntity.class, new DBParam("CHAIN_KEY", entry.cycleKey()),
                    new DBParam("ENTRY_COUNT", sequence), new DBParam("HEAD_HASH", entry.hash()),
                    new DBParam("TOUCHED_AT_MILLIS", entry.at().toEpochMilli()),
                    new DBParam("HEAD_ANCHOR", headAnchor));
        } else {
            head.setEntryCount(sequence);
            head.setHeadHash(entry.hash());
            head.setHeadAnchor(headAnchor);
            head.save();
        }
        return entry;
    }

    /**
     * Anchors the chains written before the installation had its key, once, when the key is made: every chain that
     * verifies intact without a key gets the keyed anchors of its entries and its head; a chain that does not is
     * left as it is, so that verification keeps reporting its break. Anchoring at any later time would let someone
     * who removed the anchors of a re-hashed chain have it anchored again, which is why only the maker of a new key
     * may call this.
     *
     * @return the keys of the chains anchored
     */
    public List<String> anchorChainsWrittenWithoutKey() {
        if (!anchor.keyed()) {
            throw new IllegalStateException("there is no key to anchor with");
        }
        return ao.executeInTransaction(() -> {
            List<String> anchored = new ArrayList<>();
            for (String cycleKey : chains()) {
                Optional<ChainHead> head = head(cycleKey);
                List<LogEntry> entries = chain(cycleKey);
                if (head.isEmpty() || !head.get().anchor().isEmpty()
                        || !ChainVerifier.verify(cycleKey, entries, head.get()).intact()) {
                    continue;
                }
                for (LogEntryEntity row : ao.find(LogEntryEntity.class, Query.select()
                        .where("CYCLE_KEY = ?", cycleKey))) {
                    row.setEntryAnchor(anchor.entry(toEntry(row)));
                    row.save();
                }
                LogHeadEntity headRow = headRow(cycleKey).orElseThrow();
                headRow.setHeadAnchor(anchor.head(cycleKey, headRow.getEntryCount(), headRow.getHeadHash()));
                headRow.save();
                anchored.add(cycleKey);
            }
            return anchored;
        });
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }

    @Override
    public List<LogEntry> chain(String cycleKey) {
        return entries(Query.select().where("CYCLE_KEY = ?", cycleKey).order("SEQ_NO ASC, ID ASC"));
    }

    @Override
    public Optional<ChainHead> head(String cycleKey) {
        return headRow(cycleKey).map(h -> new ChainHead(h.getChainKey(), h.getEntryCount(),
                AoCycleRepository.text(h.getHeadHash()), h.getHeadAnchor()));
    }

    @Override
    public List<String> chains() {
        TreeSet<String> keys = new TreeSet<>();
        Arrays.stream(ao.find(LogHeadEntity.class)).forEach(h -> keys.add(h.getChainKey()));
        // a chain whose head row was removed still has entries, or at least its cycle
        Arrays.stream(ao.find(CycleEntity.class, Query.select("ID, CYCLE_KEY"))).forEach(c -> keys.add(c.getCycleKey()));
        return List.copyOf(keys);
    }

    @Override
    public List<LogEntry> about(String subject) {
        return entries(Query.select().where("SUBJECT = ?", subject).order("AT_MILLIS ASC, ID ASC"));
    }

    private Optional<LogHeadEntity> headRow(String cycleKey) {
        LogHeadEntity[] rows = ao.find(LogHeadEntity.class, Query.select().where("CHAIN_KEY = ?", cycleKey));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private List<LogEntry> entries(Query query) {
        return Arrays.stream(ao.find(LogEntryEntity.class, query)).map(AoActivityLog::toEntry).toList();
    }

    static LogEntry toEntry(LogEntryEntity row) {
        return new LogEntry(row.getCycleKey(), row.getSeqNo(), Instant.ofEpochMilli(row.getAtMillis()),
                row.getActor(), row.getAction(), row.getSubject(), AoCycleRepository.text(row.getBeforeState()),
                AoCycleRepository.text(row.getAfterState()), row.getPreviousHash(), row.getEntryHash(),
                row.getEntryAnchor());
    }
}
