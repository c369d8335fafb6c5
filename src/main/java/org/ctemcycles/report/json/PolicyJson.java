package org.ctemcycles.report.json;

import com.google.gson.JsonObject;
import org.ctemcycles.core.priority.PriorityPolicy;

import java.math.BigDecimal;
import java.util.Map;

/** A prioritisation policy as JSON, in the form the policy file reader accepts ({@code ctem policy} prints it). */
public final class PolicyJson {

    private PolicyJson() {
    }

    public static JsonObject toJson(PriorityPolicy p) {
        JsonObject json = new JsonObject();
        json.addProperty("id", p.id());
        json.addProperty("version", p.version());
        json.addProperty("description", p.description());
        JsonObject cvss = new JsonObject();
        cvss.addProperty("weight", p.cvssWeight());
        cvss.addProperty("unknownPoints", p.cvssUnknownPoints());
        json.add("cvss", cvss);
        JsonObject epss = new JsonObject();
        epss.addProperty("maxPoints", p.epssMaxPoints());
        epss.addProperty("floor", new BigDecimal(Double.toString(p.epssFloor())).stripTrailingZeros());
        epss.addProperty("percentileThreshold", new BigDecimal(Double.toString(p.epssPercentileThreshold())));
        epss.addProperty("percentileBonus", p.epssPercentileBonus());
        epss.addProperty("maxAge", p.epssMaxAge().toString());
        json.add("epss", epss);
        JsonObject kev = new JsonObject();
        kev.addProperty("points", p.kevPoints());
        kev.addProperty("ransomwarePoints", p.ransomwarePoints());
        kev.addProperty("maxAge", p.kevMaxAge().toString());
        json.add("kev", kev);
        JsonObject exploitation = new JsonObject();
        exploitation.addProperty("activePoints", p.activeExploitationPoints());
        exploitation.addProperty("publicPocPoints", p.publicPocPoints());
        json.add("exploitation", exploitation);
        json.add("criticality", map(p.criticalityPoints()));
        json.add("exposure", map(p.exposurePoints()));
        json.add("validation", map(p.validationPoints()));
        JsonObject controls = new JsonObject();
        controls.addProperty("maxPoints", p.controlMaxPoints());
        json.add("controls", controls);
        json.add("tiers", map(p.tierThresholds()));
        JsonObject deadlines = new JsonObject();
        deadlines.addProperty("regulatory", p.regulatoryRules().name());
        deadlines.addProperty("kevDueDate", p.kevDueDate());
        deadlines.addProperty("internalSla", p.internalSla());
        JsonObject sla = new JsonObject();
        p.slaDays().forEach((tier, days) -> sla.addProperty(tier.name(), days));
        deadlines.add("slaDays", sla);
        deadlines.addProperty("bodMostUrgentWhenUnknown", p.bodMostUrgentWhenUnknown());
        json.add("deadlines", deadlines);
        return json;
    }

    private static JsonObject map(Map<? extends Enum<?>, BigDecimal> values) {
        JsonObject json = new JsonObject();
        values.forEach((key, value) -> json.addProperty(key.name(), value));
        return json;
    }
}
