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
 * The prioritisation policy's versions, kept in the configuration's chain of the activity log (ADR 087, ADR 051):
 * version 1 is the default policy (ctem-default v1); every save appends one {@code CONFIGURATION_CHANGED} entry with
 * the subject {@value #SUBJECT}, each field named by its path in the policy file ({@code tiers.CRITICAL},
 * {@code epss.maxAge}) and written as a JSON value. Its after is the whole new version (every field, first the marker
 * {@value #MARKER}: {@value #WHOLE}), its before the fields that changed as they were; so a version reads the same
 * whatever the code's defaults become, the version before the first save is kept too (the first entry's after with
 * its before laid over it), and the entry's before is the diff to the version before. Entries written before ADR 051
 * hold only the changed fields in their after: such a version is still read as the one before it with those fields
 * applied, on the running code's defaults when no whole version precedes it.
 *
 * <p>An entry that no longer reads (an unknown field, a changed shape, a corrupt row) is a version marked unreadable,
 * with its position in the chain and its hash, never an exception; the versions after it read on (a whole version
 * needs nothing before it). Only ranking with an unreadable newest version is refused ({@link #current}): an
 * administrator saving the policy again makes a readable newest version.
 */
public final class PolicyVersions {

    /** The log entries' subject. */
    public static final String SUBJECT = "configuration:policy";
    /** The field that opens an after holding the whole policy (ADR 051), not a field of the policy file. */
    public static final String MARKER = "stored";
    static final String WHOLE = "whole policy";

    private final CycleRecord record;
    private final PriorityPolicy shipped;

    public PolicyVersions(CycleRecord record) {
        this(record, PriorityPolicy.defaults());
    }

    /** Versions over {@code shipped} as the code's default policy (a test gives other defaults than today's). */
    public PolicyVersions(CycleRecord record, PriorityPolicy shipped) {
        this.record = record;
        this.shipped = shipped;
    }

    /**
     * One version: its number, the policy (null when its entry cannot be read, {@code problem} then says why), the
     * logged change that made it (null for version 1), and its fields that differ from the version before.
     */
    public record Version(int number, PriorityPolicy policy, LogEntry change, String problem, List<Change> changes) {

        public Version {
            changes = List.copyOf(changes);
        }

        public boolean readable() {
            return policy != null;
        }
    }

    /** One field a version changed: its path, and its JSON value before and after ("" where there was none). */
    public record Change(String field, String before, String after) {
    }

    /** Every version, oldest first; an entry that cannot be read is a version that is not {@link Version#readable}. */
    public List<Version> versions() {
        List<LogEntry> entries = record.log().chain(LogRecord.CONFIGURATION_CHAIN).stream()
                .filter(entry -> SUBJECT.equals(entry.subject())).toList();
        List<Version> versions = new ArrayList<>();
        Map<String, String> fields = first(entries);
        PriorityPolicy one = fields == null ? null : readOrNull(fields);
        if (one == null) {
            fields = fields(shipped);
            one = shipped;
        }
        versions.add(new Version(1, one, null, "", List.of()));
        for (LogEntry entry : entries) {
            int number = versions.size() + 1;
            Map<String, String> before = state(entry.before());
            Map<String, String> after = state(entry.after());
            String problem = "";
            Map<String, String> now = null;
            if (before == null || after == null) {
                problem = "its before or after is not the log's list of fields";
            } else if (WHOLE.equals(after.get(MARKER))) {
                now = new LinkedHashMap<>(after);
                now.remove(MARKER);
            } else if (fields == null) {
                problem = "it changes version " + (number - 1) + ", which cannot be read";
            } else {
                now = new LinkedHashMap<>(fields);
                now.putAll(after);
            }
            PriorityPolicy policy = null;
            if (now != null) {
                try {
                    policy = read(policy(now));
                } catch (ImportException | RuntimeException e) {
                    // whatever the stored text is, it is shown as unreadable: it must not take the page down
                    problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            }
            fields = now;
            versions.add(new Version(number, policy, entry, problem, changes(before, after)));
        }
        return versions;
    }

    /** The policy in use: the newest version. @throws ConflictException when it cannot be read */
    public PriorityPolicy current() {
        List<Version> versions = versions();
        Version newest = versions.get(versions.size() - 1);
        if (!newest.readable()) {
            throw new ConflictException("the prioritisation policy in use, version " + newest.number()
                    + " (configuration log entry " + newest.change().sequence() + ", hash " + newest.change().hash()
                    + "), cannot be read: " + newest.problem() + "; a Jira administrator saves the policy again in"
                    + " the CTEM configuration");
        }
        return newest.policy();
    }

    /** The newest version that can be read (the editor starts from it). */
    public static Version newestReadable(List<Version> versions) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).readable()) {
                return versions.get(i);
            }
        }
        return versions.get(0); // version 1 always reads: the stored one, else the code's defaults
    }

    /**
     * The version before the first save, as the first entry stored it (its after with its before laid over it);
     * null when there is no save, or the first entry holds only what changed (written before ADR 051) or is unreadable.
     */
    private static Map<String, String> first(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, String> before = state(entries.get(0).before());
        Map<String, String> after = state(entries.get(0).after());
        if (before == null || after == null || !WHOLE.equals(after.get(MARKER))) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>(after);
        fields.remove(MARKER);
        fields.putAll(before);
        return fields;
    }

    /** A version's fields that differ from the version before, from its entry alone. */
    private static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        if (before == null || after == null) {
            return List.of();
        }
        List<Change> changes = new ArrayList<>();
        if (WHOLE.equals(after.get(MARKER))) {
            before.forEach((name, was) -> changes.add(new Change(name, was, after.getOrDefault(name, ""))));
        } else {
            after.forEach((name, now) -> changes.add(new Change(name, before.getOrDefault(name, ""), now)));
        }
        return changes;
    }

    /** A recorded state's fields, or null when it is not the flat list of fields the log writes. */
    private static Map<String, String> state(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (StateText.Field field : StateText.fields(text)) {
            if (field.name().isEmpty()) {
                return null;
            }
            fields.put(field.name(), field.value());
        }
        return fields;
    }

    private static PriorityPolicy readOrNull(Map<String, String> fields) {
        try {
            return read(policy(fields));
        } catch (ImportException | RuntimeException e) {
            return null;
        }
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
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(MARKER, WHOLE);
        wanted.putAll(fields(edited));
        int[] saved = {0};
        boolean changed = record.configurationChanges().changeWhole(actor, SUBJECT, () -> {
            List<Version> all = versions();
            Version newest = all.get(all.size() - 1);
            if (newest.number() != base) {
                throw new ConflictException("the policy was saved as version " + newest.number() + " after version "
                        + base + " was opened; open the page again to edit the newest version");
            }
            // an unreadable newest version is replaced whole: compared with nothing, every field is written
            Map<String, String> before = new LinkedHashMap<>();
            before.put(MARKER, WHOLE);
            if (newest.readable()) {
                before.putAll(fields(newest.policy()));
            }
            Map<String, String> same = new LinkedHashMap<>(wanted);
            same.put("version", before.get("version"));
            if (newest.readable() && same.equals(before)) {
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
