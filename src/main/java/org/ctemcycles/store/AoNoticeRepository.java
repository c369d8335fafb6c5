package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.notice.Notice;
import org.ctemcycles.core.notice.NoticeKind;
import org.ctemcycles.core.notice.NoticeRepository;
import org.ctemcycles.core.notice.SentNotice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sent notices on Active Objects ({@link NoticeEntity}); the unique key is what keeps a notice once-only. */
public class AoNoticeRepository implements NoticeRepository {

    /** Keys per IN list: well under every database's bound on bind parameters. */
    private static final int BATCH = 500;

    private final ActiveObjects ao;

    public AoNoticeRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public Set<String> sent(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            for (NoticeEntity row : ao.find(NoticeEntity.class, Query.select("ID, NOTICE_KEY")
                    .where("NOTICE_KEY IN (" + marks + ")", batch.toArray()))) {
                found.add(row.getNoticeKey());
            }
        }
        return found;
    }

    @Override
    public void record(Notice notice, String actor, Instant at) {
        // a concurrent insert of the same key fails on the unique index once this one commits; AoTransactions
        // retries that transaction as a lost race, and the retry reads the key as sent
        ao.create(NoticeEntity.class, new DBParam("NOTICE_KEY", notice.key()),
                new DBParam("CYCLE_KEY", notice.cycleKey()), new DBParam("KIND", notice.kind().name()),
                new DBParam("FINDING_KEY", notice.findingKey()), new DBParam("RECIPIENT", notice.recipient()),
                new DBParam("NOTICE_DAY", notice.day().toString()), new DBParam("SENT_BY", actor),
                new DBParam("SENT_AT_MILLIS", at.toEpochMilli()));
    }

    @Override
    public List<SentNotice> list(String cycleKey) {
        List<SentNotice> sent = new ArrayList<>();
        for (NoticeEntity row : ao.find(NoticeEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey)
                .order("ID ASC"))) {
            sent.add(new SentNotice(row.getNoticeKey(), row.getCycleKey(), NoticeKind.valueOf(row.getKind()),
                    text(row.getFindingKey()), text(row.getRecipient()), LocalDate.parse(row.getNoticeDay()),
                    text(row.getSentBy()), Instant.ofEpochMilli(row.getSentAtMillis())));
        }
        return sent;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
