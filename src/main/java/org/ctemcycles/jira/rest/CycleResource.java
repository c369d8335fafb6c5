package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CycleJson;

import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles}: the cycles the caller may see (of one Jira project, or all), one cycle, opening a
 * cycle in a Jira project, and moving a cycle to another project. Writes take {@code application/json} only.
 */
@Path("/cycles")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource extends CtemResource {

    private static final Set<String> DRAFT_FIELDS =
            Set.of("key", "name", "objective", "start", "plannedEnd", "checkpointIntervalDays", "projectKey");

    @Inject
    public CycleResource(CtemServices services, CtemPermissions permissions,
                         @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    /** The cycles the caller may see, newest start first, paged by cycle key; {@code project} narrows to one. */
    @GET
    @LicensedOnly
    public Response list(@QueryParam("project") String project, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        if (user() == null) {
            permissions.check(null, CycleAccess.VIEW, null);
        }
        Paging paging = Paging.of(limit, after);
        List<Cycle> all = project == null || project.isBlank() ? record().cycles().list()
                : record().cycles().inProject(project);
        return ok(paging.slice(permissions.visible(user(), all), Cycle::key, CycleJson::toJson));
    }

    @GET
    @Path("/{key}")
    @LicensedOnly
    public Response get(@PathParam("key") String key) {
        return ok(CycleJson.toJson(cycle(key, CycleAccess.VIEW)));
    }

    /** Opens a cycle in the Scoping stage, in a Jira project the caller leads (or of no project, for global leads). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response create(String body) {
        permissions.checkMayOpenCycles(user());
        JsonBody draft = JsonBody.parse(body, DRAFT_FIELDS, Set.of());
        // who may open cycles there first: whether a project exists is not told to those who may not
        permissions.checkOpen(user(), draft.text("projectKey"));
        String projectKey = existingProject("projectKey", draft.text("projectKey"));
        Cycle cycle = record().cycles().create(new CycleDraft(draft.text("key"), draft.text("name"),
                draft.text("objective"), draft.text("start"), draft.text("plannedEnd"),
                draft.text("checkpointIntervalDays"), projectKey), actor());
        return created("cycles/" + cycle.key(), CycleJson.toJson(cycle));
    }

    /** Moves the cycle to another Jira project (logged); the caller must lead the cycle and may open cycles there. */
    @PUT
    @Path("/{key}/project")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response moveToProject(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, Set.of("projectKey"), Set.of());
        permissions.checkOpen(user(), request.text("projectKey"));
        String projectKey = existingProject("projectKey", request.text("projectKey"));
        return ok(CycleJson.toJson(record().cycles().moveToProject(cycle.key(), projectKey, actor())));
    }
}
