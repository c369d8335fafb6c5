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
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.RecommendationJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/recommendation}: the scope a closed cycle recommends for the next one.
 * <ul>
 *   <li>{@code GET} (READ_WORK): {@code {cycle, items[{number, kind, subject, reason, numbers{}, takenInto, takenBy,
 *       takenAt}]}}; no items while the cycle runs;</li>
 *   <li>{@code POST /take} (RUN on the closed cycle and on the cycle it was handed over to) {@code {items: [1, 3]}}:
 *       takes those items into the next cycle while it is in Scoping; answers the recommendation.</li>
 * </ul>
 */
@Path("/cycles/{key}/recommendation")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource extends CtemResource {

    @Inject
    public RecommendationResource(CtemServices services, CtemPermissions permissions,
                                  @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response recommendation(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(RecommendationJson.recommendation(cycle.key(),
                record().recommendations().recommendation(cycle.key())));
    }

    @POST
    @Path("/take")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response take(@PathParam("key") String key, String body) {
        Cycle closed = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, Set.of("items"), Set.of("items"));
        List<Integer> items = numbers(request, "items");
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "name the items to take by number, e.g. [1, 3]");
        }
        if (!closed.successorKey().isEmpty()) {
            cycle(closed.successorKey(), CycleAccess.RUN); // the caller runs the cycle that takes them, too
        }
        record().recommendations().take(closed.key(), items, actor());
        return ok(RecommendationJson.recommendation(closed.key(),
                record().recommendations().recommendation(closed.key())));
    }

    /** An array of item numbers; empty when absent. */
    static List<Integer> numbers(JsonBody request, String field) {
        List<String> texts = request.texts(field);
        List<Integer> numbers = new ArrayList<>();
        if (texts == null) {
            return numbers;
        }
        for (String text : texts) {
            try {
                numbers.add(Integer.parseInt(text == null ? "" : text.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "'" + text + "' is not an item number");
            }
        }
        return numbers;
    }
}
