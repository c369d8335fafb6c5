package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AppAccess;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.tracker.ExposureIssueType;
import org.ctemcycles.jira.tracker.TrackerSettings;

import java.util.Set;

/**
 * {@code /rest/ctem/1.0/tracker}: the global tracker configuration, for Jira administrators
 * ({@link AppAccess#CONFIGURE}).
 * <ul>
 *   <li>{@code GET /defaults}: the defaults every cycle's configuration starts from, {@code {project, issueType,
 *       grain, subTaskType, priorities{}, statusMap{}, resolutionMap{}, reopenStatus, labels[], linkType,
 *       actor}};</li>
 *   <li>{@code PUT /defaults} {@code {the fields that differ from the app's own}}: checked against Jira (priorities,
 *       resolutions, link type, user); answers the defaults;</li>
 *   <li>{@code POST /issue-type}: creates the "CTEM Exposure" issue type when Jira has none and adds it to the
 *       default issue type scheme: {@code 201 {id, name, created: true}}, or {@code 200 {..., created: false}} when
 *       it exists.</li>
 * </ul>
 */
@Path("/tracker")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerDefaultsResource extends CtemResource {

    private final TrackerSettings settings;
    private final ExposureIssueType issueType;

    @Inject
    public TrackerDefaultsResource(CtemServices services, CtemPermissions permissions,
                                   @ComponentImport JiraAuthenticationContext authentication,
                                   TrackerSettings settings, ExposureIssueType issueType) {
        super(services, permissions, authentication);
        this.settings = settings;
        this.issueType = issueType;
    }

    @GET
    @Path("/defaults")
    @AdminOnly
    public Response defaults() {
        permissions.check(user(), AppAccess.CONFIGURE);
        return ok(settings.defaults().toJson());
    }

    @PUT
    @Path("/defaults")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response saveDefaults(String body) {
        permissions.check(user(), AppAccess.CONFIGURE);
        JsonObject fields = JsonBody.object(body, Set.of("issueType", "grain", "priorities", "statusMap",
                "resolutionMap", "reopenStatus", "labels", "linkType", "actor", "subTaskType"));
        return ok(settings.saveDefaults(fields).toJson());
    }

    @POST
    @Path("/issue-type")
    @AdminOnly
    public Response createIssueType() {
        permissions.check(user(), AppAccess.CONFIGURE);
        ExposureIssueType.Result result = issueType.ensure();
        JsonObject answer = new JsonObject();
        answer.addProperty("id", result.id());
        answer.addProperty("name", result.name());
        answer.addProperty("created", result.created());
        return result.created() ? created("tracker/issue-type", answer) : ok(answer);
    }
}
