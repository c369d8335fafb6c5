package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.ctemcycles.core.cadence.GateNotMetException;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Every error of the REST API in one shape, so a client reads them one way:
 * <pre>{"code": "invalid-input", "message": "...", "field": "name", "errors": [{"field": "name", "message": "..."}]}</pre>
 * {@code field} is the first problem's (absent when the error concerns no field); {@code errors} lists every problem
 * of a rejected input. Codes and statuses: invalid-input 400, rejected-report 400, not-logged-in 401, forbidden 403,
 * not-found 404, gate-not-met 409, conflict 409, and JAX-RS's own (unsupported-media-type 415, ...); anything
 * unexpected is internal-error 500 with an id that is also in the log, never a stack trace or a driver's message.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof GateNotMetException gate) {
            return error(409, "gate-not-met", "the " + gate.target().label() + " gate is not met: "
                    + String.join("; ", gate.unmet()), gate.problems());
        }
        if (failure instanceof InvalidInputException invalid) {
            return error(400, "invalid-input", invalid.problems().size() == 1 ? invalid.problems().get(0).toString()
                    : invalid.problems().size() + " problems: " + invalid.getMessage(), invalid.problems());
        }
        if (failure instanceof NotFoundException) {
            return error(404, "not-found", failure.getMessage(), List.of());
        }
        if (failure instanceof ConflictException) {
            return error(409, "conflict", failure.getMessage(), List.of());
        }
        if (failure instanceof AccessDeniedException denied) {
            return error(denied.refusal().status(), switch (denied.refusal()) {
                case NOT_LOGGED_IN -> "not-logged-in";
                case NOT_VISIBLE -> "not-found";
                case FORBIDDEN -> "forbidden";
            }, failure.getMessage(), List.of());
        }
        if (failure instanceof ImportException) {
            return error(400, "rejected-report", failure.getMessage(), List.of(new Problem("file",
                    failure.getMessage())));
        }
        if (failure instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return error(status.getStatusCode(), status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '-'), status.getReasonPhrase(), List.of());
        }
        String id = UUID.randomUUID().toString();
        LOG.error("CTEM REST API: unexpected failure {}", id, failure);
        return error(500, "internal-error", "the request failed unexpectedly; the Jira log has the details under "
                + id, List.of());
    }

    /** An error response of the shape above. */
    public static Response error(int status, String code, String message, List<Problem> problems) {
        return Response.status(status).entity(body(code, message, problems).toString())
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** An error body of the shape above, for a resource that adds to it (e.g. what an upload did before it failed). */
    public static JsonObject body(String code, String message, List<Problem> problems) {
        JsonObject body = new JsonObject();
        body.addProperty("code", code);
        body.addProperty("message", message);
        if (!problems.isEmpty()) {
            body.addProperty("field", problems.get(0).field());
        }
        JsonArray errors = new JsonArray();
        for (Problem problem : problems) {
            JsonObject error = new JsonObject();
            error.addProperty("field", problem.field());
            error.addProperty("message", problem.message());
            errors.add(error);
        }
        body.add("errors", errors);
        return body;
    }
}
