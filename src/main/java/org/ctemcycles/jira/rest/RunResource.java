package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.DiscoveryJson;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/runs}: {@code GET} (READ_WORK) the cycle's discovery runs, paged by run id
 * ({@code ?limit=&after=}, the order they were recorded), each as {@code ctem runs --json} prints it.
 */
@Path("/cycles/{key}/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource extends CtemResource {

    @Inject
    public RunResource(CtemServices services, CtemPermissions permissions,
                       @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        return page(key, CycleAccess.READ_WORK, limit, after, record().pages()::runs, DiscoveryJson::run);
    }
}
