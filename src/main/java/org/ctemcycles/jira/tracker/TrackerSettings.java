package org.ctemcycles.jira.tracker;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the tracker configuration lives: Jira's plugin settings (shared by every node, read on every use), the
 * global defaults under one key and each cycle's own fields under a key per cycle. A cycle's effective configuration
 * is the defaults with its own fields over them, and its project, when it names none, the cycle's project. Both are
 * checked whole before anything is stored ({@link TrackerConfigCheck}): a rejected configuration changes nothing.
 */
@Component
public class TrackerSettings {

    static final String PREFIX = "org.ctemcycles.ctem-cycles-jira.tracker.";
    static final String DEFAULTS_KEY = PREFIX + "defaults";
    static final String CYCLE_PREFIX = PREFIX + "cycle.";

    private final PluginSettingsFactory settingsFactory;
    private final TrackerConfigCheck check;

    @Inject
    public TrackerSettings(@ComponentImport PluginSettingsFactory settingsFactory, JiraIssueApi jira) {
        this.settingsFactory = settingsFactory;
        this.check = new TrackerConfigCheck(jira);
    }

    /** The global defaults: the app's own with the stored fields over them. */
    public TrackerConfig defaults() {
        return TrackerConfig.builtIn().apply(stored(DEFAULTS_KEY), "", new ArrayList<>());
    }

    /** The fields a cycle sets itself (an empty object when it takes every default). */
    public JsonObject cycleFields(String cycleKey) {
        return stored(CYCLE_PREFIX + cycleKey);
    }

    /** The configuration the cycle's issues are opened and read with. */
    public TrackerConfig effective(Cycle cycle) {
        return effective(cycle.key(), cycle.projectKey());
    }

    TrackerConfig effective(String cycleKey, String cycleProjectKey) {
        TrackerConfig config = defaults().apply(cycleFields(cycleKey), "", new ArrayList<>());
        if (config.projectKey().isEmpty() && cycleProjectKey != null && !cycleProjectKey.isEmpty()) {
            config = config.apply(project(cycleProjectKey), "", new ArrayList<>());
        }
        return config;
    }

    /**
     * Replaces the global defaults with {@code fields} over the app's own, checked (names that must exist in Jira
     * whatever the project: priorities, the link type, the acting user).
     *
     * @throws InvalidInputException naming every problem; nothing is stored then
     */
    public TrackerConfig saveDefaults(JsonObject fields) {
        List<Problem> problems = new ArrayList<>();
        TrackerConfig config = TrackerConfig.builtIn().apply(fields, "", problems);
        if (problems.isEmpty()) {
            problems.addAll(check.global(config, fields.keySet()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        settings().put(DEFAULTS_KEY, only(config.toJson(), fields).toString());
        return config;
    }

    /**
     * Replaces the cycle's own fields with {@code fields}, checked against the project's scheme and workflow as the
     * cycle will use them.
     *
     * @throws InvalidInputException naming every problem (the missing status, issue type, priority, ...); nothing
     *                               is stored then
     */
    public TrackerConfig saveForCycle(Cycle cycle, JsonObject fields) {
        List<Problem> problems = new ArrayList<>();
        TrackerConfig config = defaults().apply(fields, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonObject kept = only(config.toJson(), fields);
        if (config.projectKey().isEmpty() && !cycle.projectKey().isEmpty()) {
            config = config.apply(project(cycle.projectKey()), "", problems);
        }
        problems.addAll(check.forProject(config, fields.keySet(), cycle.key()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        settings().put(CYCLE_PREFIX + cycle.key(), kept.toString());
        return config;
    }

    /** The problems of the cycle's effective configuration against Jira as it is now (none: ready to mobilise). */
    public List<Problem> problems(Cycle cycle) {
        return check.forProject(effective(cycle), cycleFields(cycle.key()).keySet(), cycle.key());
    }

    /** The fields of {@code all} that {@code given} names (null values dropped). */
    private static JsonObject only(JsonObject all, JsonObject given) {
        JsonObject kept = new JsonObject();
        for (Map.Entry<String, JsonElement> field : given.entrySet()) {
            if (!field.getValue().isJsonNull() && all.has(field.getKey())) {
                kept.add(field.getKey(), all.get(field.getKey()));
            }
        }
        return kept;
    }

    private static JsonObject project(String key) {
        JsonObject json = new JsonObject();
        json.addProperty("project", key);
        return json;
    }

    private JsonObject stored(String key) {
        Object value = settings().get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            return new JsonObject();
        }
        JsonElement parsed = JsonParser.parseString(text);
        return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    }

    private PluginSettings settings() {
        return settingsFactory.createGlobalSettings();
    }
}
