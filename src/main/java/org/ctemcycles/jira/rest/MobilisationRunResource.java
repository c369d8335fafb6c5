package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.MobilisationRun;
import org.ctemcycles.core.mobilisation.RunItem;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.jira.tracker.MobilisationWorker;
import org.ctemcycles.report.json.MobilisationJson;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/mobilisations}: bulk mobilisation as Jira issues, in runs worked off the
 * request in batches and resumed after a node stops; each finding's outcome is kept with Jira's reasons. Starting a
 * run is a change (RUN: leads and administrators; XSRF as every state change, {@link XsrfGuard}).
 * <ul>
 *   <li>{@code POST} (RUN) {@code {findings[], owner, deadline, changeRecord, dependency, verificationStep}} (at most
 *       10,000 findings): stores the run and starts it: {@code 202} with {@code Location} and the RUN
 *       {@code {id, cycle, state (queued, running, finished), total, pending, mobilised, failed, owner, deadline,
 *       changeRecord, dependency, verificationStep, requestedBy, createdAt, updatedAt}}. Posting the same findings
 *       again (a retry) makes a second run whose items find their issues: no finding ever gets a second
 *       issue;</li>
 *   <li>{@code GET /{run}} (READ_WORK): the RUN with its progress;</li>
 *   <li>{@code GET /{run}/items} (READ_WORK): each finding's outcome in request order, paged by position
 *       ({@code ?limit=&after=}): {@code {position, finding, outcome (pending, opened, updated, unchanged, failed),
 *       issue, problems[{field, message}]}}, the problems naming Jira's fields (e.g. {@code customfield_10010}).</li>
 * </ul>
 */
@Path("/cycles/{key}/mobilisations")
@Produces(MediaType.APPLICATION_JSON)
public class MobilisationRunResource extends CtemResource {

    private static final Set<String> FIELDS =
            Set.of("findings", "owner", "deadline", "changeRecord", "dependency", "verificationStep");

    private final MobilisationWorker worker;

    @Inject
    public MobilisationRunResource(CtemServices services, CtemPermissions permissions,
                                   @ComponentImport JiraAuthenticationContext authentication,
                                   MobilisationWorker worker) {
        super(services, permissions, authentication);
        this.worker = worker;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response start(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, FIELDS, Set.of("findings"));
        List<String> findings = request.has("findings") ? request.texts("findings") : List.of();
        MobilisationDraft draft = new MobilisationDraft(request.text("owner"), request.text("deadline"),
                request.text("changeRecord"), request.text("dependency"), request.text("verificationStep"));
        MobilisationRun run = record().mobilisationRuns().start(cycle.key(), findings, draft, actor());
        worker.submit(run.id());
        return Response.accepted(MobilisationJson.run(run).toString()).type(MediaType.APPLICATION_JSON)
                .location(URI.create("cycles/" + segment(cycle.key()) + "/mobilisations/" + run.id())).build();
    }

    @GET
    @Path("/{run}")
    @LicensedOnly
    public Response get(@PathParam("key") String key, @PathParam("run") String id) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(MobilisationJson.run(record().mobilisationRuns().find(cycle.key(), id)));
    }

    @GET
    @Path("/{run}/items")
    @LicensedOnly
    public Response items(@PathParam("key") String key, @PathParam("run") String id,
                          @QueryParam("limit") String limit, @QueryParam("after") String after) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        Paging paging = Paging.of(limit, after);
        if (paging.position() > Integer.MAX_VALUE) {
            throw new InvalidInputException("after", "'" + after + "' is not a cursor of this list");
        }
        List<RunItem> items = record().mobilisationRuns().items(cycle.key(), id, (int) paging.position(),
                paging.limit() + 1);
        boolean more = items.size() > paging.limit();
        List<RunItem> page = more ? items.subList(0, paging.limit()) : items;
        JsonArray array = new JsonArray();
        page.forEach(item -> array.add(MobilisationJson.item(item)));
        return ok(Paging.page(array, more ? String.valueOf(page.get(page.size() - 1).position()) : null));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
