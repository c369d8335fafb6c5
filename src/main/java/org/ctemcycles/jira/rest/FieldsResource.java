package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.fields.CtemFields;
import org.ctemcycles.jira.security.AppAccess;
import org.ctemcycles.jira.security.CtemPermissions;

import java.util.List;

/**
 * {@code /rest/ctem/1.0/fields}: the app's custom fields in Jira, for Jira administrators ({@link AppAccess#CONFIGURE}).
 * <ul>
 *   <li>{@code GET}: {@code {fields[{key, name, kind (number|date|text), fieldId|null, state (present|found|missing),
 *       scope: null, lock (locked|unlocked|none|failed)}], index{pending, oldestRequestedAt|null}}}: each field as
 *       it is (found: it exists but its id was not recorded; a repair records it), and how many re-index requests
 *       wait;</li>
 *   <li>{@code POST /repair}: makes every field exist once (under the cluster lock) and locked, answering as GET
 *       with what was done (present, found, created with its scope, type-not-enabled, failed; the lock after the
 *       repair); 409 when another node is setting
 *       the fields up for longer than 30 s. A state change: JSON or no body, or the header
 *       {@code X-Atlassian-Token: no-check} ({@link XsrfGuard}).</li>
 * </ul>
 */
@Path("/fields")
@Produces(MediaType.APPLICATION_JSON)
public class FieldsResource extends CtemResource {

    private final CtemFields fields;

    @Inject
    public FieldsResource(CtemServices services, CtemPermissions permissions,
                          @ComponentImport JiraAuthenticationContext authentication, CtemFields fields) {
        super(services, permissions, authentication);
        this.fields = fields;
    }

    @GET
    @LicensedOnly
    public Response get() {
        permissions.check(user(), AppAccess.CONFIGURE);
        return ok(answer(fields.state()));
    }

    @POST
    @Path("/repair")
    @LicensedOnly
    public Response repair() {
        permissions.check(user(), AppAccess.CONFIGURE);
        return ok(answer(fields.ensure()));
    }

    private JsonObject answer(List<CtemFields.FieldState> states) {
        JsonArray list = new JsonArray();
        for (CtemFields.FieldState state : states) {
            JsonObject one = new JsonObject();
            one.addProperty("key", state.field().moduleKey());
            one.addProperty("name", state.field().fieldName());
            one.addProperty("kind", state.field().kind().name().toLowerCase(java.util.Locale.ROOT));
            one.addProperty("fieldId", state.fieldId());
            one.addProperty("state", state.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            one.addProperty("scope", state.scope());
            one.addProperty("lock", state.lock().name().toLowerCase(java.util.Locale.ROOT));
            list.add(one);
        }
        JsonObject answer = new JsonObject();
        answer.add("fields", list);
        CtemFields.IndexQueue queue = fields.indexQueue();
        JsonObject index = new JsonObject();
        index.addProperty("pending", queue.pending());
        index.addProperty("oldestRequestedAt", queue.oldestRequestedAt() == null ? null
                : queue.oldestRequestedAt().toString());
        answer.add("index", index);
        return answer;
    }
}
