package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.CadenceJson;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/cadence}: {@code GET} (READ_WORK) the cycle's cadence record: {@code {cycle,
 * start, plannedEnd, planned[{date, status, heldOn}], actual[], closedOn, nextCycle, nextScope[]}} (closedOn and
 * nextCycle null until the cycle is closed and handed over).
 */
@Path("/cycles/{key}/cadence")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceResource extends CtemResource {

    @Inject
    public CadenceResource(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response cadence(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(CadenceJson.cadence(record().closure().cadence(cycle.key())));
    }
}
