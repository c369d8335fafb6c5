package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRun;

import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a scheduled discovery source. The token is never in it: only whether the source has one.
 */
public final class SourceJson {

    private SourceJson() {
    }

    /**
     * {@code id, cycle, name, kind (https, folder), location (the URL, or the folder relative to the shared home's
     * {@code ctem/sources/}, as a POST names it: never the server's absolute path), every (ISO-8601), covers[],
     * format, hasToken, createdBy, lastRunAt, lastOutcome, failures (failed runs in a row), nextRunAt (when it is
     * due: its last run and its interval, backed off while it fails; null when it never ran: due at once), runs[{at, result, observations, outcome}]} (the newest runs, newest first).
     */
    public static JsonObject source(DiscoverySource source, String location, List<SourceRun> runs) {
        JsonObject json = new JsonObject();
        json.addProperty("id", source.id());
        json.addProperty("cycle", source.cycleKey());
        json.addProperty("name", source.name());
        json.addProperty("kind", source.kind().name().toLowerCase(Locale.ROOT));
        json.addProperty("location", location);
        json.addProperty("every", source.every().toString());
        JsonArray covers = new JsonArray();
        source.covers().forEach(covers::add);
        json.add("covers", covers);
        json.addProperty("format", source.format());
        json.addProperty("hasToken", !source.sealedToken().isEmpty());
        json.addProperty("createdBy", source.createdBy());
        json.addProperty("lastRunAt", source.lastRunAt() == null ? null : source.lastRunAt().toString());
        json.addProperty("lastOutcome", source.lastOutcome());
        json.addProperty("failures", source.failures());
        json.addProperty("nextRunAt", source.nextRunAt() == null ? null : source.nextRunAt().toString());
        JsonArray list = new JsonArray();
        for (SourceRun run : runs) {
            JsonObject item = new JsonObject();
            item.addProperty("at", run.at().toString());
            item.addProperty("result", run.result());
            item.addProperty("observations", run.observations());
            item.addProperty("outcome", run.outcome());
            list.add(item);
        }
        json.add("runs", list);
        return json;
    }
}
