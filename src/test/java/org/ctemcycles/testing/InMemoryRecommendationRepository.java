package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.RecommendationRepository;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.common.NotFoundException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link RecommendationRepository} held in memory. */
public class InMemoryRecommendationRepository implements RecommendationRepository {

    private final List<RecommendedItem> items = new ArrayList<>();

    @Override
    public synchronized void insertAll(List<RecommendedItem> added) {
        items.addAll(added);
    }

    @Override
    public synchronized List<RecommendedItem> list(String cycleKey) {
        return items.stream().filter(i -> i.cycleKey().equals(cycleKey))
                .sorted(Comparator.comparingInt(RecommendedItem::number)).toList();
    }

    @Override
    public synchronized void update(RecommendedItem item) {
        for (int i = 0; i < items.size(); i++) {
            RecommendedItem stored = items.get(i);
            if (stored.cycleKey().equals(item.cycleKey()) && stored.number() == item.number()) {
                items.set(i, item);
                return;
            }
        }
        throw new NotFoundException("cycle " + item.cycleKey() + " recommended no item " + item.number());
    }
}
