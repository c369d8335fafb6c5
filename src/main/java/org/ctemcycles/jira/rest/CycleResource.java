package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.admin.CtemPermissions;
import org.ctemcycles.report.json.CycleJson;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles}: list, show and open CTEM cycles. Security leads and Jira administrators only; the
 * check is made here for every request (the access annotation only lets the request reach it). Writes accept
 * {@code application/json} alone, which Jira's REST XSRF protection never lets a cross-site form send.
 */
@Path("/cycles")
@UnrestrictedAccess
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Set<String> DRAFT_FIELDS =
            Set.of("key", "name", "objective", "start", "plannedEnd", "checkpointIntervalDays");

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;

    @Inject
    public CycleResource(CtemServices services, CtemPermissions permissions,
                         @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
    }

    @GET
    public Response list() {
        Response denied = denyUnlessSecurityLead();
        if (denied != null) {
            return denied;
        }
        JsonArray cycles = new JsonArray();
        services.cycles().list().forEach(cycle -> cycles.add(CycleJson.toJson(cycle)));
        JsonObject body = new JsonObject();
        body.add("cycles", cycles);
        return json(Response.Status.OK, body);
    }

    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        Response denied = denyUnlessSecurityLead();
        if (denied != null) {
            return denied;
        }
        try {
            return json(Response.Status.OK, CycleJson.toJson(services.cycles().get(key)));
        } catch (NotFoundException e) {
            return message(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        Response denied = denyUnlessSecurityLead();
        if (denied != null) {
            return denied;
        }
        try {
            Cycle cycle = services.cycles().create(parseDraft(body), authentication.getLoggedInUser().getKey());
            return Response.created(URI.create("cycles/" + cycle.key()))
                    .entity(CycleJson.toJson(cycle).toString()).type(MediaType.APPLICATION_JSON).build();
        } catch (InvalidInputException e) {
            return invalid(e.problems());
        }
    }

    /** Reads the JSON body into a draft; anything malformed, mistyped or unknown is a problem naming its field. */
    static CycleDraft parseDraft(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is empty: send a JSON object with the cycle's fields");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException("body", "is " + body.length() + " characters long; at most "
                    + MAX_BODY_CHARS + " are accepted");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw new InvalidInputException("body", "must be a JSON object, not " + kind(parsed));
        }
        JsonObject object = parsed.getAsJsonObject();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonElement> field : object.entrySet()) {
            if (!DRAFT_FIELDS.contains(field.getKey())) {
                problems.add(new Problem(field.getKey(), "is not a field of a cycle (expected one of "
                        + String.join(", ", List.of("key", "name", "objective", "start", "plannedEnd",
                        "checkpointIntervalDays")) + ")"));
            } else if (!field.getValue().isJsonNull() && !field.getValue().isJsonPrimitive()) {
                problems.add(new Problem(field.getKey(), "must be a string or a number, not " + kind(field.getValue())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CycleDraft(text(object, "key"), text(object, "name"), text(object, "objective"),
                text(object, "start"), text(object, "plannedEnd"), text(object, "checkpointIntervalDays"));
    }

    private static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static String kind(JsonElement element) {
        return element.isJsonArray() ? "an array" : element.isJsonObject() ? "an object" : "a " + element;
    }

    private Response denyUnlessSecurityLead() {
        ApplicationUser user = authentication.getLoggedInUser();
        if (user == null) {
            return message(Response.Status.UNAUTHORIZED, "log in to use CTEM cycles");
        }
        if (!permissions.isSecurityLead(user)) {
            return message(Response.Status.FORBIDDEN,
                    "only security leads and Jira administrators may work with CTEM cycles");
        }
        return null;
    }

    private static Response invalid(List<Problem> problems) {
        JsonArray errors = new JsonArray();
        for (Problem problem : problems) {
            JsonObject error = new JsonObject();
            error.addProperty("field", problem.field());
            error.addProperty("message", problem.message());
            errors.add(error);
        }
        JsonObject body = new JsonObject();
        body.addProperty("message", "the cycle was not created: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        body.add("errors", errors);
        return json(Response.Status.BAD_REQUEST, body);
    }

    private static Response message(Response.Status status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("message", message);
        return json(status, body);
    }

    private static Response json(Response.Status status, JsonObject body) {
        return Response.status(status).entity(body.toString()).type(MediaType.APPLICATION_JSON).build();
    }
}
