package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.google.gson.JsonElement;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;

import java.net.URI;

/**
 * What every resource of the REST API shares: the cycle record, the permission service and the caller. A resource
 * method reaches a cycle only through {@link #cycle}, which checks the caller's access first; errors are thrown and
 * answered by {@link ApiErrors}, never built per resource.
 */
abstract class CtemResource {

    protected final CtemServices services;
    protected final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;

    protected CtemResource(CtemServices services, CtemPermissions permissions,
                           JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
    }

    protected CycleRecord record() {
        return services.record();
    }

    /** The caller, or null when nobody is logged in. */
    protected ApplicationUser user() {
        return authentication.getLoggedInUser();
    }

    /** The caller's user key, as the record's actor. */
    protected String actor() {
        return user().getKey();
    }

    /**
     * The cycle, once the caller may do {@code access} to it: anonymous callers get 401 before anything is read, a
     * cycle the caller may not see is "not found", like one that does not exist.
     */
    protected Cycle cycle(String key, CycleAccess access) {
        if (user() == null) {
            permissions.check(null, access, null);
        }
        Cycle cycle = record().cycles().get(key);
        permissions.check(user(), access, cycle);
        return cycle;
    }

    protected static Response ok(JsonElement body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    protected static Response created(String location, JsonElement body) {
        return Response.created(URI.create(location)).entity(body.toString()).type(MediaType.APPLICATION_JSON)
                .build();
    }
}
