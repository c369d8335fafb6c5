package org.ctemcycles.report.json;

import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogEntry;

/**
 * The JSON forms of the activity log: an entry as stored (with both hashes, so a client can check the chain itself)
 * and the verification of a cycle's chain, with the field names of the evidence pack's {@code activityLog}.
 */
public final class LogJson {

    private LogJson() {
    }

    /** {@code cycle, sequence, at, actor, action, subject, before, after, previousHash, hash}. */
    public static JsonObject entry(LogEntry e) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", e.cycleKey());
        json.addProperty("sequence", e.sequence());
        json.addProperty("at", e.at().toString());
        json.addProperty("actor", e.actor());
        json.addProperty("action", e.action());
        json.addProperty("subject", e.subject());
        json.addProperty("before", e.before());
        json.addProperty("after", e.after());
        json.addProperty("previousHash", e.previousHash());
        json.addProperty("hash", e.hash());
        return json;
    }

    /** {@code cycle, intact, entries, firstBreak{kind, sequence, description} or null}. */
    public static JsonObject verification(ChainReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", report.cycleKey());
        json.addProperty("intact", report.intact());
        json.addProperty("entries", report.entries());
        json.add("firstBreak", report.broken().map(b -> {
            JsonObject found = new JsonObject();
            found.addProperty("kind", b.kind().name());
            found.addProperty("sequence", b.sequence());
            found.addProperty("description", b.toString());
            return found;
        }).orElse(null));
        return json;
    }
}
