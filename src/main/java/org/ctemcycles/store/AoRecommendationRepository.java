package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.cadence.RecommendationKind;
import org.ctemcycles.core.cadence.RecommendationRepository;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.common.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Recommended next-cycle scopes on Active Objects ({@link RecommendationEntity}). */
public class AoRecommendationRepository implements RecommendationRepository {

    private final ActiveObjects ao;

    public AoRecommendationRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insertAll(List<RecommendedItem> items) {
        for (RecommendedItem item : items) {
            ao.create(RecommendationEntity.class,
                    new DBParam("CYCLE_KEY", item.cycleKey()),
                    new DBParam("NUMBER", item.number()),
                    new DBParam("KIND", item.kind().name()),
                    new DBParam("SUBJECT", item.subject()),
                    new DBParam("REASON", item.reason()),
                    new DBParam("NUMBERS", item.encodeNumbers()),
                    new DBParam("TAKEN_INTO", item.takenInto()),
                    new DBParam("TAKEN_BY", item.takenBy()),
                    new DBParam("TAKEN_AT_MILLIS", item.takenAt() == null ? 0L : item.takenAt().toEpochMilli()));
        }
    }

    @Override
    public List<RecommendedItem> list(String cycleKey) {
        List<RecommendedItem> items = new ArrayList<>();
        for (RecommendationEntity row : ao.find(RecommendationEntity.class,
                Query.select().where("CYCLE_KEY = ?", cycleKey).order("NUMBER ASC"))) {
            items.add(item(row));
        }
        return items;
    }

    @Override
    public void update(RecommendedItem item) {
        RecommendationEntity[] rows = ao.find(RecommendationEntity.class, Query.select()
                .where("CYCLE_KEY = ? AND NUMBER = ?", item.cycleKey(), item.number()));
        if (rows.length == 0) {
            throw new NotFoundException("cycle " + item.cycleKey() + " recommended no item " + item.number());
        }
        RecommendationEntity row = rows[0];
        row.setTakenInto(item.takenInto());
        row.setTakenBy(item.takenBy());
        row.setTakenAtMillis(item.takenAt() == null ? 0L : item.takenAt().toEpochMilli());
        row.save();
    }

    private static RecommendedItem item(RecommendationEntity row) {
        return new RecommendedItem(row.getCycleKey(), row.getNumber(), RecommendationKind.valueOf(row.getKind()),
                nullToEmpty(row.getSubject()), nullToEmpty(row.getReason()),
                RecommendedItem.decodeNumbers(row.getNumbers()), row.getTakenInto(), row.getTakenBy(),
                row.getTakenAtMillis() == 0 ? null : Instant.ofEpochMilli(row.getTakenAtMillis()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
