package org.ctemcycles.jira.rest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code docs/openapi.yaml} as the REST tests read it: its operations by "METHOD /path", their parameters, request
 * bodies, documented statuses and access, and a validator of answers against the documented response schemas.
 * Answers are validated strictly: every object schema that lists its properties is closed
 * ({@code additionalProperties: false}) for the test, though the document leaves answers open to new fields, so an
 * answer's field the document does not name fails the test.
 */
final class ApiDocument {

    static final Path FILE = Path.of("docs", "openapi.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Where the document is registered for the validator; its relative references resolve beside it. */
    private static final String BASE = "https://ctemcycles.test/docs/";
    private static final String SELF = BASE + "openapi.json";

    private final JsonNode root;
    private final Map<String, JsonNode> operations = new LinkedHashMap<>();
    private final Map<String, String> pathOf = new HashMap<>();
    private SchemaRegistry registry;

    private ApiDocument(JsonNode root) {
        this.root = root;
        root.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                String id = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                operations.put(id, operation.getValue());
                pathOf.put(id, path.getKey());
            }
        }));
    }

    static ApiDocument load() {
        return new ApiDocument(read(FILE));
    }

    /** A YAML or JSON file as a tree. */
    static JsonNode read(Path file) {
        try {
            return new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The operations by "METHOD /path", in the document's order. */
    Map<String, JsonNode> operations() {
        return operations;
    }

    JsonNode operation(String id) {
        JsonNode operation = operations.get(id);
        if (operation == null) {
            throw new AssertionError("docs/openapi.yaml has no operation " + id);
        }
        return operation;
    }

    /** A node with its local reference ({@code #/components/...}) followed, if it is one. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.asString().startsWith("#/")) {
            return node;
        }
        JsonNode target = root.at(ref.asString().substring(1));
        if (target.isMissingNode()) {
            throw new AssertionError("docs/openapi.yaml: " + ref.asString() + " names nothing");
        }
        return resolve(target);
    }

    /** The operation's parameters (the path's and its own, references followed), by "in name". */
    Map<String, JsonNode> parameters(String id) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        List<JsonNode> declared = new ArrayList<>();
        root.get("paths").get(pathOf.get(id)).path("parameters").forEach(declared::add);
        operation(id).path("parameters").forEach(declared::add);
        for (JsonNode parameter : declared) {
            JsonNode resolved = resolve(parameter);
            parameters.put(resolved.get("in").asString() + " " + resolved.get("name").asString(), resolved);
        }
        return parameters;
    }

    /** The statuses the operation documents. */
    Set<Integer> statuses(String id) {
        Set<Integer> statuses = new TreeSet<>();
        operation(id).get("responses").propertyNames().forEach(status -> statuses.add(Integer.parseInt(status)));
        return statuses;
    }

    /** The access the operation declares ({@code x-ctem-access}). */
    String access(String id) {
        return operation(id).path("x-ctem-access").asString("");
    }

    /** The media types of a documented response, with their media type objects. */
    Map<String, JsonNode> responseContent(String id, int status) {
        JsonNode response = operation(id).get("responses").get(String.valueOf(status));
        Map<String, JsonNode> content = new LinkedHashMap<>();
        if (response != null) {
            resolve(response).path("content").properties().forEach(e -> content.put(e.getKey(), e.getValue()));
        }
        return content;
    }

    /**
     * The problems of an answer against the schema the operation documents for its status and media type; empty
     * when it conforms.
     *
     * @throws AssertionError when the document has no such response or media type
     */
    List<String> check(String id, int status, String mediaType, JsonNode body) {
        JsonNode content = responseContent(id, status).get(mediaType);
        if (content == null) {
            throw new AssertionError(id + " answered " + status + " " + mediaType + ", which docs/openapi.yaml does"
                    + " not document (it documents " + responseContent(id, status).keySet() + ")");
        }
        JsonNode schemaNode = content.get("schema");
        if (schemaNode == null) {
            return List.of();
        }
        String ref = schemaNode.path("$ref").asString("");
        Schema schema;
        if (ref.startsWith("#/")) {
            schema = registry().getSchema(SchemaLocation.of(SELF + ref));
        } else if (!ref.isEmpty()) {
            schema = registry().getSchema(SchemaLocation.of(BASE + ref));
        } else {
            schema = registry().getSchema(SchemaLocation.of(SELF), closed(schemaNode.deepCopy()));
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            problems.add(error.toString());
        }
        return problems;
    }

    private SchemaRegistry registry() {
        if (registry == null) {
            String document = JsonMapper.shared().writeValueAsString(closed(root.deepCopy()));
            String pack = readString(Path.of("docs", "evidence-pack.schema.json"));
            registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(Map.of(SELF, document, BASE + "evidence-pack.schema.json", pack)));
        }
        return registry;
    }

    /** The tree with every object schema that lists its properties and says nothing of others closed. */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> closed(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(ApiDocument::closed);
        }
        return node;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
