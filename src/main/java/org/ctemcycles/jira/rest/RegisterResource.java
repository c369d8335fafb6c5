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
import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.RegisterJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/register}: the mobilisation register, one entry per finding: {@code {cycle,
 * finding, status, owner, deadline, changeRecord, dependency, verificationStep, trackerIssue, acceptance{...},
 * carriedFrom, enrolledAt, updatedAt}}.
 * <ul>
 *   <li>{@code GET} (READ_WORK), paged in the order findings entered it ({@code ?limit=&after=}), of one status
 *       with {@code ?status=} (open, in-progress, resolved, verified, reopened, risk-accepted, false-positive);</li>
 *   <li>{@code POST /mobilise} (RUN) {@code {findings[], owner, deadline, changeRecord, dependency,
 *       verificationStep}}: mobilises the findings (all or none), each with an issue in the tracker; answers
 *       {@code {items[]}}, the entries;</li>
 *   <li>{@code PUT /{finding}/status} (RUN) {@code {status, note}}: a status change by hand (open, in-progress,
 *       resolved, reopened, false-positive; reopening and false positives need a note); answers the entry;</li>
 *   <li>{@code POST /{finding}/acceptance} (RUN) {@code {owner, compensatingControl, expiry}}: accepts the
 *       finding's risk until the expiry date; answers the entry.</li>
 * </ul>
 */
@Path("/cycles/{key}/register")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource extends CtemResource {

    private static final Set<String> MOBILISATION =
            Set.of("findings", "owner", "deadline", "changeRecord", "dependency", "verificationStep");

    @Inject
    public RegisterResource(CtemServices services, CtemPermissions permissions,
                            @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("status") String status,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return page(key, CycleAccess.READ_WORK, limit, after, (cycle, position, size) ->
                record().pages().register(cycle, status(status), position, size), RegisterJson::entry);
    }

    /** The status a list is narrowed to, or null for every status. */
    private static FindingStatus status(String raw) {
        List<Problem> problems = new ArrayList<>();
        FindingStatus status = Choices.parse("status", raw, FindingStatus.class, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return status;
    }

    @POST
    @Path("/mobilise")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response mobilise(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, MOBILISATION, Set.of("findings"));
        List<String> findings = request.has("findings") ? request.texts("findings") : List.of();
        if (findings.isEmpty()) {
            throw new InvalidInputException("findings", "is required: the keys of the findings to mobilise");
        }
        MobilisationDraft draft = new MobilisationDraft(request.text("owner"), request.text("deadline"),
                request.text("changeRecord"), request.text("dependency"), request.text("verificationStep"));
        List<RegisterEntry> entries = JsonBody.naming(Map.of(), "findings", () ->
                record().mobilisation().mobiliseAll(cycle.key(), findings, draft, actor()));
        JsonArray items = new JsonArray();
        entries.forEach(e -> items.add(RegisterJson.entry(e)));
        return ok(Paging.page(items, null));
    }

    @PUT
    @Path("/{finding}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response changeStatus(@PathParam("key") String key, @PathParam("finding") String finding, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody change = JsonBody.parse(body, Set.of("status", "note"), Set.of());
        return ok(RegisterJson.entry(record().mobilisation().changeStatus(cycle.key(), finding, change.text("status"),
                change.text("note"), actor())));
    }

    @POST
    @Path("/{finding}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response acceptRisk(@PathParam("key") String key, @PathParam("finding") String finding, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody acceptance = JsonBody.parse(body, Set.of("owner", "compensatingControl", "expiry"), Set.of());
        return ok(RegisterJson.entry(record().mobilisation().acceptRisk(cycle.key(), finding, new AcceptanceDraft(
                acceptance.text("owner"), acceptance.text("compensatingControl"), acceptance.text("expiry")),
                actor())));
    }
}
