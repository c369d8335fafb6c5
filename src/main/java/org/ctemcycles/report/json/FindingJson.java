package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.priority.Decision;

import java.util.List;

import static org.ctemcycles.report.json.RegisterJson.date;
import static org.ctemcycles.report.json.RegisterJson.strings;

/**
 * A finding of a cycle as the REST API shows it: discovery's finding ({@link DiscoveryJson#finding}, what
 * {@code ctem findings list --json} prints) with where it stands in the cycle record: the sources that reported it,
 * its register entry and its newest decision.
 */
public final class FindingJson {

    private FindingJson() {
    }

    /**
     * The fields of {@link DiscoveryJson#finding}, plus {@code sources[] ("tool (source kind)"), signalCount,
     * register{RegisterJson.entry} or null (not in the register: out of scope), priority{score, tier, ssvc, deadline,
     * rationale, decidedAt} or null (never prioritised)}.
     */
    public static JsonObject summary(FindingEvidence e) {
        JsonObject json = withRecord(e);
        json.addProperty("signalCount", e.signals());
        return json;
    }

    /** As {@link #summary}, with every signal ({@link DiscoveryJson#signal}, soft-deleted ones too) instead of the count. */
    public static JsonObject detail(FindingEvidence e, List<Signal> signals) {
        JsonObject json = withRecord(e);
        JsonArray array = new JsonArray();
        signals.forEach(s -> array.add(DiscoveryJson.signal(s)));
        json.add("signals", array);
        return json;
    }

    private static JsonObject withRecord(FindingEvidence e) {
        JsonObject json = DiscoveryJson.finding(e.finding());
        json.add("sources", strings(e.sources()));
        json.add("register", e.entry() == null ? null : RegisterJson.entry(e.entry()));
        Decision d = e.decision();
        if (d == null) {
            json.add("priority", null);
        } else {
            JsonObject priority = new JsonObject();
            priority.addProperty("score", d.scorePoints());
            priority.addProperty("tier", d.tier().name());
            priority.addProperty("ssvc", d.ssvc().label());
            priority.addProperty("deadline", date(d.deadline().date()));
            priority.addProperty("rationale", d.rationale());
            priority.addProperty("decidedAt", d.decidedAt().toString());
            json.add("priority", priority);
        }
        return json;
    }
}
