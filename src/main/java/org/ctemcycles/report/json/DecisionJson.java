package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.ctemcycles.core.priority.DeadlineCandidate;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;


/**
 * A ranked decision as one JSON object (the lines {@code ctem prioritise} prints; README, "Decisions", documents every
 * field): rank, key, score, tier, SSVC, deadline with its rule and candidates, factors with contribution and
 * provenance, feeds with freshness, policy, decidedAt and the rationale sentence.
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static JsonObject toJson(int rank, Decision d) {
        JsonObject json = new JsonObject();
        json.addProperty("rank", rank);
        json.addProperty("key", d.findingKey());
        json.addProperty("score", d.scorePoints());
        json.addProperty("tier", d.tier().name());
        json.add("ssvc", ssvc(d.ssvc()));
        JsonObject deadline = new JsonObject();
        deadline.addProperty("date", d.deadline().date() == null ? null : d.deadline().date().toString());
        deadline.addProperty("rule", d.deadline().rule());
        deadline.addProperty("basis", d.deadline().basis());
        deadline.addProperty("overdue", d.deadline().overdue());
        deadline.addProperty("forensicInvestigation", d.deadline().forensic());
        JsonArray candidates = new JsonArray();
        for (DeadlineCandidate c : d.deadline().candidates()) {
            JsonObject o = new JsonObject();
            o.addProperty("rule", c.rule());
            o.addProperty("date", c.date() == null ? null : c.date().toString());
            o.addProperty("basis", c.basis());
            candidates.add(o);
        }
        deadline.add("candidates", candidates);
        json.add("deadline", deadline);
        JsonArray factors = new JsonArray();
        for (Factor f : d.factors()) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", f.kind().name());
            o.addProperty("points", f.points());
            o.addProperty("label", f.label());
            if (!f.evidence().isEmpty()) {
                o.addProperty("evidence", f.evidence());
            }
            JsonObject source = new JsonObject();
            source.addProperty("source", f.provenance().source());
            source.addProperty("version", f.provenance().version());
            source.addProperty("asOf", f.provenance().asOf());
            source.addProperty("note", f.provenance().note());
            o.add("provenance", source);
            factors.add(o);
        }
        json.add("factors", factors);
        JsonArray feeds = new JsonArray();
        for (FeedUse f : d.feeds()) {
            JsonObject o = new JsonObject();
            o.addProperty("feed", f.feed());
            o.addProperty("given", f.given());
            o.addProperty("version", f.version());
            o.addProperty("asOf", f.asOf());
            o.addProperty("source", f.source());
            o.addProperty("stale", f.stale());
            o.addProperty("freshness", f.given() ? f.freshness().describe() : "no feed given");
            feeds.add(o);
        }
        json.add("feeds", feeds);
        JsonObject policy = new JsonObject();
        policy.addProperty("id", d.policyId());
        policy.addProperty("version", d.policyVersion());
        json.add("policy", policy);
        json.addProperty("decidedAt", d.decidedAt().toString());
        json.addProperty("rationale", d.rationale());
        return json;
    }

    private static JsonObject ssvc(SsvcDecision s) {
        JsonObject o = new JsonObject();
        if (s.determined()) {
            o.addProperty("outcome", s.outcome().label());
        } else {
            o.add("outcome", JsonNull.INSTANCE);
        }
        JsonArray possible = new JsonArray();
        for (SsvcOutcome outcome : s.possible()) {
            possible.add(outcome.label());
        }
        o.add("possible", possible);
        o.add("exploitation", input(s.exploitation()));
        o.add("automatable", input(s.automatable()));
        o.add("technicalImpact", input(s.technicalImpact()));
        o.add("missionPrevalence", input(s.missionPrevalence()));
        o.add("publicWellBeing", input(s.publicWellBeing()));
        o.add("missionWellBeing", input(s.missionWellBeing()));
        return o;
    }

    private static JsonObject input(SsvcInput<?> input) {
        JsonObject o = new JsonObject();
        o.addProperty("value", input.label());
        o.addProperty("source", input.source());
        return o;
    }
}
