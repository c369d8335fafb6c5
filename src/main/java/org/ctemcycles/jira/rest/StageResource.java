package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CadenceJson;

import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/stage}: where a cycle stands and moving it on, one stage at a time, through the
 * stage gates.
 * <ul>
 *   <li>{@code GET} (READ_WORK): {@code {cycle, stage, next, unmet[], met}}, the next gate's unmet entry
 *       criteria;</li>
 *   <li>{@code POST} (RUN) {@code {target, override: {reason}}}: advances to {@code target} (by default the next
 *       stage); answers {@code {cycle{...}, from, to, overridden, overriddenCriteria[], overrideReason}}. A gate
 *       whose criteria are unmet is refused with 409 {@code gate-not-met}, one error per unmet criterion, unless the
 *       request overrides it with a reason (logged). Closing is {@link ClosureResource}'s.</li>
 * </ul>
 */
@Path("/cycles/{key}/stage")
@Produces(MediaType.APPLICATION_JSON)
public class StageResource extends CtemResource {

    static final Map<String, Set<String>> OVERRIDE = Map.of("override", Set.of("reason"));
    /** The service's names for what this API calls {@code target} and {@code override.reason}. */
    static final Map<String, String> OVERRIDE_FIELDS = Map.of("stage", "target", "reason", "override.reason");

    @Inject
    public StageResource(CtemServices services, CtemPermissions permissions,
                         @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response gate(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(CadenceJson.gate(cycle, record().stages().nextGate(cycle.key())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response advance(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.optional(body, Set.of("target", "override"), OVERRIDE);
        Stage target = request.has("target") ? Stage.parse(request.text("target")).orElseThrow(() ->
                new InvalidInputException("target", "'" + request.text("target") + "' is not a stage (discovery,"
                        + " prioritisation, validation, mobilisation)"))
                : cycle.stage().next().orElseThrow(() -> new InvalidInputException("target", "cycle " + cycle.key()
                + " is closed"));
        GateOverride override = override(request);
        return ok(CadenceJson.transition(JsonBody.naming(OVERRIDE_FIELDS, null, () ->
                record().stages().advance(cycle.key(), target, override, actor()))));
    }

    /** The request's {@code override}, or null when it has none. */
    static GateOverride override(JsonBody request) {
        JsonBody override = request.object("override");
        return override == null ? null : new GateOverride(override.text("reason"));
    }
}
