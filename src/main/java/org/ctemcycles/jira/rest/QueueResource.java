package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonObject;
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
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.jira.PolicyVersions;
import org.ctemcycles.core.priority.QueueService;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.report.json.QueueJson;

import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/queue}: the prioritised queue of a cycle.
 * <ul>
 *   <li>{@code GET} (READ_WORK), paged by rank ({@code ?limit=&after=}): {@code {run, items[], next}}, each item a
 *       decision as {@code ctem cycle queue --json} prints it (rank, score, tier, SSVC, deadline with its rule and
 *       candidates, factors with provenance, feeds, policy, rationale: {@link DecisionJson}). The cursor names the
 *       ranking, so a page never mixes two: when the cycle was ranked again meanwhile, the next page is 409
 *       {@code conflict} (read again from the first page);</li>
 *   <li>{@code POST} (RUN), body {@code {}} or empty: ranks the cycle's register again with the default policy and
 *       the active EPSS and KEV feeds (a missing feed is recorded as unknown in every decision) and stores the
 *       decisions as the cycle's new queue; answers {@code {cycle, run, findings, tiers{}, policy{}, feeds[]}}.</li>
 * </ul>
 */
@Path("/cycles/{key}/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource extends CtemResource {

    @Inject
    public QueueResource(CtemServices services, CtemPermissions permissions,
                         @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response page(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        Paging paging = Paging.of(limit, after);
        String cursor = paging.after();
        int colon = cursor == null ? -1 : cursor.lastIndexOf(':');
        if (cursor != null && (colon < 1 || !cursor.substring(colon + 1).matches("[1-9][0-9]{0,8}"))) {
            throw new InvalidInputException("after", "'" + cursor + "' is not a cursor of this list");
        }
        RecordPages.QueuePage queue = record().pages().queue(cycle.key(), cursor == null ? null
                : cursor.substring(0, colon), cursor == null ? 0 : Long.parseLong(cursor.substring(colon + 1)),
                paging.limit());
        JsonObject page = Paging.page(queue.page(), item -> DecisionJson.toJson(item.rank(), item.decision()));
        if (queue.page().more()) {
            page.addProperty("next", queue.run() + ":" + queue.page().next());
        }
        page.addProperty("run", queue.run());
        return ok(page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response prioritise(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody.optional(body, Set.of(), Map.of());
        // the policy in use: the newest version an administrator saved (ADR 087), named by every decision
        QueueService.Ranking ranking = record().queue().prioritise(cycle.key(),
                new PolicyVersions(record()).current(),
                record().feeds().activeEpss().orElse(null), record().feeds().activeKev().orElse(null), actor());
        return ok(QueueJson.ranking(cycle.key(), ranking));
    }
}
