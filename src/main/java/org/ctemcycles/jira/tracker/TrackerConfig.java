package org.ctemcycles.jira.tracker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.mobilisation.TrackerRules;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.ctemcycles.core.priority.Tier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a cycle's findings become Jira issues and how Jira's changes come back: the project and issue type, the grain
 * (an issue per finding, or a parent per vulnerability with a sub-task per finding), the priority of each decision
 * tier, the status map (a workflow status read as another status category than its own) and the resolution map (a
 * resolution that means a security lead decides, such as "Won't Fix"), the status to reopen into (blank: any To Do
 * status a transition reaches), the labels, the link type to a dependency that is a Jira issue, and the user the
 * app acts as when nobody asks (the scheduled jobs; blank: the cycle's creator).
 *
 * <p>The global configuration gives the defaults; a cycle's configuration names only what differs. Both are read
 * strictly from JSON ({@link #apply}): unknown fields and wrong shapes are problems naming the field. Whether the
 * names exist in Jira is {@link TrackerConfigCheck}'s business.
 *
 * @param projectKey    blank: the cycle's own project
 * @param priorities    Jira priority name per tier ({@code CRITICAL, HIGH, MEDIUM, LOW}); a tier not named sets none
 * @param statusMap     workflow status name to the status category the register reads it as
 * @param resolutionMap resolution name to true when it means a lead's decision, false when it means a fix
 */
public record TrackerConfig(String projectKey, String issueType, Grain grain, String subTaskType,
                            Map<String, String> priorities, Map<String, TrackerStatus> statusMap,
                            Map<String, Boolean> resolutionMap, String reopenStatus, List<String> labels,
                            String linkType, String actor) {

    public static final String DEFAULT_ISSUE_TYPE = "CTEM Exposure";
    static final int MAX_NAME = 255;
    static final int MAX_ENTRIES = 100;
    static final Set<String> FIELDS = Set.of("project", "issueType", "grain", "subTaskType", "priorities",
            "statusMap", "resolutionMap", "reopenStatus", "labels", "linkType", "actor");

    /** One issue per finding, or one parent issue per vulnerability with a sub-task per finding. */
    public enum Grain {
        FINDING, VULNERABILITY
    }

    public TrackerConfig {
        projectKey = projectKey == null ? "" : projectKey;
        priorities = Map.copyOf(priorities);
        statusMap = Map.copyOf(statusMap);
        resolutionMap = Map.copyOf(resolutionMap);
        labels = List.copyOf(labels);
        reopenStatus = reopenStatus == null ? "" : reopenStatus;
        linkType = linkType == null ? "" : linkType;
        actor = actor == null ? "" : actor;
    }

    /** The app's own defaults, before any configuration. */
    public static TrackerConfig builtIn() {
        Map<String, Boolean> resolutions = new TreeMap<>();
        TrackerRules.LEAD_DECISION_RESOLUTIONS.forEach(r -> resolutions.put(r, true));
        return new TrackerConfig("", DEFAULT_ISSUE_TYPE, Grain.FINDING, "Sub-task", Map.of(
                Tier.CRITICAL.name(), "Highest", Tier.HIGH.name(), "High", Tier.MEDIUM.name(), "Medium",
                Tier.LOW.name(), "Low"), Map.of(), resolutions, "", List.of("ctem"), "Blocks", "");
    }

    /** The status category a workflow status is read as: the status map's, else the status's own category. */
    public TrackerStatus category(String statusName, TrackerStatus ownCategory) {
        for (Map.Entry<String, TrackerStatus> entry : statusMap.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(statusName)) {
                return entry.getValue();
            }
        }
        return ownCategory;
    }

    /** Whether a resolution means a security lead's decision rather than a fix. */
    public boolean leadDecision(String resolution) {
        if (resolution == null || resolution.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Boolean> entry : resolutionMap.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(resolution)) {
                return entry.getValue();
            }
        }
        return false;
    }

    /**
     * This configuration with the fields of {@code json} taken over (a map given replaces the whole map; null or a
     * blank text resets a field to this configuration's value).
     *
     * @param problems where every problem is added, named {@code prefix + field}
     */
    public TrackerConfig apply(JsonObject json, String prefix, List<Problem> problems) {
        String project = projectKey;
        String type = issueType;
        Grain nextGrain = grain;
        String subTask = subTaskType;
        Map<String, String> nextPriorities = priorities;
        Map<String, TrackerStatus> nextStatuses = statusMap;
        Map<String, Boolean> nextResolutions = resolutionMap;
        String reopen = reopenStatus;
        List<String> nextLabels = labels;
        String link = linkType;
        String nextActor = actor;
        for (Map.Entry<String, JsonElement> field : json.entrySet()) {
            String name = field.getKey();
            JsonElement value = field.getValue();
            String where = prefix + name;
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(where, "is not a field of this request (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")"));
                continue;
            }
            if (value.isJsonNull()) {
                continue;
            }
            switch (name) {
                case "project" -> project = text(where, value, problems, project).toUpperCase(Locale.ROOT);
                case "issueType" -> type = text(where, value, problems, type);
                case "subTaskType" -> subTask = text(where, value, problems, subTask);
                case "reopenStatus" -> reopen = text(where, value, problems, reopen);
                case "linkType" -> link = text(where, value, problems, link);
                case "actor" -> nextActor = text(where, value, problems, nextActor);
                case "grain" -> {
                    String raw = text(where, value, problems, grain.name());
                    try {
                        nextGrain = Grain.valueOf(raw.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(where, "'" + raw + "' is not a grain: finding or vulnerability"));
                    }
                }
                case "priorities" -> nextPriorities = priorities(where, value, problems);
                case "statusMap" -> nextStatuses = statuses(where, value, problems);
                case "resolutionMap" -> nextResolutions = resolutions(where, value, problems);
                case "labels" -> nextLabels = labels(where, value, problems);
                default -> throw new IllegalStateException(name);
            }
        }
        return new TrackerConfig(project, type, nextGrain, subTask, nextPriorities, nextStatuses, nextResolutions,
                reopen, nextLabels, link, nextActor);
    }

    /** The configuration as JSON, in the shape {@link #apply} reads. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("project", projectKey);
        json.addProperty("issueType", issueType);
        json.addProperty("grain", grain.name().toLowerCase(Locale.ROOT));
        json.addProperty("subTaskType", subTaskType);
        JsonObject tiers = new JsonObject();
        new TreeMap<>(priorities).forEach(tiers::addProperty);
        json.add("priorities", tiers);
        JsonArray statuses = new JsonArray();
        new TreeMap<>(statusMap).forEach((k, v) -> statuses.add(pair("status", k, "category", category(v))));
        json.add("statusMap", statuses);
        JsonArray resolutions = new JsonArray();
        new TreeMap<>(resolutionMap).forEach((k, v) -> resolutions.add(pair("resolution", k, "meaning",
                v ? "lead-decision" : "resolved")));
        json.add("resolutionMap", resolutions);
        json.addProperty("reopenStatus", reopenStatus);
        JsonArray labelArray = new JsonArray();
        labels.forEach(labelArray::add);
        json.add("labels", labelArray);
        json.addProperty("linkType", linkType);
        json.addProperty("actor", actor);
        return json;
    }

    private static JsonObject pair(String keyName, String key, String valueName, String value) {
        JsonObject json = new JsonObject();
        json.addProperty(keyName, key);
        json.addProperty(valueName, value);
        return json;
    }

    static String category(TrackerStatus status) {
        return switch (status) {
            case TO_DO -> "to-do";
            case IN_PROGRESS -> "in-progress";
            case DONE -> "done";
        };
    }

    private static String text(String where, JsonElement value, List<Problem> problems, String otherwise) {
        if (!value.isJsonPrimitive()) {
            problems.add(new Problem(where, "must be a string, a number or a boolean, not " + kind(value)));
            return otherwise;
        }
        String text = value.getAsString().trim();
        if (text.length() > MAX_NAME || text.contains("\n")) {
            problems.add(new Problem(where, "must be one line of at most " + MAX_NAME + " characters"));
            return otherwise;
        }
        return text;
    }

    private static Map<String, String> entries(String where, JsonElement value, List<Problem> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!value.isJsonObject()) {
            problems.add(new Problem(where, "must be an object of names to values"));
            return entries;
        }
        if (value.getAsJsonObject().size() > MAX_ENTRIES) {
            problems.add(new Problem(where, "has " + value.getAsJsonObject().size() + " entries; at most "
                    + MAX_ENTRIES + " are allowed"));
            return entries;
        }
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String key = entry.getKey().trim();
            if (key.isEmpty() || key.length() > MAX_NAME) {
                problems.add(new Problem(where, "'" + entry.getKey() + "' is not a Jira name"));
                continue;
            }
            String text = text(where + "." + key, entry.getValue(), problems, null);
            if (text != null) {
                entries.put(key, text);
            }
        }
        return entries;
    }

    private static Map<String, String> priorities(String where, JsonElement value, List<Problem> problems) {
        Map<String, String> tiers = new LinkedHashMap<>();
        if (!value.isJsonObject()) {
            problems.add(new Problem(where, "must be an object with the fields "
                    + String.join(", ", Arrays.stream(Tier.values()).map(Tier::name).sorted().toList()) + ", not "
                    + kind(value)));
            return tiers;
        }
        entries(where, value, problems).forEach((tier, priority) -> {
            String name = tier.toUpperCase(Locale.ROOT);
            if (Arrays.stream(Tier.values()).noneMatch(t -> t.name().equals(name))) {
                problems.add(new Problem(where + "." + tier, "is not a decision tier: CRITICAL, HIGH, MEDIUM or LOW"));
            } else if (!priority.isEmpty()) {
                tiers.put(name, priority);
            }
        });
        return tiers;
    }

    private static Map<String, TrackerStatus> statuses(String where, JsonElement value, List<Problem> problems) {
        Map<String, TrackerStatus> statuses = new LinkedHashMap<>();
        pairs(where, value, "status", "category", problems).forEach((status, category) -> {
            TrackerStatus read = switch (category.toLowerCase(Locale.ROOT)) {
                case "to-do", "todo", "to do", "new" -> TrackerStatus.TO_DO;
                case "in-progress", "in progress", "indeterminate" -> TrackerStatus.IN_PROGRESS;
                case "done", "complete" -> TrackerStatus.DONE;
                default -> null;
            };
            if (read == null) {
                problems.add(new Problem(where + "." + status, "'" + category
                        + "' is not a status category: to-do, in-progress or done"));
            } else {
                statuses.put(status, read);
            }
        });
        return statuses;
    }

    private static Map<String, Boolean> resolutions(String where, JsonElement value, List<Problem> problems) {
        Map<String, Boolean> resolutions = new LinkedHashMap<>();
        pairs(where, value, "resolution", "meaning", problems).forEach((resolution, meaning) -> {
            switch (meaning.toLowerCase(Locale.ROOT)) {
                case "resolved" -> resolutions.put(resolution, false);
                case "lead-decision" -> resolutions.put(resolution, true);
                default -> problems.add(new Problem(where + "." + resolution, "'" + meaning
                        + "' is not a meaning of a resolution: resolved (a fix: retest it) or lead-decision (a"
                        + " security lead decides)"));
            }
        });
        return resolutions;
    }

    /** An array of objects {keyName, valueName} read as a map (a name given twice: the last one counts). */
    private static Map<String, String> pairs(String where, JsonElement value, String keyName, String valueName,
                                             List<Problem> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!value.isJsonArray()) {
            problems.add(new Problem(where, "must be an array of objects {" + keyName + ", " + valueName + "}, not "
                    + kind(value)));
            return entries;
        }
        if (value.getAsJsonArray().size() > MAX_ENTRIES) {
            problems.add(new Problem(where, "has " + value.getAsJsonArray().size() + " entries; at most "
                    + MAX_ENTRIES + " are allowed"));
            return entries;
        }
        int index = 0;
        for (JsonElement element : value.getAsJsonArray()) {
            String at = where + "[" + index++ + "]";
            if (!element.isJsonObject() || !element.getAsJsonObject().has(keyName)
                    || !element.getAsJsonObject().has(valueName) || element.getAsJsonObject().size() != 2) {
                problems.add(new Problem(where, "must be an array of objects {" + keyName + ", " + valueName
                        + "}: entry " + (index - 1) + " is " + kind(element)));
                continue;
            }
            String key = text(at + "." + keyName, element.getAsJsonObject().get(keyName), problems, "");
            String mapped = text(at + "." + valueName, element.getAsJsonObject().get(valueName), problems, null);
            if (key.isEmpty()) {
                problems.add(new Problem(at + "." + keyName, "must name a Jira " + keyName));
            } else if (mapped != null) {
                entries.put(key, mapped);
            }
        }
        return entries;
    }

    private static String kind(JsonElement value) {
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        return value.isJsonNull() ? "null" : "a value";
    }

    private static List<String> labels(String where, JsonElement value, List<Problem> problems) {
        if (!value.isJsonArray()) {
            problems.add(new Problem(where, "must be an array of labels, not " + kind(value)));
            return List.of();
        }
        Set<String> labels = new LinkedHashSet<>();
        for (JsonElement element : value.getAsJsonArray()) {
            String label = element.isJsonPrimitive() ? element.getAsString().trim() : "";
            if (label.isEmpty() || label.length() > MAX_NAME || label.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new Problem(where, "must be an array of Jira labels (one word each, at most " + MAX_NAME
                        + " characters): " + (element.isJsonPrimitive() ? "'" + label + "'" : kind(element))
                        + " is not one"));
            } else {
                labels.add(label);
            }
        }
        if (labels.size() > 20) {
            problems.add(new Problem(where, labels.size() + " labels given; at most 20 are allowed"));
        }
        return new ArrayList<>(labels);
    }
}
