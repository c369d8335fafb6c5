package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CycleJson;

import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/scope}: a cycle's objectives, success criteria and cadence.
 * <ul>
 *   <li>{@code GET} (VIEW): {@code {cycle, stage, objective, successCriteria, start, plannedEnd,
 *       checkpointIntervalDays, editable, version}};</li>
 *   <li>{@code PUT} (RUN) {@code {objective, successCriteria, start, plannedEnd, checkpointIntervalDays}}: records
 *       them while the cycle is in Scoping; fields left out stay as they are; answers the scope as above.</li>
 * </ul>
 * The surfaces are {@link SurfaceResource}'s.
 */
@Path("/cycles/{key}/scope")
@Produces(MediaType.APPLICATION_JSON)
public class ScopeResource extends CtemResource {

    private static final Set<String> FIELDS =
            Set.of("objective", "successCriteria", "start", "plannedEnd", "checkpointIntervalDays");

    @Inject
    public ScopeResource(CtemServices services, CtemPermissions permissions,
                         @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response get(@PathParam("key") String key) {
        return ok(CycleJson.scope(cycle(key, CycleAccess.VIEW)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response record(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody scope = JsonBody.parse(body, FIELDS, Set.of());
        return ok(CycleJson.scope(record().cycles().recordScope(cycle.key(), new ScopeDraft(scope.text("objective"),
                scope.text("successCriteria"), scope.text("start"), scope.text("plannedEnd"),
                scope.text("checkpointIntervalDays")), actor())));
    }
}
