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
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.DiscoveryJson;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/surfaces}: the surfaces in a cycle's scope, with their scope rules. A surface is
 * {@code {key, cycle, name, kind, businessOwner, criticality, exposure, successCriterion, rules[]}} (as
 * {@code ctem surfaces} prints it); rules are written {@code KIND:PATTERN}, e.g. {@code host:*.pay.example.com}.
 * <ul>
 *   <li>{@code GET} (READ_WORK), paged by surface key ({@code ?limit=&after=}): the surfaces in key order;</li>
 *   <li>{@code POST} (RUN) {@code {key, name, kind, businessOwner, criticality, exposure, successCriterion,
 *       rules[]}}: adds a surface; 201 with its location;</li>
 *   <li>{@code GET /{surface}} (READ_WORK): one surface;</li>
 *   <li>{@code PUT /{surface}} (RUN) with the fields of POST but {@code key}: changes the fields given ({@code rules}
 *       replaces every rule).</li>
 * </ul>
 */
@Path("/cycles/{key}/surfaces")
@Produces(MediaType.APPLICATION_JSON)
public class SurfaceResource extends CtemResource {

    private static final Set<String> CHANGES =
            Set.of("name", "kind", "businessOwner", "criticality", "exposure", "successCriterion", "rules");
    private static final Set<String> FIELDS =
            Set.of("key", "name", "kind", "businessOwner", "criticality", "exposure", "successCriterion", "rules");
    private static final Set<String> RULES = Set.of("rules");

    @Inject
    public SurfaceResource(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    /** A cycle's surfaces are few (a scope is written by people), so a page is cut from the whole list. */
    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        Paging paging = Paging.of(limit, after == null ? null : after.toUpperCase(Locale.ROOT));
        // in key order whatever order the store keeps: the cursor is a key
        List<Surface> surfaces = record().scope().list(cycle.key()).stream()
                .sorted(Comparator.comparing(Surface::key)).toList();
        return ok(paging.slice(surfaces, Surface::key, DiscoveryJson::surface));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response add(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody surface = JsonBody.parse(body, FIELDS, RULES);
        Surface added = record().scope().add(cycle.key(), draft(surface.text("key"), surface), actor());
        return created("cycles/" + cycle.key() + "/surfaces/" + added.key(), DiscoveryJson.surface(added));
    }

    @GET
    @Path("/{surface}")
    @LicensedOnly
    public Response get(@PathParam("key") String key, @PathParam("surface") String surfaceKey) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        String wanted = surfaceKey.trim().toUpperCase(Locale.ROOT);
        return ok(DiscoveryJson.surface(record().scope().list(cycle.key()).stream()
                .filter(s -> s.key().equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundException("no surface '" + wanted + "' in the scope of cycle "
                        + cycle.key()))));
    }

    @PUT
    @Path("/{surface}")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response update(@PathParam("key") String key, @PathParam("surface") String surfaceKey, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody changes = JsonBody.parse(body, CHANGES, RULES);
        return ok(DiscoveryJson.surface(record().scope().update(cycle.key(), draft(surfaceKey, changes), actor())));
    }

    private static SurfaceDraft draft(String surfaceKey, JsonBody body) {
        return new SurfaceDraft(surfaceKey, body.text("name"), body.text("kind"), body.text("businessOwner"),
                body.text("criticality"), body.text("exposure"), body.text("successCriterion"), body.texts("rules"));
    }
}
