package org.ctemcycles.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRules;
import org.ctemcycles.core.mobilisation.TrackerState;
import org.ctemcycles.core.mobilisation.TrackerStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issue tracker the command line holds in memory (it stands in for Jira), saved between runs in a JSON file
 * beside the database. Loaded when a command needs it, saved after a command succeeds.
 */
final class LocalPorts {

    static final String TRACKER_PROJECT = "LOCAL";

    private final Path file;
    private final LocalIssueTracker tracker;
    private final String loaded;

    private LocalPorts(Path file, LocalIssueTracker tracker) {
        this.file = file;
        this.tracker = tracker;
        this.loaded = text();
    }

    static LocalPorts load(Path file) {
        if (!Files.exists(file)) {
            return new LocalPorts(file, new LocalIssueTracker(TRACKER_PROJECT));
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            List<TrackerIssue> issues = new ArrayList<>();
            Map<String, List<String>> comments = new HashMap<>();
            for (JsonElement element : array(root, "issues")) {
                TrackerIssue issue = issue(element.getAsJsonObject());
                issues.add(issue);
                List<String> notes = new ArrayList<>();
                array(element.getAsJsonObject(), "comments").forEach(c -> notes.add(c.getAsString()));
                comments.put(issue.id(), notes);
            }
            return new LocalPorts(file, new LocalIssueTracker(TRACKER_PROJECT, issues, comments));
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException
                 | IllegalArgumentException e) {
            throw new InvalidInputException(file.toString(), "cannot read the command line's tracker file: "
                    + e.getMessage());
        }
    }

    LocalIssueTracker tracker() {
        return tracker;
    }

    /** Writes the file when a command changed the ports (atomically: a crash leaves the old or the new file). */
    void save() {
        String text = text();
        if (text.equals(loaded)) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String text() {
        JsonObject root = new JsonObject();
        JsonArray issues = new JsonArray();
        tracker.issues().forEach(i -> issues.add(json(i)));
        root.add("issues", issues);
        return root.toString();
    }

    private static JsonArray array(JsonObject root, String name) {
        return root.has(name) ? root.getAsJsonArray(name) : new JsonArray();
    }

    private JsonObject json(TrackerIssue issue) {
        JsonObject json = new JsonObject();
        json.addProperty("id", issue.id());
        json.addProperty("key", issue.key());
        json.addProperty("findingKey", issue.findingKey());
        json.addProperty("cycleKey", issue.cycleKey());
        json.addProperty("summary", issue.summary());
        json.addProperty("assignee", issue.assignee());
        json.addProperty("dueDate", issue.dueDate() == null ? null : issue.dueDate().toString());
        json.addProperty("status", issue.status().name());
        json.addProperty("statusName", issue.state().statusName());
        json.addProperty("resolution", issue.state().resolution());
        JsonArray notes = new JsonArray();
        tracker.comments(issue.id()).forEach(notes::add);
        json.add("comments", notes);
        return json;
    }

    /** An issue as saved; files written before the two-way tracker have no id (the key is the id) nor status name. */
    private static TrackerIssue issue(JsonObject json) {
        String key = text(json, "key");
        String id = text(json, "id");
        TrackerStatus status = TrackerStatus.valueOf(text(json, "status"));
        String resolution = text(json, "resolution");
        String statusName = text(json, "statusName");
        String due = text(json, "dueDate");
        TrackerState state = new TrackerState(key, TRACKER_PROJECT, status, statusName == null ? "" : statusName,
                resolution, resolution != null && TrackerRules.LEAD_DECISION_RESOLUTIONS.contains(resolution),
                text(json, "assignee"), due == null ? null : LocalDate.parse(due));
        return new TrackerIssue(id == null ? key : id, text(json, "findingKey"), text(json, "cycleKey"),
                text(json, "summary"), state);
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
