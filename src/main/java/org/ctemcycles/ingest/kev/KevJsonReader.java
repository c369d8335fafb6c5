package org.ctemcycles.ingest.kev;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.Strictness;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevCatalogInfo;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.support.Gzip;
import org.ctemcycles.ingest.support.JsonGuard;
import org.ctemcycles.ingest.support.LimitException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CISA's KEV catalogue in its JSON form ({@code known_exploited_vulnerabilities.json}, schema draft-07) with a
 * streaming parser: the header fields ({@code title, catalogVersion, dateReleased, count}) and every field of every
 * vulnerability. Fields the schema does not know are skipped, so a new CISA field does not break the feed. The
 * catalogue is rejected whole, with the entry and field named, if an entry breaks the schema or {@code count}
 * disagrees with the entries (a truncated download). The catalogue is read within the import limits (its size after
 * decompression, the length of any text), checked before the parser holds a value.
 */
public final class KevJsonReader {

    private final ImportLimits limits;

    /** A reader within the import limits: the size after decompression, the length of a text, the nesting. */
    public KevJsonReader(ImportLimits limits) {
        this.limits = limits;
    }

    public KevJsonReader() {
        this(ImportLimits.defaults());
    }

    public KevCatalog read(InputStream in, String source, Instant loadedAt) throws ImportException {
        try (JsonReader json = new JsonReader(new JsonGuard(new InputStreamReader(
                Gzip.decompress(in, limits, "the KEV catalogue"), StandardCharsets.UTF_8), limits))) {
            json.setStrictness(Strictness.STRICT);
            json.setNestingLimit(8);
            String title = null;
            String version = null;
            String released = null;
            Integer count = null;
            List<KevEntry> entries = null;
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                switch (name) {
                    case "title" -> title = string(json, name);
                    case "catalogVersion" -> version = string(json, name);
                    case "dateReleased" -> released = string(json, name);
                    case "count" -> count = json.nextInt();
                    case "vulnerabilities" -> entries = vulnerabilities(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new ImportException(json.getPath() + ": unexpected content after the catalogue");
            }
            for (String[] required : new String[][]{{"catalogVersion", version}, {"dateReleased", released}}) {
                if (required[1] == null) {
                    throw new ImportException(required[0] + " is required");
                }
            }
            if (count == null || entries == null) {
                throw new ImportException((count == null ? "count" : "vulnerabilities") + " is required");
            }
            if (count != entries.size()) {
                throw new ImportException("count says " + count + " vulnerabilities but the catalogue lists "
                        + entries.size() + " (truncated or edited feed?)");
            }
            Instant releasedAt;
            try {
                releasedAt = OffsetDateTime.parse(released).toInstant();
            } catch (DateTimeParseException e) {
                throw new ImportException("dateReleased '" + released + "' is not a date-time such as "
                        + "2025-08-25T17:04:19.9796Z");
            }
            KevCatalogInfo info = new KevCatalogInfo(title == null ? "" : title, version, releasedAt, count, source,
                    loadedAt);
            try {
                return new KevCatalog(info, entries);
            } catch (IllegalArgumentException e) {
                throw new ImportException("vulnerabilities: " + e.getMessage());
            }
        } catch (LimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ImportException("the KEV catalogue is not valid JSON of the KEV schema: " + e.getMessage(), e);
        }
    }

    private static List<KevEntry> vulnerabilities(JsonReader json) throws IOException, ImportException {
        List<KevEntry> entries = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String where = json.getPath();
            if (entries.size() == KevFields.MAX_ENTRIES) {
                throw new ImportException(where + ": more than " + KevFields.MAX_ENTRIES + " vulnerabilities");
            }
            Map<String, String> fields = new HashMap<>();
            List<String> cwes = List.of();
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("cwes")) {
                    cwes = strings(json, where);
                } else if (KevFields.COLUMNS.contains(name)) {
                    fields.put(name, string(json, where + "." + name));
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            entries.add(KevFields.entry(fields, cwes, where));
        }
        json.endArray();
        return entries;
    }

    private static String string(JsonReader json, String where) throws IOException, ImportException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        if (json.peek() != JsonToken.STRING) {
            throw new ImportException(where + ": expected a string but found " + json.peek());
        }
        return json.nextString();
    }

    private static List<String> strings(JsonReader json, String where) throws IOException, ImportException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return List.of();
        }
        List<String> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String value = string(json, where + ".cwes");
            if (value != null) {
                values.add(value);
            }
        }
        json.endArray();
        return values;
    }
}
