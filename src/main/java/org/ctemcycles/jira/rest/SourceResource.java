package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.jira.sources.JiraSources;
import org.ctemcycles.report.json.SourceJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /rest/ctem/1.0/cycles/{key}/sources}: a cycle's scheduled discovery sources (ADR 091, 093, 094), managed by
 * whoever may change the cycle (RUN: its security leads and Jira administrators); read by whoever may read its work.
 * <ul>
 *   <li>{@code GET} (READ_WORK): {@code {cycle, sources[SOURCE]}}, SOURCE as {@link SourceJson#source}: never the
 *       token, only {@code hasToken};</li>
 *   <li>{@code POST} (RUN) {@code {name, url | folder, token?, every, covers[]?, format?}}: adds a source;
 *       {@code 201 SOURCE}. {@code url} is an https URL on a host of the administrator's allow-list
 *       ({@code /source-hosts}); {@code folder} a folder under the shared home's {@code ctem/sources/}; {@code every}
 *       30m, 6h, 1d or ISO-8601, at least 5 minutes. The token is sealed at once and never shown again. A refusal is
 *       {@code 400 invalid-input} naming the field (a host off the list is named), and nothing is stored;</li>
 *   <li>{@code DELETE /{source}} (RUN): removes the source and its runs; {@code 200 SOURCE} as it was;</li>
 *   <li>{@code POST /{source}/run} (RUN): runs it now through the one import path; {@code 200 SOURCE} with the
 *       run's outcome (a refused or failed fetch is an outcome, not an error).</li>
 * </ul>
 * A DELETE, or a POST without a JSON body, needs the header {@code X-Atlassian-Token: no-check} ({@link XsrfGuard}).
 */
@Path("/cycles/{key}/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource extends CtemResource {

    private static final Logger LOG = LoggerFactory.getLogger(SourceResource.class);
    private static final Set<String> FIELDS = Set.of("name", "url", "folder", "token", "every", "covers", "format");

    private final JiraSources sources;

    @Inject
    public SourceResource(CtemServices services, CtemPermissions permissions,
                          @ComponentImport JiraAuthenticationContext authentication, JiraSources sources) {
        super(services, permissions, authentication);
        this.sources = sources;
    }

    @GET
    @LicensedOnly
    public Response list(@PathParam("key") String key) {
        Cycle cycle = cycle(key, CycleAccess.READ_WORK);
        JsonArray list = new JsonArray();
        sources.list(cycle.key()).forEach(s -> list.add(json(s)));
        JsonObject answer = new JsonObject();
        answer.addProperty("cycle", cycle.key());
        answer.add("sources", list);
        return ok(answer);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response add(@PathParam("key") String key, String body) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        JsonBody request = JsonBody.parse(body, FIELDS, Set.of("covers"));
        String url = request.text("url");
        String folder = request.text("folder");
        List<Problem> problems = new ArrayList<>();
        if ((url == null) == (folder == null)) {
            problems.add(new Problem(url == null ? "url" : "folder", "give either url (an https URL) or folder (a"
                    + " folder under the shared home's ctem/sources/), not " + (url == null ? "neither" : "both")));
        }
        Duration every = null;
        try {
            every = DiscoverySource.parseEvery("every", request.text("every"));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> covers = request.texts("covers");
        DiscoverySource added = sources.add(cycle.key(), request.text("name"), url != null
                        ? DiscoverySource.Kind.HTTPS : DiscoverySource.Kind.FOLDER, url != null ? url : folder,
                request.text("token"), every, covers == null ? List.of() : covers, request.text("format"), actor());
        LOG.info("CTEM sources: {} adds source {} ({}) to cycle {}{}", actor(), added.id(), added.kind(),
                cycle.key(), added.sealedToken().isEmpty() ? "" : ", with a sealed token");
        return created("/cycles/" + cycle.key() + "/sources/" + added.id(), json(added));
    }

    @DELETE
    @Path("/{source}")
    @LicensedOnly
    public Response remove(@PathParam("key") String key, @PathParam("source") String source) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        DiscoverySource removed = sources.get(cycle.key(), id(cycle, source));
        JsonObject answer = json(removed);
        sources.remove(cycle.key(), removed.id(), actor());
        LOG.info("CTEM sources: {} removes source {} of cycle {}", actor(), removed.id(), cycle.key());
        return ok(answer);
    }

    @POST
    @Path("/{source}/run")
    @LicensedOnly
    public Response run(@PathParam("key") String key, @PathParam("source") String source) {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        return ok(json(sources.run(cycle.key(), id(cycle, source), actor())));
    }

    private JsonObject json(DiscoverySource source) {
        return SourceJson.source(source, sources.shownLocation(source), sources.runs(source));
    }

    private static long id(Cycle cycle, String source) {
        try {
            return Long.parseLong(source);
        } catch (NumberFormatException e) {
            throw new NotFoundException("cycle " + cycle.key() + " has no discovery source " + source);
        }
    }
}
