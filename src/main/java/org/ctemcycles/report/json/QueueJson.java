package org.ctemcycles.report.json;

import com.google.gson.JsonObject;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.QueueService;
import org.ctemcycles.core.priority.Tier;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a prioritisation of a cycle's register stored, in short: the queue's items themselves are
 * {@link DecisionJson} objects, read a page at a time.
 */
public final class QueueJson {

    private QueueJson() {
    }

    /**
     * {@code cycle, run, findings, tiers{TIER: n}, policy{id, version}, feeds[]} (the feeds as each decision records
     * them, see {@link DecisionJson}).
     */
    public static JsonObject ranking(String cycleKey, QueueService.Ranking ranking) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", cycleKey);
        json.addProperty("run", ranking.runId());
        json.addProperty("findings", ranking.queue().size());
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        ranking.queue().forEach(d -> byTier.merge(d.tier(), 1, Integer::sum));
        JsonObject tiers = new JsonObject();
        byTier.forEach((tier, count) -> tiers.addProperty(tier.name(), count));
        json.add("tiers", tiers);
        Decision first = ranking.queue().get(0);
        JsonObject decision = DecisionJson.toJson(1, first);
        json.add("policy", decision.get("policy"));
        json.add("feeds", decision.get("feeds"));
        return json;
    }
}
