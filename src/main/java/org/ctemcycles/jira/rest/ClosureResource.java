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
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CadenceJson;

import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/closure}: closing a cycle and its closure summary, {@code {cycle, closedAt,
 * closedBy, delivered[], falsePositives[], carriedOver[], riskAccepted, surfaceChanges[], nextScope[], metrics{},
 * recommended[]}} (the recommended next-cycle scope, each item with whether the next cycle took it).
 * <ul>
 *   <li>{@code GET} (READ_WORK): the closure summary; 404 while the cycle runs;</li>
 *   <li>{@code POST} (RUN) {@code {override: {reason}}} (or empty): closes a cycle in Mobilisation through the
 *       Closed gate (409 {@code gate-not-met} naming each unmet criterion, unless overridden with a reason) and
 *       answers its closure summary. The record is frozen from then on; {@link HandoverResource} hands the residual
 *       queue on.</li>
 * </ul>
 */
@Path("/cycles/{key}/closure")
@Produces(MediaType.APPLICATION_JSON)
public class ClosureResource extends CtemResource {

    @Inject
    public ClosureResource(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response summary(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(CadenceJson.closure(record().closure().summary(cycle.key()).orElseThrow(() ->
                new NotFoundException("cycle " + cycle.key() + " is in " + cycle.stage().label()
                        + ": it has no closure summary until it is closed")),
                record().recommendations().recommendation(cycle.key())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response close(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        GateOverride override = StageResource.override(JsonBody.optional(body, Set.of("override"),
                StageResource.OVERRIDE));
        return ok(CadenceJson.closure(JsonBody.naming(StageResource.OVERRIDE_FIELDS, null, () ->
                record().closure().close(cycle.key(), override, actor())),
                record().recommendations().recommendation(cycle.key())));
    }
}
