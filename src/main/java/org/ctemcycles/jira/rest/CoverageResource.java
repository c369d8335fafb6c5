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
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.DiscoveryJson;

import java.time.Duration;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/coverage}: {@code GET} (READ_WORK) the coverage matrix, as
 * {@code ctem coverage --json} prints it: for each surface and source kind, whether a discovery run covered it in
 * the last {@code ?staleAfterDays=} days (1 to 3650, default 30), only earlier (stale), or never.
 */
@Path("/cycles/{key}/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource extends CtemResource {

    static final int DEFAULT_STALE_AFTER_DAYS = 30;
    static final int MAX_STALE_AFTER_DAYS = 3650;

    @Inject
    public CoverageResource(CtemServices services, CtemPermissions permissions,
                            @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response matrix(@PathParam("key") String key, @QueryParam("staleAfterDays") String staleAfterDays) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        return ok(DiscoveryJson.coverage(record().discovery().coverage(cycle.key(),
                Duration.ofDays(days(staleAfterDays)))));
    }

    private static int days(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_STALE_AFTER_DAYS;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= MAX_STALE_AFTER_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range
        }
        throw new InvalidInputException("staleAfterDays", "'" + raw.trim() + "' is not a whole number of days from 1"
                + " to " + MAX_STALE_AFTER_DAYS);
    }
}
