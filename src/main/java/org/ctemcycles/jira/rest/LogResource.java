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
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.LogJson;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/log}: the cycle's hash-chained activity log.
 * <ul>
 *   <li>{@code GET} (READ_EVIDENCE), paged by sequence number ({@code ?limit=&after=}): {@code {cycle, sequence, at,
 *       actor, action, subject, before, after, previousHash, hash}} each;</li>
 *   <li>{@code GET /verification} (READ_EVIDENCE): the chain verified, read a page at a time: {@code {cycle, intact,
 *       entries, firstBreak{kind, sequence, description}}} (firstBreak null when intact), as {@code ctem log verify}
 *       judges it.</li>
 * </ul>
 */
@Path("/cycles/{key}/log")
@Produces(MediaType.APPLICATION_JSON)
public class LogResource extends CtemResource {

    @Inject
    public LogResource(CtemServices services, CtemPermissions permissions,
                       @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        return page(key, CycleAccess.READ_EVIDENCE, limit, after, record().pages()::log, LogJson::entry);
    }

    @GET
    @Path("/verification")
    @LicensedOnly
    public Response verification(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_EVIDENCE);
        return ok(LogJson.verification(record().pages().verify(cycle.key())));
    }
}
