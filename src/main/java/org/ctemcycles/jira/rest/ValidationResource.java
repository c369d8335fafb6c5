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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.RegisterJson;

import java.util.Map;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/validations}: how the cycle's findings were tested and what came out. A
 * validation is {@code {cycle, finding, method, outcome, notes, evidenceRefs[], validatedBy, validatedAt,
 * statusBefore, statusAfter}}.
 * <ul>
 *   <li>{@code GET} (READ_EVIDENCE), paged in the order recorded ({@code ?limit=&after=});</li>
 *   <li>{@code POST} (RUN) {@code {finding, method, outcome, notes, evidence[]}}: records a validation of a finding
 *       in the register (method: manual-test, attack-path-analysis, exploit-reproduction, retest; outcome:
 *       exploitable-confirmed, not-exploitable, mitigated-by-control, retest-passed, retest-failed); the outcome
 *       moves the finding's status. Answers the validation.</li>
 * </ul>
 */
@Path("/cycles/{key}/validations")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource extends CtemResource {

    private static final Set<String> FIELDS = Set.of("finding", "method", "outcome", "notes", "evidence");

    @Inject
    public ValidationResource(CtemServices services, CtemPermissions permissions,
                              @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        return page(key, CycleAccess.READ_EVIDENCE, limit, after, record().pages()::validations,
                RegisterJson::validation);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response record(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody validation = JsonBody.parse(body, FIELDS, Set.of("evidence"));
        if (!validation.has("finding") || validation.text("finding").isBlank()) {
            throw new InvalidInputException("finding", "is required: the key of a finding in the register");
        }
        ValidationDraft draft = new ValidationDraft(validation.text("method"), validation.text("outcome"),
                validation.text("notes"), validation.texts("evidence"));
        return ok(RegisterJson.validation(JsonBody.naming(Map.of(), "finding", () ->
                record().validation().record(cycle.key(), validation.text("finding"), draft, actor()))));
    }
}
