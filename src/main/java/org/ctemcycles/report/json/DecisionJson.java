package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.DeadlineCandidate;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionEncoding;
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
import java.util.Map;
import java.util.Set;

/**
 * The one JSON form of a decision (ADR 021): the lines {@code ctem prioritise} prints (with their rank and rationale;
 * README, "Decisions", documents every field) and, without those two, the column the store keeps. Every fact of the
 * decision is written, so {@link #decode} gives back an equal decision; the fields derived from the facts (SSVC
 * {@code outcome}, a feed's {@code given}, {@code stale} and {@code freshness} text, the rationale) are written for
 * readers and ignored when read.
 */
public final class DecisionJson implements DecisionEncoding {

    /** A ranked decision as one JSON object: rank, the decision, and its rationale sentence. */
    public static JsonObject toJson(int rank, Decision d) {
        JsonObject json = new JsonObject();
        json.addProperty("rank", rank);
        for (Map.Entry<String, JsonElement> field : object(d).entrySet()) {
            json.add(field.getKey(), field.getValue());
        }
        json.addProperty("rationale", d.rationale());
        return json;
    }

    @Override
    public String encode(Decision decision) {
        return object(decision).toString();
    }

    @Override
    public Decision decode(String text) {
        try {
            return read(JsonParser.parseString(text).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException
                 | java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("not an encoded decision: " + e.getMessage(), e);
        }
    }

    static JsonObject object(Decision d) {
        JsonObject json = new JsonObject();
        json.addProperty("key", d.findingKey());
        json.addProperty("score", d.scorePoints());
        json.addProperty("tier", d.tier().name());
        json.add("ssvc", ssvc(d.ssvc()));
        json.add("deadline", deadline(d.deadline()));
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
            if (f.given()) {
                o.addProperty("dataAsOf", f.freshness().asOf().toString());
                o.addProperty("usedAt", f.freshness().usedAt().toString());
                o.addProperty("maxAge", f.freshness().maxAge().toString());
            }
            feeds.add(o);
        }
        json.add("feeds", feeds);
        JsonObject policy = new JsonObject();
        policy.addProperty("id", d.policyId());
        policy.addProperty("version", d.policyVersion());
        json.add("policy", policy);
        json.addProperty("decidedAt", d.decidedAt().toString());
        return json;
    }

    private static JsonObject deadline(Deadline d) {
        JsonObject deadline = new JsonObject();
        deadline.addProperty("date", d.date() == null ? null : d.date().toString());
        deadline.addProperty("rule", d.rule());
        deadline.addProperty("basis", d.basis());
        deadline.addProperty("overdue", d.overdue());
        deadline.addProperty("forensicInvestigation", d.forensic());
        JsonArray candidates = new JsonArray();
        for (DeadlineCandidate c : d.candidates()) {
            JsonObject o = new JsonObject();
            o.addProperty("rule", c.rule());
            o.addProperty("date", c.date() == null ? null : c.date().toString());
            o.addProperty("basis", c.basis());
            o.addProperty("forensicInvestigation", c.forensic());
            candidates.add(o);
        }
        deadline.add("candidates", candidates);
        return deadline;
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

    private static Decision read(JsonObject json) {
        List<Factor> factors = new ArrayList<>();
        for (JsonElement e : array(json, "factors")) {
            JsonObject o = e.getAsJsonObject();
            JsonObject p = object(o, "provenance");
            factors.add(new Factor(FactorKind.valueOf(text(o, "kind")), tenths(o, "points"), text(o, "label"),
                    o.has("evidence") ? text(o, "evidence") : "",
                    new Provenance(text(p, "source"), text(p, "version"), text(p, "asOf"), text(p, "note"))));
        }
        List<FeedUse> feeds = new ArrayList<>();
        for (JsonElement e : array(json, "feeds")) {
            JsonObject o = e.getAsJsonObject();
            Freshness freshness = o.has("dataAsOf") ? new Freshness(Instant.parse(text(o, "dataAsOf")),
                    Instant.parse(text(o, "usedAt")), Duration.parse(text(o, "maxAge"))) : null;
            feeds.add(new FeedUse(text(o, "feed"), text(o, "version"), text(o, "asOf"), text(o, "source"), freshness));
        }
        JsonObject policy = object(json, "policy");
        return new Decision(text(json, "key"), tenths(json, "score"), Tier.valueOf(text(json, "tier")),
                readSsvc(object(json, "ssvc")), readDeadline(object(json, "deadline")), factors, feeds,
                text(policy, "id"), field(policy, "version").getAsInt(), Instant.parse(text(json, "decidedAt")));
    }

    private static Deadline readDeadline(JsonObject o) {
        List<DeadlineCandidate> candidates = new ArrayList<>();
        for (JsonElement e : array(o, "candidates")) {
            JsonObject c = e.getAsJsonObject();
            candidates.add(new DeadlineCandidate(text(c, "rule"), date(c), text(c, "basis"),
                    field(c, "forensicInvestigation").getAsBoolean()));
        }
        return new Deadline(date(o), text(o, "rule"), text(o, "basis"), field(o, "overdue").getAsBoolean(),
                field(o, "forensicInvestigation").getAsBoolean(), candidates);
    }

    private static SsvcDecision readSsvc(JsonObject o) {
        Set<SsvcOutcome> possible = EnumSet.noneOf(SsvcOutcome.class);
        for (JsonElement e : array(o, "possible")) {
            possible.add(SsvcOutcome.fromTable(e.getAsString()));
        }
        return new SsvcDecision(readInput(o, "exploitation", Exploitation.class),
                readInput(o, "automatable", Automatable.class), readInput(o, "technicalImpact", TechnicalImpact.class),
                readInput(o, "missionPrevalence", MissionPrevalence.class),
                readInput(o, "publicWellBeing", PublicWellBeingImpact.class),
                readInput(o, "missionWellBeing", MissionWellBeing.class), possible);
    }

    /** The inverse of {@link SsvcInput#label()}: the value whose table text was written, or unknown. */
    private static <T extends Enum<T>> SsvcInput<T> readInput(JsonObject parent, String name, Class<T> type) {
        JsonObject o = object(parent, name);
        String label = text(o, "value");
        String source = text(o, "source");
        if ("unknown".equals(label)) {
            return SsvcInput.unknown(source);
        }
        for (T value : type.getEnumConstants()) {
            if (SsvcInput.known(value, source).label().equals(label)) {
                return SsvcInput.known(value, source);
            }
        }
        throw new IllegalArgumentException("ssvc." + name + ": no " + type.getSimpleName() + " '" + label + "'");
    }

    private static int tenths(JsonObject o, String name) {
        return field(o, name).getAsBigDecimal().movePointRight(1).intValueExact();
    }

    private static LocalDate date(JsonObject o) {
        JsonElement date = field(o, "date");
        return date.isJsonNull() ? null : LocalDate.parse(date.getAsString());
    }

    private static JsonElement field(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return e;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = field(o, name);
        return e.isJsonNull() ? null : e.getAsString();
    }

    private static JsonObject object(JsonObject o, String name) {
        return field(o, name).getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String name) {
        return field(o, name).getAsJsonArray();
    }
}
