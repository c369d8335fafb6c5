package org.ctemcycles.jira;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.priority.PolicyJsonReader;
import org.ctemcycles.report.json.PolicyJson;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prioritisation policy's versions, kept in the configuration's chain of the activity log (ADR 087): version 1
 * is the default policy (ctem-default v1); every save appends one {@code CONFIGURATION_CHANGED} entry with the
 * subject {@value #SUBJECT} whose before and after are the policy's fields that changed, each named by its path in
 * the policy file ({@code tiers.CRITICAL}, {@code epss.maxAge}) and written as a JSON value. A version is the
 * default policy with every save up to it applied, so nothing is ever overwritten, the entry is the diff between a
 * version and the one before, and the chain's hashes cover every version. The policy in use is the newest version;
 * each decision names the policy id and version it was ranked under, so which version a cycle's ranking used stays
 * recorded with the ranking.
 */
public final class PolicyVersions {

    /** The log entries' subject. */
    public static final String SUBJECT = "configuration:policy";

    private final CycleRecord record;

    public PolicyVersions(CycleRecord record) {
        this.record = record;
    }

    /** One version: its number, the policy, and the logged change that made it (null for version 1). */
    public record Version(int number, PriorityPolicy policy, LogEntry change) {
    }

    /** Every version, oldest first. */
    public List<Version> versions() {
        PriorityPolicy defaults = PriorityPolicy.defaults();
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(defaults.version(), defaults, null));
        Map<String, String> fields = fields(defaults);
        for (LogEntry entry : record.log().chain(LogRecord.CONFIGURATION_CHAIN)) {
            if (!SUBJECT.equals(entry.subject())) {
                continue;
            }
            for (StateText.Field field : StateText.fields(entry.after())) {
                fields.put(field.name(), field.value());
            }
            PriorityPolicy policy;
            try {
                policy = read(policy(fields));
            } catch (ImportException e) {
                throw new IllegalStateException("policy version of log entry " + entry.sequence()
                        + " cannot be read: " + e.getMessage(), e);
            }
            versions.add(new Version(policy.version(), policy, entry));
        }
        return versions;
    }

    /** The policy in use: the newest version. */
    public PriorityPolicy current() {
        List<Version> versions = versions();
        return versions.get(versions.size() - 1).policy();
    }

    /** The policy as the editor shows it: the policy file's JSON. */
    public static String text(PriorityPolicy policy) {
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(PolicyJson.toJson(policy));
    }

    /**
     * Saves an edited policy as the next version after {@code base}, checked whole first: a policy file's JSON (the
     * form {@link #text} writes), whose {@code version} is set here to the next number.
     *
     * @return the new version's number, or 0 when the text changes nothing (nothing is stored)
     * @throws InvalidInputException naming each wrong field by its path, nothing stored
     * @throws ConflictException     when another version was saved after {@code base}
     */
    public int save(String actor, int base, String text) {
        JsonObject json;
        try {
            JsonElement element = JsonParser.parseString(text == null ? "" : text);
            if (!element.isJsonObject()) {
                throw new InvalidInputException("policy", "is a JSON object, as the policy file is");
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidInputException("policy", "is not valid JSON: " + e.getMessage());
        }
        json.addProperty("version", base + 1);
        PriorityPolicy edited;
        try {
            edited = read(json);
        } catch (ImportException e) {
            List<Problem> problems = new ArrayList<>();
            for (String line : e.getMessage().split("\n")) {
                int colon = line.indexOf(": ");
                problems.add(colon > 0 ? new Problem("policy." + line.substring(0, colon), line.substring(colon + 2))
                        : new Problem("policy", line));
            }
            throw new InvalidInputException(problems);
        }
        Map<String, String> wanted = fields(edited);
        int[] saved = {0};
        boolean changed = record.configurationChanges().change(actor, SUBJECT, () -> {
            PriorityPolicy now = current();
            if (now.version() != base) {
                throw new ConflictException("the policy was saved as version " + now.version() + " after version "
                        + base + " was opened; open the page again to edit the newest version");
            }
            Map<String, String> before = fields(now);
            Map<String, String> same = new LinkedHashMap<>(wanted);
            same.put("version", before.get("version"));
            if (same.equals(before)) {
                return wanted; // nothing but the number would change: log nothing, store nothing
            }
            // a field the new version no longer has is written as "" (and read back as absent)
            before.keySet().forEach(name -> wanted.putIfAbsent(name, ""));
            return before;
        }, wanted, () -> saved[0] = base + 1);
        return changed ? saved[0] : 0;
    }

    private static PriorityPolicy read(JsonObject json) throws ImportException {
        return new PolicyJsonReader().read(new StringReader(json.toString()));
    }

    /** The policy's fields by their path in the policy file, each a JSON value, in the file's order. */
    static Map<String, String> fields(PriorityPolicy policy) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", PolicyJson.toJson(policy), fields);
        return fields;
    }

    private static void flatten(String prefix, JsonObject json, Map<String, String> into) {
        for (Map.Entry<String, JsonElement> member : json.entrySet()) {
            String path = prefix + member.getKey();
            if (member.getValue().isJsonObject()) {
                flatten(path + ".", member.getValue().getAsJsonObject(), into);
            } else {
                into.put(path, member.getValue().toString());
            }
        }
    }

    /** The policy file's JSON from its fields ({@link #fields}); a field written as "" is left out. */
    private static JsonObject policy(Map<String, String> fields) {
        JsonObject json = new JsonObject();
        fields.forEach((path, value) -> {
            if (Objects.requireNonNull(value).isEmpty()) {
                return;
            }
            String[] names = path.split("\\.");
            JsonObject at = json;
            for (int i = 0; i < names.length - 1; i++) {
                if (!at.has(names[i]) || !at.get(names[i]).isJsonObject()) {
                    at.add(names[i], new JsonObject());
                }
                at = at.getAsJsonObject(names[i]);
            }
            at.add(names[names.length - 1], JsonParser.parseString(value));
        });
        return json;
    }
}
