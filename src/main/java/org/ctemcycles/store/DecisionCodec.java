package org.ctemcycles.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.DeadlineCandidate;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.Provenance;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scoring.Freshness;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.MissionPrevalence;
import org.ctemcycles.core.scoring.ssvc.MissionWellBeing;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stored form of a whole {@link Decision} (column {@code DECISION_JSON}): every field, so a decision read back
 * equals the one written. Enum values by name; dates ISO; durations ISO-8601.
 */
final class DecisionCodec {

    private DecisionCodec() {
    }

    static String encode(Decision d) {
        JsonObject json = new JsonObject();
        json.addProperty("findingKey", d.findingKey());
        json.addProperty("score", d.score());
        json.addProperty("tier", d.tier().name());
        json.add("ssvc", ssvc(d.ssvc()));
        json.add("deadline", deadline(d.deadline()));
        JsonArray factors = new JsonArray();
        for (Factor f : d.factors()) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", f.kind().name());
            o.addProperty("contribution", f.contribution());
            o.addProperty("label", f.label());
            o.addProperty("evidence", f.evidence());
            o.add("provenance", provenance(f.provenance()));
            factors.add(o);
        }
        json.add("factors", factors);
        JsonArray feeds = new JsonArray();
        for (FeedUse f : d.feeds()) {
            JsonObject o = new JsonObject();
            o.addProperty("feed", f.feed());
            o.addProperty("version", f.version());
            o.addProperty("asOf", f.asOf());
            o.addProperty("source", f.source());
            if (f.freshness() != null) {
                o.addProperty("freshAsOf", f.freshness().asOf().toString());
                o.addProperty("usedAt", f.freshness().usedAt().toString());
                o.addProperty("maxAge", f.freshness().maxAge().toString());
            }
            feeds.add(o);
        }
        json.add("feeds", feeds);
        json.addProperty("policyId", d.policyId());
        json.addProperty("policyVersion", d.policyVersion());
        json.addProperty("decidedAt", d.decidedAt().toString());
        return json.toString();
    }

    static Decision decode(String text) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        List<Factor> factors = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("factors")) {
            JsonObject o = e.getAsJsonObject();
            factors.add(new Factor(FactorKind.valueOf(s(o, "kind")), o.get("contribution").getAsInt(), s(o, "label"),
                    s(o, "evidence"), provenance(o.getAsJsonObject("provenance"))));
        }
        List<FeedUse> feeds = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("feeds")) {
            JsonObject o = e.getAsJsonObject();
            Freshness freshness = o.has("freshAsOf") ? new Freshness(Instant.parse(s(o, "freshAsOf")),
                    Instant.parse(s(o, "usedAt")), Duration.parse(s(o, "maxAge"))) : null;
            feeds.add(new FeedUse(s(o, "feed"), s(o, "version"), s(o, "asOf"), s(o, "source"), freshness));
        }
        return new Decision(s(json, "findingKey"), json.get("score").getAsInt(), Tier.valueOf(s(json, "tier")),
                ssvc(json.getAsJsonObject("ssvc")), deadline(json.getAsJsonObject("deadline")), factors, feeds,
                s(json, "policyId"), json.get("policyVersion").getAsInt(), Instant.parse(s(json, "decidedAt")));
    }

    private static JsonObject provenance(Provenance p) {
        JsonObject o = new JsonObject();
        o.addProperty("source", p.source());
        o.addProperty("version", p.version());
        o.addProperty("asOf", p.asOf());
        o.addProperty("note", p.note());
        return o;
    }

    private static Provenance provenance(JsonObject o) {
        return new Provenance(s(o, "source"), s(o, "version"), s(o, "asOf"), s(o, "note"));
    }

    private static JsonObject ssvc(SsvcDecision s) {
        JsonObject o = new JsonObject();
        o.add("exploitation", input(s.exploitation()));
        o.add("automatable", input(s.automatable()));
        o.add("technicalImpact", input(s.technicalImpact()));
        o.add("missionPrevalence", input(s.missionPrevalence()));
        o.add("publicWellBeing", input(s.publicWellBeing()));
        o.add("missionWellBeing", input(s.missionWellBeing()));
        JsonArray possible = new JsonArray();
        s.possible().forEach(outcome -> possible.add(outcome.name()));
        o.add("possible", possible);
        return o;
    }

    private static SsvcDecision ssvc(JsonObject o) {
        Set<SsvcOutcome> possible = EnumSet.noneOf(SsvcOutcome.class);
        o.getAsJsonArray("possible").forEach(e -> possible.add(SsvcOutcome.valueOf(e.getAsString())));
        return new SsvcDecision(input(o, "exploitation", Exploitation.class),
                input(o, "automatable", Automatable.class), input(o, "technicalImpact", TechnicalImpact.class),
                input(o, "missionPrevalence", MissionPrevalence.class),
                input(o, "publicWellBeing", PublicWellBeingImpact.class),
                input(o, "missionWellBeing", MissionWellBeing.class), possible);
    }

    private static JsonObject input(SsvcInput<?> input) {
        JsonObject o = new JsonObject();
        o.addProperty("value", input.value() == null ? null : input.value().name());
        o.addProperty("source", input.source());
        return o;
    }

    private static <T extends Enum<T>> SsvcInput<T> input(JsonObject parent, String name, Class<T> type) {
        JsonObject o = parent.getAsJsonObject(name);
        JsonElement value = o.get("value");
        return new SsvcInput<>(value == null || value.isJsonNull() ? null : Enum.valueOf(type, value.getAsString()),
                s(o, "source"));
    }

    private static JsonObject deadline(Deadline d) {
        JsonObject o = new JsonObject();
        o.addProperty("date", d.date() == null ? null : d.date().toString());
        o.addProperty("rule", d.rule());
        o.addProperty("basis", d.basis());
        o.addProperty("overdue", d.overdue());
        o.addProperty("forensic", d.forensic());
        JsonArray candidates = new JsonArray();
        for (DeadlineCandidate c : d.candidates()) {
            JsonObject co = new JsonObject();
            co.addProperty("rule", c.rule());
            co.addProperty("date", c.date() == null ? null : c.date().toString());
            co.addProperty("basis", c.basis());
            co.addProperty("forensic", c.forensic());
            candidates.add(co);
        }
        o.add("candidates", candidates);
        return o;
    }

    private static Deadline deadline(JsonObject o) {
        List<DeadlineCandidate> candidates = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("candidates")) {
            JsonObject c = e.getAsJsonObject();
            candidates.add(new DeadlineCandidate(s(c, "rule"), date(c), s(c, "basis"), c.get("forensic").getAsBoolean()));
        }
        return new Deadline(date(o), s(o, "rule"), s(o, "basis"), o.get("overdue").getAsBoolean(),
                o.get("forensic").getAsBoolean(), candidates);
    }

    private static LocalDate date(JsonObject o) {
        JsonElement date = o.get("date");
        return date == null || date.isJsonNull() ? null : LocalDate.parse(date.getAsString());
    }

    private static String s(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
