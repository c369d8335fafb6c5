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
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CadenceJson;

import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/checkpoints}: the cycle's checkpoints.
 * <ul>
 *   <li>{@code GET} (READ_WORK): {@code {cycle, planned[{date, status, heldOn}], held[], missed[], metrics{}}}: the
 *       checkpoints the cadence plans and where each stands (held, due, missed, upcoming, after closure), those
 *       held with the metrics taken then, and the cycle's metrics now (the register counted a page at a time);</li>
 *   <li>{@code POST} (RUN) {@code {notes}} (or empty): holds a checkpoint today with a snapshot of the metrics;
 *       answers {@code {cycle, heldOn, plannedFor, recordedAt, recordedBy, notes, metrics{}}}.</li>
 * </ul>
 */
@Path("/cycles/{key}/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource extends CtemResource {

    @Inject
    public CheckpointResource(CtemServices services, CtemPermissions permissions,
                              @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response schedule(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(CadenceJson.schedule(record().checkpoints().schedule(cycle.key()),
                record().checkpoints().metrics(cycle.key(), record().pages().register(cycle.key()))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response hold(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody checkpoint = JsonBody.optional(body, Set.of("notes"), Map.of());
        return ok(CadenceJson.checkpoint(record().checkpoints().record(cycle.key(), checkpoint.text("notes"),
                actor())));
    }
}
