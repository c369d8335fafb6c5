package org.ctemcycles.ingest.zap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.JsonSource;
import org.ctemcycles.ingest.support.JsonValues;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads OWASP ZAP "traditional JSON" reports (and the older core JSON report), one alert at a time. */
public final class ZapJsonImporter implements Importer {

    /** Raw HTTP messages of the "traditional JSON plus" report: large, never used, passed over unread. */
    private static final Set<String> HTTP_MESSAGES = Set.of("requestHeader", "requestBody", "responseHeader",
            "responseBody");

    @Override
    public String format() {
        return "zap-json";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        if (Heads.firstSignificant(text) != '{') {
            return false;
        }
        return Heads.hasKey(text, "@programName") && text.contains("ZAP")
                || Heads.hasKey(text, "site") && (Heads.hasKey(text, "@version") || Heads.hasKey(text, "@generated"));
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        JsonSource json = null;
        try {
            json = JsonSource.open(report, limits);
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "a ZAP report (a JSON object)");
            reader.beginObject();
            String tool = "ZAP";
            String version = "";
            boolean sawSite = false;
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "@programName" -> {
                        String program = json.nextText();
                        tool = program == null || program.isBlank() ? tool : program.trim();
                    }
                    case "@version" -> {
                        String text = json.nextText();
                        version = text == null ? "" : text.trim();
                    }
                    case "site" -> {
                        sawSite = true;
                        if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                            reader.beginArray();
                            while (reader.hasNext()) {
                                site(json, emitter, tool, version);
                            }
                            reader.endArray();
                        } else {
                            site(json, emitter, tool, version);
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            json.expectEnd();
            if (!sawSite) {
                throw new ImportException(json.where() + ": the ZAP report has no site member");
            }
            emitter.finish();
        } catch (IOException | RuntimeException e) {
            throw json == null ? new ImportException(e.getMessage(), e) : json.failure(e);
        }
    }

    private static void site(JsonSource json, Emitter emitter, String tool, String version)
            throws IOException, ImportException {
        JsonReader reader = json.reader();
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return;
        }
        json.expect(JsonToken.BEGIN_OBJECT, "a site (a JSON object)");
        reader.beginObject();
        String name = null;
        String host = null;
        String port = null;
        String ssl = null;
        List<JsonObject> early = new ArrayList<>();
        String earlyWhere = null;
        ZapAlerts.Site site = null;
        while (reader.hasNext()) {
            String member = reader.nextName();
            switch (member) {
                case "@name" -> name = json.nextText();
                case "@host" -> host = json.nextText();
                case "@port" -> port = json.nextText();
                case "@ssl" -> ssl = json.nextText();
                case "alerts" -> {
                    if (!json.beginArrayOrNull("the alerts array")) {
                        continue;
                    }
                    while (reader.hasNext()) {
                        String where = json.where();
                        JsonElement alert = json.readTree(HTTP_MESSAGES);
                        if (!alert.isJsonObject()) {
                            throw new ImportException(where + ": an alert is not a JSON object");
                        }
                        if (name == null && host == null) {
                            // the site's name comes after its alerts: keep them until it is known
                            early.add(alert.getAsJsonObject());
                            earlyWhere = earlyWhere == null ? where : earlyWhere;
                            continue;
                        }
                        if (site == null) {
                            site = new ZapAlerts.Site(name, host, port, ssl);
                        }
                        alert(alert.getAsJsonObject(), site, tool, version, emitter, where);
                    }
                    reader.endArray();
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        ZapAlerts.Site late = new ZapAlerts.Site(name, host, port, ssl);
        for (JsonObject alert : early) {
            alert(alert, late, tool, version, emitter, earlyWhere);
        }
    }

    private static void alert(JsonObject alert, ZapAlerts.Site site, String tool, String version, Emitter emitter,
                              String where) throws ImportException {
        List<Map<String, String>> instances = new ArrayList<>();
        for (JsonObject instance : JsonValues.objects(alert, "instances")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String key : instance.keySet()) {
                String value = JsonValues.text(instance, key);
                if (value != null) {
                    fields.put(key, value);
                }
            }
            instances.add(fields);
        }
        ZapAlerts.emit(key -> key.equals("cve") ? String.join(",", JsonValues.texts(alert, "cve_id"))
                : JsonValues.text(alert, key), instances, site, tool, version, emitter, where);
    }
}
