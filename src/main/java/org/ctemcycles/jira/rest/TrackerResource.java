package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.jira.tracker.Reconciliation;
import org.ctemcycles.jira.tracker.TrackerConfig;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ctemcycles.report.json.MobilisationJson;

import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/tracker}: how the cycle's findings become Jira issues, and reconciliation.
 * <ul>
 *   <li>{@code GET} (READ_WORK): {@code {config{project, issueType, grain, subTaskType, priorities{TIER: name},
 *       statusMap[{status, category: to-do|in-progress|done}], resolutionMap[{resolution, meaning: resolved|
 *       lead-decision}], reopenStatus,
 *       labels[], linkType, actor}, own[] (the fields the cycle sets; the others are the global defaults),
 *       problems[{field, message}] (what Jira lacks now; empty: ready to mobilise)}};</li>
 *   <li>{@code PUT} (RUN) {@code {the config fields the cycle sets; null resets one to the default}}: replaces the
 *       cycle's own fields after checking the whole against the project's scheme and workflow (400 naming the
 *       missing status, issue type, priority, resolution, link type or user; nothing is stored then); answers as
 *       GET;</li>
 *   <li>{@code POST /reconcile} (RUN): reconciles the register with the issues now: {@code {cycle, checked,
 *       repaired, at, repairs[{finding, issue, kind (status, decision-needed, fields, moved, deleted,
 *       reopened-in-tracker, not-followed, linked), detail}]}}; 409 when another node is reconciling the cycle for
 *       longer than {@value #RECONCILE_WAIT_SECONDS} s.</li>
 * </ul>
 */
@Path("/cycles/{key}/tracker")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerResource extends CtemResource {

    static final long RECONCILE_WAIT_SECONDS = 30;

    private final TrackerSettings settings;
    private final Reconciliation reconciliation;

    @Inject
    public TrackerResource(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication, TrackerSettings settings,
                           Reconciliation reconciliation) {
        super(services, permissions, authentication);
        this.settings = settings;
        this.reconciliation = reconciliation;
    }

    @GET
    @LicensedOnly
    public Response get(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(answer(cycle, settings.effective(cycle)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response put(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonObject fields = JsonBody.object(body, Set.of("project", "issueType", "grain", "priorities",
                "statusMap", "resolutionMap", "reopenStatus", "labels", "linkType", "actor", "subTaskType"));
        return ok(answer(cycle, settings.saveForCycle(cycle, fields)));
    }

    @POST
    @Path("/reconcile")
    @LicensedOnly
    public Response reconcile(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        return ok(MobilisationJson.reconciliation(reconciliation.reconcile(cycle, actor(), RECONCILE_WAIT_SECONDS)));
    }

    private JsonObject answer(Cycle cycle, TrackerConfig config) {
        JsonObject answer = new JsonObject();
        answer.add("config", config.toJson());
        JsonArray own = new JsonArray();
        settings.cycleFields(cycle.key()).keySet().stream().sorted().forEach(own::add);
        answer.add("own", own);
        JsonArray problems = new JsonArray();
        List<Problem> found = settings.problems(cycle);
        for (Problem problem : found) {
            JsonObject one = new JsonObject();
            one.addProperty("field", problem.field());
            one.addProperty("message", problem.message());
            problems.add(one);
        }
        answer.add("problems", problems);
        return answer;
    }
}
