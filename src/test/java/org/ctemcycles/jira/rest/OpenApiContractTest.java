package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.ws.rs.core.MediaType;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Parameter;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * docs/openapi.yaml is the REST API: it is a valid OpenAPI 3.1 description, and it names exactly the operations the
 * resources declare (both ways), with the parameters they read, the request bodies they take (media types, and for
 * JSON bodies the very fields the resources' strict readers accept, asked of the running API), the media types they
 * answer, the XSRF header where a form-like body may be sent, the enums as the code has them, and an access for
 * every operation. The answers themselves are checked against the document by the permission matrix
 * ({@link PermissionMatrixTest}).
 */
public class OpenApiContractTest {

    private static final String OAS = "src/test/resources/openapi/oas-3.1/";
    /** The vendored schemas' ids (see their SOURCE.md), under which they refer to each other. */
    private static final String OAS_ID = "https://spec.openapis.org/oas/3.1/";

    @ClassRule
    public static final RestHarness API = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    /** A closed cycle: every body is read before the service is asked, and no optional body changes it. */
    private static final String CLOSED = "/cycles/DONE-1";

    private static ApiDocument document;
    private static List<ResourceEndpoints.Endpoint> endpoints;

    @BeforeClass
    public static void aClosedCycle() {
        document = ApiDocument.load();
        endpoints = ResourceEndpoints.all();
        RecordApi.ok(201, API.post("lead", "/cycles", "{\"key\":\"DONE-1\",\"name\":\"Q2\",\"start\":\"2026-04-01\","
                + "\"plannedEnd\":\"2026-06-30\",\"projectKey\":\"SEC\"}"));
        for (int i = 0; i < 4; i++) {
            RecordApi.ok(200, API.post("lead", CLOSED + "/stage", "{\"override\":{\"reason\":\"contract test\"}}"));
        }
        RecordApi.ok(200, API.post("lead", CLOSED + "/closure", "{\"override\":{\"reason\":\"contract test\"}}"));
    }

    @Test
    public void theDocumentIsAValidOpenApi31Description() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder ->
                builder.schemas(Map.of(OAS_ID + "schema/WORK-IN-PROGRESS", json(OAS + "schema.yaml"),
                        OAS_ID + "schema-base/WORK-IN-PROGRESS", json(OAS + "schema-base.yaml"),
                        OAS_ID + "dialect/WORK-IN-PROGRESS", json(OAS + "dialect.yaml"),
                        OAS_ID + "meta/WORK-IN-PROGRESS", json(OAS + "meta.yaml"))));
        Schema schema = registry.getSchema(SchemaLocation.of(OAS_ID + "schema-base/WORK-IN-PROGRESS"));
        List<Error> errors = schema.validate(document.root());
        assertTrue(errors.stream().map(Error::toString).collect(Collectors.joining("\n")), errors.isEmpty());
        // the schema cannot see that operation ids are unique, nor that a path's templates are its parameters
        Map<String, List<String>> byId = new TreeMap<>();
        document.operations().forEach((id, operation) -> byId.computeIfAbsent(operation.path("operationId")
                .asString(""), k -> new ArrayList<>()).add(id));
        byId.forEach((operationId, ids) -> assertTrue("operationId '" + operationId + "' of " + ids,
                !operationId.isEmpty() && ids.size() == 1));
        for (String id : document.operations().keySet()) {
            Set<String> templates = new TreeSet<>();
            Matcher template = Pattern.compile("\\{(\\w+)}").matcher(id);
            while (template.find()) {
                templates.add("path " + template.group(1));
            }
            Set<String> pathParameters = document.parameters(id).keySet().stream().filter(p -> p.startsWith("path "))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(id + ": the path's templates are its path parameters", templates, pathParameters);
        }
    }

    /** Every Schema Object says only what JSON Schema 2020-12 and OpenAPI define: a misspelt keyword is no check. */
    @Test
    public void everySchemaKeywordIsOneJsonSchemaOrOpenApiDefines() {
        List<String> unknown = new ArrayList<>();
        schemas(document.root(), "", false, unknown);
        assertEquals("keywords no dialect of the document defines", List.of(), unknown);
    }

    @Test
    public void everyOperationOfTheResourcesIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> declared = endpoints.stream().map(ResourceEndpoints.Endpoint::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(document.operations().keySet());
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(declared);
        assertEquals("operations of the resources that docs/openapi.yaml does not document", Set.of(), undocumented);
        assertEquals("operations of docs/openapi.yaml that no resource declares", Set.of(), missing);
        assertTrue(declared.size() >= 41);
    }

    /**
     * The parameters are those the methods read: path, query and header parameters both ways. Content-Type is
     * left out (OpenAPI ignores a header parameter of that name; the request body's media types say it), and so is
     * X-Atlassian-Token, which the XSRF guard reads before any method.
     */
    @Test
    public void everyOperationDocumentsExactlyTheParametersItsMethodReads() {
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            Set<String> read = new TreeSet<>();
            for (Parameter parameter : endpoint.handler().getParameters()) {
                if (parameter.isAnnotationPresent(jakarta.ws.rs.PathParam.class)) {
                    read.add("path " + parameter.getAnnotation(jakarta.ws.rs.PathParam.class).value());
                } else if (parameter.isAnnotationPresent(jakarta.ws.rs.QueryParam.class)) {
                    read.add("query " + parameter.getAnnotation(jakarta.ws.rs.QueryParam.class).value());
                } else if (parameter.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class)) {
                    read.add("header " + parameter.getAnnotation(jakarta.ws.rs.HeaderParam.class).value());
                }
            }
            read.remove("header Content-Type");
            Set<String> documented = new TreeSet<>(document.parameters(endpoint.id()).keySet());
            documented.remove("header " + XsrfGuard.HEADER);
            assertEquals(endpoint + ": parameters", read, documented);
        }
    }

    @Test
    public void requestBodiesAreDocumentedExactlyForTheMethodsThatReadOneOfTheTypesTheyTake() {
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            JsonNode body = document.operation(endpoint.id()).get("requestBody");
            assertEquals(endpoint + ": a request body is documented exactly when the method reads one",
                    endpoint.readsBody(), body != null);
            if (body == null) {
                continue;
            }
            Set<String> types = new TreeSet<>(document.resolve(body).get("content").propertyNames());
            for (String type : types) {
                assertTrue(endpoint + " takes " + endpoint.consumes() + ", not " + type, endpoint.consumes().stream()
                        .anyMatch(taken -> MediaType.valueOf(taken).isCompatible(MediaType.valueOf(type))));
            }
            if (endpoint.consumes().equals(List.of(MediaType.APPLICATION_JSON))) {
                assertEquals(endpoint + ": a JSON body is JSON only", Set.of(MediaType.APPLICATION_JSON), types);
                assertClosed(endpoint.id(), document.resolve(document.resolve(body).get("content")
                        .get(MediaType.APPLICATION_JSON).get("schema")));
            }
        }
    }

    /** Strict bodies: every object of a JSON request body is closed, as JsonBody reads it. */
    private static void assertClosed(String where, JsonNode schema) {
        assertTrue(where + ": a JSON request body is closed (additionalProperties: false): " + schema,
                schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean());
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = document.resolve(property.getValue());
            if (value.path("type").asString("").equals("object")) {
                assertClosed(where + " ." + property.getKey(), value);
            }
        });
    }

    /**
     * A JSON body's fields are those its resource's strict reader accepts, each of the kind documented (a plain
     * value, an array of them, or an object of named fields), and the body is required exactly when the reader
     * refuses an empty one. Asked of the running API: a body with an unknown field and every documented field set
     * to a value of no kind ({@code [[]]}) is refused with one problem per field, and the problems say what each
     * field takes; the unknown one's names every field there is. Bodies are read before anything else is done, so
     * the closed cycle these requests go to is left as it was.
     */
    @Test
    public void jsonBodiesHaveTheFieldsTheResourcesAccept() {
        int before = API.services().record().log().chain("DONE-1").size();
        int probed = 0;
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            if (!endpoint.consumes().equals(List.of(MediaType.APPLICATION_JSON))) {
                continue;
            }
            JsonNode body = document.resolve(document.operation(endpoint.id()).get("requestBody"));
            JsonNode schema = document.resolve(body.get("content").get(MediaType.APPLICATION_JSON).get("schema"));
            String path = endpoint.path().replace("{key}", "DONE-1").replace("{surface}", "WEB")
                    .replace("{finding}", "F-0000000000000000");

            JsonObject probe = new JsonObject();
            probe.addProperty("__probe", 0);
            schema.path("properties").propertyNames().forEach(field -> {
                JsonArray noKind = new JsonArray();
                noKind.add(new JsonArray());
                probe.add(field, noKind);
            });
            Reply reply = send(endpoint.method(), path, probe.toString());
            assertEquals(endpoint + ": " + reply, 400, reply.status());
            Map<String, String> problems = new HashMap<>();
            reply.json().getAsJsonObject().getAsJsonArray("errors").forEach(e -> problems.put(
                    e.getAsJsonObject().get("field").getAsString(), e.getAsJsonObject().get("message").getAsString()));

            assertEquals(endpoint + ": the fields the resource accepts", accepted(problems.get("__probe")),
                    new TreeSet<>(schema.path("properties").propertyNames()));
            schema.path("properties").properties().forEach(property -> {
                JsonNode documented = document.resolve(property.getValue());
                String kind = documented.path("type").asString("");
                String said = problems.getOrDefault(property.getKey(), "(no problem)");
                String where = endpoint + " ." + property.getKey() + ": " + said;
                switch (kind) {
                    case "array" -> assertTrue(where, said.startsWith("must be an array"));
                    case "object" -> {
                        assertTrue(where, said.startsWith("must be an object with the fields "));
                        assertEquals(where, new TreeSet<>(Arrays.asList(said.substring(
                                        "must be an object with the fields ".length(), said.indexOf(", not "))
                                .split(", "))), new TreeSet<>(documented.path("properties").propertyNames()));
                    }
                    default -> assertTrue(where, said.startsWith("must be a string, a number or a boolean"));
                }
            });

            Reply empty = send(endpoint.method(), path, "");
            boolean refusedEmpty = empty.status() == 400
                    && "body".equals(empty.json().getAsJsonObject().get("field").getAsString());
            assertEquals(endpoint + ": the body is required exactly when an empty one is refused: " + empty,
                    refusedEmpty, body.path("required").asBoolean(false));
            probed++;
        }
        assertEquals("JSON bodies probed", 19, probed);
        assertEquals("the probes changed nothing", before, API.services().record().log().chain("DONE-1").size());
    }

    private static Reply send(String method, String path, String json) {
        // an administrator may send every body (the allow-list of source hosts is theirs alone)
        return API.send("admin", API.request(path).header("Content-Type", MediaType.APPLICATION_JSON)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The fields a refusal of an unknown field names: "... (expected one of a, b)" or "(it takes no fields)". */
    private static Set<String> accepted(String problem) {
        assertTrue(String.valueOf(problem), problem != null && problem.startsWith("is not a field of this request"));
        if (problem.contains("it takes no fields")) {
            return Set.of();
        }
        String list = problem.substring(problem.indexOf("expected one of ") + "expected one of ".length(),
                problem.lastIndexOf(')'));
        return new TreeSet<>(Arrays.asList(list.split(", ")));
    }

    @Test
    public void successfulAnswersAreOfTheTypesTheMethodsProduce() {
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            for (int status : document.statuses(endpoint.id())) {
                if (status >= 300) {
                    continue;
                }
                for (String type : document.responseContent(endpoint.id(), status).keySet()) {
                    assertTrue(endpoint + " " + status + ": produces " + endpoint.produces() + ", not " + type,
                            endpoint.produces().stream().anyMatch(produced -> MediaType.valueOf(produced)
                                    .isCompatible(MediaType.valueOf(type))));
                }
            }
        }
    }

    /**
     * Every error status is documented with the one error shape (the import's adds what the upload did), and every
     * operation documents 401: nothing is open to anonymous callers.
     */
    @Test
    public void errorsHaveTheOneShapeAndEveryOperationAsksAnonymousCallersToLogIn() {
        for (String id : document.operations().keySet()) {
            assertTrue(id + " documents 401", document.statuses(id).contains(401));
            for (int status : document.statuses(id)) {
                if (status < 400) {
                    continue;
                }
                JsonNode json = document.responseContent(id, status).get(MediaType.APPLICATION_JSON);
                assertTrue(id + " " + status + " is JSON", json != null);
                String schema = json.get("schema").path("$ref").asString("");
                assertTrue(id + " " + status + ": " + schema, schema.equals("#/components/schemas/Error")
                        || id.equals("POST /cycles/{key}/imports") && schema.equals("#/components/schemas/ImportError"));
            }
        }
    }

    /**
     * Where a body may be form-like (multipart, a form, plain text) or left out (a request without a body has no
     * content type), the XSRF guard wants its header, and the document says so; elsewhere it does not.
     */
    @Test
    public void theXsrfHeaderIsDocumentedWhereAFormLikeBodyMaySendIt() {
        List<MediaType> formLike = List.of(MediaType.MULTIPART_FORM_DATA_TYPE,
                MediaType.APPLICATION_FORM_URLENCODED_TYPE, MediaType.TEXT_PLAIN_TYPE);
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            JsonNode body = document.operation(endpoint.id()).get("requestBody");
            boolean mayBeFormLike = body != null && (!document.resolve(body).path("required").asBoolean(false)
                    || document.resolve(body).get("content").propertyNames().stream().map(MediaType::valueOf)
                    .anyMatch(type -> formLike.stream().anyMatch(type::isCompatible)));
            assertEquals(endpoint + ": X-Atlassian-Token documented", mayBeFormLike,
                    document.parameters(endpoint.id()).containsKey("header " + XsrfGuard.HEADER));
        }
    }

    /** The enums the document lists are the code's, value for value (x-ctem-enum names the class). */
    @Test
    public void theDocumentedEnumsAreTheCodes() throws ClassNotFoundException {
        int compared = 0;
        for (Map.Entry<String, JsonNode> schema : document.root().get("components").get("schemas").properties()) {
            JsonNode enumClass = schema.getValue().get("x-ctem-enum");
            if (schema.getValue().has("enum") && schema.getValue().get("type").asString("").equals("string")) {
                assertTrue(schema.getKey() + " names its Java enum (x-ctem-enum)", enumClass != null);
            }
            if (enumClass == null) {
                continue;
            }
            List<String> documented = new ArrayList<>();
            schema.getValue().get("enum").forEach(value -> documented.add(value.asString()));
            List<String> code = Arrays.stream(Class.forName(enumClass.asString()).getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).toList();
            assertEquals(schema.getKey(), code, documented);
            compared++;
        }
        assertTrue(compared >= 18);
    }

    /**
     * A property's enum that names its Java enum (x-ctem-enum) lists the code's values as the JSON writes them:
     * lower-case words joined by hyphens (a repair's kind, a mobilisation run's state and item outcome).
     */
    @Test
    public void thePropertiesEnumsAreTheCodesAsWords() throws ClassNotFoundException {
        List<JsonNode> properties = new ArrayList<>();
        document.root().get("components").get("schemas").forEach(schema -> collectProperties(schema, properties));
        int compared = 0;
        for (JsonNode property : properties) {
            JsonNode enumClass = property.get("x-ctem-enum");
            if (enumClass == null) {
                continue;
            }
            List<String> documented = new ArrayList<>();
            property.get("enum").forEach(value -> documented.add(value.asString()));
            List<String> code = Arrays.stream(Class.forName(enumClass.asString()).getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .toList();
            assertEquals(enumClass.asString(), code, documented);
            compared++;
        }
        assertEquals("the repair kind, the run state and the item outcome", 3, compared);
    }

    /** Every property schema below this one (through properties and array items), not the schema itself. */
    private static void collectProperties(JsonNode schema, List<JsonNode> out) {
        if (schema.has("properties")) {
            schema.get("properties").forEach(property -> {
                out.add(property);
                collectProperties(property, out);
            });
        }
        if (schema.has("items")) {
            out.add(schema.get("items"));
            collectProperties(schema.get("items"), out);
        }
    }

    /** Every operation declares its access by name and says in words who holds it. */
    @Test
    public void everyOperationSaysWhoMayCallIt() {
        Set<String> accesses = Arrays.stream(PermissionMatrixTest.Access.values()).map(Enum::name)
                .collect(Collectors.toSet());
        document.operations().forEach((id, operation) -> {
            assertTrue(id + ": x-ctem-access", accesses.contains(document.access(id)));
            assertTrue(id + ": the description says who may", operation.path("description").asString("")
                    .contains("Access: "));
        });
    }

    /** The keywords of JSON Schema 2020-12 and of OpenAPI 3.1's base vocabulary. */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("$schema", "$id", "$ref", "$anchor", "$dynamicRef",
            "$dynamicAnchor", "$defs", "$comment", "$vocabulary", "type", "enum", "const", "multipleOf", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
            "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
            "dependentRequired", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
            "prefixItems", "items", "contains", "properties", "patternProperties", "additionalProperties",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "format", "contentEncoding",
            "contentMediaType", "contentSchema", "title", "description", "default", "deprecated", "readOnly",
            "writeOnly", "examples", "discriminator", "xml", "externalDocs", "example");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs",
            "dependentSchemas");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalProperties", "unevaluatedProperties",
            "unevaluatedItems", "contains", "not", "if", "then", "else", "propertyNames", "contentSchema");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    /** Walks the document; below a "schema" (or a component schema) every key must be a schema keyword. */
    private static void schemas(JsonNode node, String at, boolean schema, List<String> unknown) {
        if (!node.isObject()) {
            if (node.isArray() && !schema) {
                for (int i = 0; i < node.size(); i++) {
                    schemas(node.get(i), at + "/" + i, false, unknown);
                }
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String here = at + "/" + key;
            if (!schema) {
                boolean opens = key.equals("schema") || at.equals("/components/schemas");
                schemas(field.getValue(), here, opens, unknown);
                continue;
            }
            if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
                unknown.add(here);
            } else if (SCHEMA_MAPS.contains(key)) {
                field.getValue().properties().forEach(e -> schemas(e.getValue(), here + "/" + e.getKey(), true,
                        unknown));
            } else if (SCHEMA_VALUES.contains(key)) {
                schemas(field.getValue(), here, true, unknown);
            } else if (SCHEMA_LISTS.contains(key)) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    schemas(field.getValue().get(i), here + "/" + i, true, unknown);
                }
            }
        }
    }

    /** A vendored YAML schema as JSON text, for the validator's registry. */
    private static String json(String file) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(ApiDocument.read(Path.of(file)));
    }
}
