package org.ctemcycles.ingest.priority;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.RegulatoryRules;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.ingest.ImportException;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a prioritisation policy file (JSON; the form {@code ctem policy} prints). {@code id} and {@code version} are
 * required; every other value may be left out and then keeps the value of the default policy (ctem-default v1), so a
 * file states only what an organisation changes. Unknown fields and out-of-range values are rejected, each named by
 * its path (e.g. {@code epss.percentileThreshold}).
 */
public final class PolicyJsonReader {

    private static final Set<String> TOP = Set.of("id", "version", "description", "cvss", "epss", "kev",
            "exploitation", "criticality", "exposure", "validation", "controls", "tiers", "deadlines");

    public PriorityPolicy read(Reader in) throws ImportException {
        JsonObject json;
        try {
            JsonReader reader = new JsonReader(in);
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(8);
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject()) {
                throw new ImportException("a policy is a JSON object");
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ImportException("the policy is not valid JSON: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        JsonFields f = new JsonFields("", problems);
        PriorityPolicy d = PriorityPolicy.defaults();
        f.onlyKnown(json, "", TOP);
        String id = f.string(json, "", "id");
        Integer version = f.integer(json, "", "version");
        if (id == null) {
            f.problem("id", "is required");
        }
        if (version == null) {
            f.problem("version", "is required");
        }
        String description = or(f.string(json, "", "description"), "");
        JsonObject cvss = section(f, json, "cvss", Set.of("weight", "unknownPoints"));
        JsonObject epss = section(f, json, "epss", Set.of("maxPoints", "floor", "percentileThreshold",
                "percentileBonus", "maxAge"));
        JsonObject kev = section(f, json, "kev", Set.of("points", "ransomwarePoints", "maxAge"));
        JsonObject exploitation = section(f, json, "exploitation", Set.of("activePoints", "publicPocPoints"));
        JsonObject controls = section(f, json, "controls", Set.of("maxPoints"));
        JsonObject deadlines = section(f, json, "deadlines", Set.of("regulatory", "kevDueDate", "internalSla",
                "slaDays", "bodMostUrgentWhenUnknown"));
        RegulatoryRules rules = f.enumValue(deadlines, "deadlines.", "regulatory", RegulatoryRules.class);
        Map<Tier, Integer> sla = new EnumMap<>(d.slaDays());
        JsonObject slaDays = section(f, deadlines, "deadlines.", "slaDays", names(Tier.values()));
        for (Tier tier : Tier.values()) {
            Integer days = f.integer(slaDays, "deadlines.slaDays.", tier.name());
            if (days != null) {
                sla.put(tier, days);
            }
        }
        BigDecimal floor = f.number(epss, "epss.", "floor");
        BigDecimal threshold = f.number(epss, "epss.", "percentileThreshold");
        Map<Tier, BigDecimal> tiers = map(f, json, "tiers", d.tierThresholds(), Tier.class,
                new Tier[]{Tier.CRITICAL, Tier.HIGH, Tier.MEDIUM});
        BigDecimal cvssWeight = or(f.number(cvss, "cvss.", "weight"), d.cvssWeight());
        BigDecimal cvssUnknown = or(f.number(cvss, "cvss.", "unknownPoints"), d.cvssUnknownPoints());
        BigDecimal epssMax = or(f.number(epss, "epss.", "maxPoints"), d.epssMaxPoints());
        BigDecimal epssBonus = or(f.number(epss, "epss.", "percentileBonus"), d.epssPercentileBonus());
        java.time.Duration epssAge = or(f.duration(epss, "epss.", "maxAge"), d.epssMaxAge());
        BigDecimal kevPoints = or(f.number(kev, "kev.", "points"), d.kevPoints());
        BigDecimal ransomware = or(f.number(kev, "kev.", "ransomwarePoints"), d.ransomwarePoints());
        java.time.Duration kevAge = or(f.duration(kev, "kev.", "maxAge"), d.kevMaxAge());
        BigDecimal active = or(f.number(exploitation, "exploitation.", "activePoints"), d.activeExploitationPoints());
        BigDecimal poc = or(f.number(exploitation, "exploitation.", "publicPocPoints"), d.publicPocPoints());
        Map<Criticality, BigDecimal> criticality = map(f, json, "criticality", d.criticalityPoints(),
                Criticality.class, Criticality.values());
        Map<Exposure, BigDecimal> exposure = map(f, json, "exposure", d.exposurePoints(), Exposure.class,
                Exposure.values());
        Map<ValidationOutcome, BigDecimal> validation = map(f, json, "validation", d.validationPoints(),
                ValidationOutcome.class, ValidationOutcome.values());
        BigDecimal controlMax = or(f.number(controls, "controls.", "maxPoints"), d.controlMaxPoints());
        boolean kevDueDate = or(f.bool(deadlines, "deadlines.", "kevDueDate"), d.kevDueDate());
        boolean internalSla = or(f.bool(deadlines, "deadlines.", "internalSla"), d.internalSla());
        boolean mostUrgent = or(f.bool(deadlines, "deadlines.", "bodMostUrgentWhenUnknown"),
                d.bodMostUrgentWhenUnknown());
        PriorityPolicy policy = null;
        if (problems.isEmpty()) {
            try {
                policy = new PriorityPolicy(id, version, description, cvssWeight, cvssUnknown, epssMax,
                        floor == null ? d.epssFloor() : floor.doubleValue(),
                        threshold == null ? d.epssPercentileThreshold() : threshold.doubleValue(), epssBonus, epssAge,
                        kevPoints, ransomware, kevAge, active, poc, criticality, exposure, validation, controlMax,
                        tiers, or(rules, d.regulatoryRules()), kevDueDate, internalSla, sla, mostUrgent);
            } catch (InvalidInputException e) {
                for (Problem problem : e.problems()) {
                    problems.add(problem.toString());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(String.join("\n", problems));
        }
        return policy;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Set<String> names(Enum<?>[] values) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    private static JsonObject section(JsonFields f, JsonObject json, String name, Set<String> known) {
        return section(f, json, "", name, known);
    }

    private static JsonObject section(JsonFields f, JsonObject json, String path, String name, Set<String> known) {
        JsonObject section = json == null ? null : f.object(json, path, name);
        if (section == null) {
            return new JsonObject();
        }
        f.onlyKnown(section, path + name + ".", known);
        return section;
    }

    private static <K extends Enum<K>> Map<K, BigDecimal> map(JsonFields f, JsonObject json, String name,
                                                              Map<K, BigDecimal> defaults, Class<K> type, K[] keys) {
        Map<K, BigDecimal> values = new EnumMap<>(type);
        values.putAll(defaults);
        JsonObject section = section(f, json, name, names(keys));
        for (K key : keys) {
            BigDecimal value = f.number(section, name + ".", key.name());
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }
}
