package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.cadence.HandoverRequest;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CadenceJson;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/handover}: {@code POST} (RUN) {@code {next} or {newCycle: {key, name,
 * objective, start, plannedEnd, checkpointIntervalDays, projectKey}}, with {@code carryScope}}: hands a closed
 * cycle's residual queue to the next cycle, an existing one still in Scoping that the caller also runs, or a new one
 * (in the closed cycle's Jira project unless {@code projectKey} says otherwise, which the caller must be allowed to
 * open cycles in); {@code carryScope: true} copies the surfaces into its scope; {@code take: [1, 3]} takes those items
 * of the recommended next-cycle scope. Answers {@code {from, next{cycle}, inherited, carriedScope[], taken[]}}.
 */
@Path("/cycles/{key}/handover")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource extends CtemResource {

    private static final Set<String> NEW_CYCLE =
            Set.of("key", "name", "objective", "start", "plannedEnd", "checkpointIntervalDays", "projectKey");
    /** The new cycle's problems, as the body names its fields. */
    private static final Map<String, String> NEW_CYCLE_FIELDS =
            NEW_CYCLE.stream().collect(Collectors.toMap(field -> field, field -> "newCycle." + field));

    @Inject
    public HandoverResource(CtemServices services, CtemPermissions permissions,
                            @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response handover(@PathParam("key") String key, String body) {
        Cycle closed = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, Set.of("next", "newCycle", "carryScope", "take"), Set.of("take"),
                Map.of("newCycle", NEW_CYCLE));
        JsonBody fresh = request.object("newCycle");
        String next = request.text("next");
        CycleDraft draft = null;
        if (fresh != null) {
            String wanted = fresh.has("projectKey") ? fresh.text("projectKey") : closed.projectKey();
            permissions.checkOpen(user(), wanted);
            String project = existingProject("newCycle.projectKey", wanted);
            draft = new CycleDraft(fresh.text("key"), fresh.text("name"), fresh.text("objective"),
                    fresh.text("start"), fresh.text("plannedEnd"), fresh.text("checkpointIntervalDays"), project);
        } else if (next != null && !next.isBlank()) {
            cycle(next, CycleAccess.RUN); // the caller runs the cycle that inherits, too
        }
        HandoverRequest handover = new HandoverRequest(draft, next, request.flag("carryScope", false),
                RecommendationResource.numbers(request, "take"));
        return ok(CadenceJson.handover(JsonBody.naming(NEW_CYCLE_FIELDS, null, () ->
                record().closure().handover(closed.key(), handover, actor()))));
    }
}
