package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
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
import org.ctemcycles.core.common.InvalidInputException;
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
        List<Cycle> visible = permissions.visible(user(), all);
        int from = 0;
        if (paging.after() != null) {
            String afterKey = paging.after();
            from = visible.stream().map(Cycle::key).toList().indexOf(afterKey) + 1;
            if (from == 0) {
                throw new InvalidInputException("after", "'" + afterKey + "' is not a cursor of this list");
            }
        }
        List<Cycle> page = visible.subList(from, Math.min(visible.size(), from + paging.limit()));
        JsonArray items = new JsonArray();
        page.forEach(cycle -> items.add(CycleJson.toJson(cycle)));
        String next = from + page.size() < visible.size() ? page.get(page.size() - 1).key() : null;
        return ok(Paging.page(items, next));
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
        String projectKey = existingProject(draft.text("projectKey"));
        permissions.checkOpen(user(), projectKey);
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
        String projectKey = existingProject(request.text("projectKey"));
        permissions.checkOpen(user(), projectKey);
        return ok(CycleJson.toJson(record().cycles().moveToProject(cycle.key(), projectKey, actor())));
    }

    /** The key of an existing Jira project, or null for none; a key Jira does not know is a problem. */
    private String existingProject(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (permissions.project(raw) == null) {
            throw new InvalidInputException("projectKey", "Jira has no project with key '" + raw.trim() + "'");
        }
        return raw.trim();
    }
}
