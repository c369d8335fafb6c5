package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AppAccess;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.sources.JiraSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/source-hosts}: the administrator's allow-list of the hosts scheduled discovery sources may
 * fetch from (exact host names; none by default, so no https source can be added until an administrator allows its
 * host). Jira administrators only ({@link AppAccess#CONFIGURE}).
 * <ul>
 *   <li>{@code GET}: {@code {hosts[]}};</li>
 *   <li>{@code PUT} {@code {hosts[]}}: replaces the list (names lower-cased, repeats dropped); {@code 200 {hosts[]}}.
 *       A URL, a port, a path or a wildcard is {@code 400 invalid-input} naming {@code hosts}, and nothing changes.
 *       Each change is in the configuration's chain of the activity log with before and after (ADR 086). A source
 *       whose host is taken off is refused at its next run.</li>
 * </ul>
 */
@Path("/source-hosts")
@Produces(MediaType.APPLICATION_JSON)
public class SourceHostsResource extends CtemResource {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHostsResource.class);

    private final JiraSources sources;

    @Inject
    public SourceHostsResource(CtemServices services, CtemPermissions permissions,
                               @ComponentImport JiraAuthenticationContext authentication, JiraSources sources) {
        super(services, permissions, authentication);
        this.sources = sources;
    }

    @GET
    @LicensedOnly
    public Response get() {
        permissions.check(user(), AppAccess.CONFIGURE);
        return ok(hosts(sources.hosts()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response put(String body) {
        permissions.check(user(), AppAccess.CONFIGURE);
        JsonBody request = JsonBody.parse(body, Set.of("hosts"), Set.of("hosts"));
        List<String> hosts = request.texts("hosts");
        if (hosts == null) {
            throw new InvalidInputException("hosts", "is required: the host names sources may fetch from, e.g."
                    + " [\"ci.example.com\"] ([] allows none)");
        }
        List<String> stored = sources.setHosts(hosts, actor());
        LOG.info("CTEM sources: {} sets the allow-list of source hosts ({} hosts)", actor(), stored.size());
        return ok(hosts(stored));
    }

    private static JsonObject hosts(List<String> hosts) {
        JsonArray list = new JsonArray();
        hosts.forEach(list::add);
        JsonObject answer = new JsonObject();
        answer.add("hosts", list);
        return answer;
    }
}
