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
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.mobilisation.FindingHistory;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.FindingJson;
import org.ctemcycles.report.json.RegisterJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/findings}: the cycle's deduplicated findings, by their key ({@code F-} and 16
 * hex digits, as in the register, the queue and the tracker).
 * <ul>
 *   <li>{@code GET} (READ_WORK), paged by finding id ({@code ?limit=&after=}, discovery order): each finding as
 *       {@code ctem findings list --json} prints it, plus {@code sources[], signalCount, register{...}, priority{...}}
 *       (see {@link FindingJson});</li>
 *   <li>{@code GET /{finding}} (READ_WORK): one finding with every signal ({@code signals[]}, soft-deleted ones
 *       too);</li>
 *   <li>{@code GET /{finding}/history} (READ_WORK): the finding's register entries in every cycle the caller may read
 *       the work of, and the log entries about it in every cycle whose evidence the caller may read: {@code {finding,
 *       entries[], log[]}}. The finding must be in this cycle's register.</li>
 * </ul>
 */
@Path("/cycles/{key}/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource extends CtemResource {

    @Inject
    public FindingResource(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key, @QueryParam("limit") String limit,
                         @QueryParam("after") String after) {
        return page(key, CycleAccess.READ_WORK, limit, after, record().pages()::findings, FindingJson::summary);
    }

    @GET
    @Path("/{finding}")
    @LicensedOnly
    public Response get(@PathParam("key") String key, @PathParam("finding") String findingKey) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        FindingEvidence finding = record().pages().finding(cycle.key(), findingKey.trim())
                .orElseThrow(() -> new NotFoundException("discovery recorded no finding '" + findingKey.trim()
                        + "' in cycle " + cycle.key()));
        return ok(FindingJson.detail(finding, record().discovery().signals(finding.finding().id())));
    }

    @GET
    @Path("/{finding}/history")
    @LicensedOnly
    public Response history(@PathParam("key") String key, @PathParam("finding") String findingKey) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        FindingHistory history = record().mobilisation().history(findingKey);
        if (history.entries().stream().noneMatch(e -> e.cycleKey().equals(cycle.key()))) {
            throw new NotFoundException("finding '" + history.findingKey() + "' is not in the register of cycle "
                    + cycle.key());
        }
        Map<String, Cycle> cycles = new HashMap<>();
        List<RegisterEntry> entries = history.entries().stream()
                .filter(e -> may(CycleAccess.READ_WORK, e.cycleKey(), cycles)).toList();
        List<LogEntry> log = history.log().stream()
                .filter(e -> may(CycleAccess.READ_EVIDENCE, e.cycleKey(), cycles)).toList();
        return ok(RegisterJson.history(history.findingKey(), entries, log));
    }

    /** Whether the caller may do this to the cycle; each cycle is read once per request. */
    private boolean may(CycleAccess access, String cycleKey, Map<String, Cycle> cycles) {
        return permissions.may(user(), access, cycles.computeIfAbsent(cycleKey, k -> record().cycles().get(k)));
    }
}
