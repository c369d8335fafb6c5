package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.app.RecordVerification;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.LogJson;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/log}: the cycle's hash-chained activity log.
 * <ul>
 *   <li>{@code GET} (READ_EVIDENCE), paged by sequence number ({@code ?limit=&after=}): {@code {cycle, sequence, at,
 *       actor, action, subject, before, after, previousHash, hash}} each;</li>
 *   <li>{@code GET /verification} (READ_EVIDENCE): the record verified as {@code ctem log verify} judges it, by the
 *       same code ({@code app/RecordVerification}): {@code {cycle, intact, entries, firstBreak{kind, sequence,
 *       description}, records{intact, verified[], breaches[]}, frozenPack{state, intact, verified[], breaches[]}}}:
 *       the chain read a page at a time (firstBreak null when intact), the record digests, and the evidence pack
 *       frozen at closure re-hashed against the hashes its {@code REPORT_FROZEN} entry committed (state
 *       {@code frozen}, {@code unfinished} or {@code none}); {@code intact} when all three are.</li>
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
        RecordVerification.Result result = record().verification().verify(cycle.key());
        JsonObject json = LogJson.verification(result.chain());
        json.addProperty("intact", result.intact());
        JsonObject records = new JsonObject();
        records.addProperty("intact", result.records().intact());
        records.add("verified", strings(result.records().digests().stream().map(RecordDigest::label).toList()));
        List<String> breaches = new ArrayList<>(result.records().breaches().stream().map(Object::toString).toList());
        if (result.records().unlisted() > 0) {
            breaches.add("and " + result.records().unlisted() + " more");
        }
        records.add("breaches", strings(breaches));
        json.add("records", records);
        JsonObject frozen = new JsonObject();
        frozen.addProperty("state", result.frozenPack().state());
        frozen.addProperty("intact", result.frozenPack().intact());
        frozen.add("verified", strings(result.frozenPack().verified()));
        frozen.add("breaches", strings(result.frozenPack().breaches()));
        json.add("frozenPack", frozen);
        return ok(json);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
