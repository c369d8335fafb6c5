package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.google.gson.JsonElement;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;

import java.net.URI;
import java.util.function.Function;

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

    /**
     * The key of an existing Jira project, or null for none (blank).
     *
     * @throws InvalidInputException naming {@code field} when Jira knows no project with that key
     */
    protected String existingProject(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (permissions.project(raw) == null) {
            throw new InvalidInputException(field, "Jira has no project with key '" + raw.trim() + "'");
        }
        return raw.trim();
    }

    /** Reads a page of one of a cycle's large lists after a position. */
    protected interface PageReader<T> {
        Page<T> read(String cycleKey, long after, int limit);
    }

    /**
     * A page of one of a cycle's large lists ({@code ?limit=&after=}, see {@link Paging}), once the caller may do
     * {@code access} to the cycle.
     */
    protected <T> Response page(String key, CycleAccess access, String limit, String after, PageReader<T> reader,
                                Function<T, JsonElement> item) {
        Cycle cycle = cycle(key, access);
        Paging paging = Paging.of(limit, after);
        return ok(Paging.page(reader.read(cycle.key(), paging.position(), paging.limit()), item));
    }

    protected static Response ok(JsonElement body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    protected static Response created(String location, JsonElement body) {
        return Response.created(URI.create(location)).entity(body.toString()).type(MediaType.APPLICATION_JSON)
                .build();
    }
}
