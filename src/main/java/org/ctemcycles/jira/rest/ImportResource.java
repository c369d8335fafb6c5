package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.json.ImportJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST /rest/ctem/1.0/cycles/{key}/imports}: scanner reports uploaded into a cycle, as {@code ctem import}
 * does on the command line. The body is {@code multipart/form-data} with one part named {@code file} per report,
 * each with its file name; every part is one discovery run, read as it arrives (never held whole, in memory or on
 * disk) through {@link ReportImport} within the import limits, and recorded in its own transaction. Options are query
 * parameters: {@code covers} (surface keys, repeated or comma-separated), {@code sourceKind}, {@code tool},
 * {@code scannedAt} (ISO date or instant) and {@code format}. Needs the RUN access to the cycle and, as a multipart
 * body, the header {@code X-Atlassian-Token: no-check}.
 *
 * <p>{@code ?dryRun=true} checks all of this (the cycle, the caller's access, the options) without reading the body
 * and answers {@code 204}: a client asks so before it sends a large report, since a refusal answered while the body
 * is still coming is lost when the server closes the connection on the unread rest.
 *
 * <p>Answers {@code 200 {"files": [...], "summary": {...}}} with the objects {@code ctem import} prints
 * ({@link ImportJson}) when every report was imported (or had been already). When a report was rejected the others
 * are still imported and the answer is {@code 400} in the API's error shape, code {@code rejected-report}, one error
 * per rejected file, with the same {@code files} and {@code summary}: nothing of a rejected report is stored. A body
 * that breaks the multipart format stops the upload where it breaks ({@code 400 invalid-input}, field {@code body});
 * the reports before that point stay imported and are listed.
 */
@Path("/cycles")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource extends CtemResource {

    /** The most reports one request may upload. */
    static final int MAX_FILES = 100;
    static final String FILE_PART = "file";
    private static final Logger LOG = LoggerFactory.getLogger(ImportResource.class);

    private final ImportLimits limits = ImportLimits.defaults();

    @Inject
    public ImportResource(CtemServices services, CtemPermissions permissions,
                          @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @POST
    @Path("/{key}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @LicensedOnly
    public Response upload(@PathParam("key") String key, @QueryParam("covers") List<String> covers,
                           @QueryParam("sourceKind") String sourceKind, @QueryParam("tool") String tool,
                           @QueryParam("scannedAt") String scannedAt, @QueryParam("format") String format,
                           @QueryParam("dryRun") String dryRun,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        Cycle cycle = cycle(key, CycleAccess.RUN);
        ReportImport.Options options = ReportImport.Options.parse(cycle.key(), sourceKind, tool, covers, scannedAt,
                format, actor());
        ReportImport imports = record().imports(limits);
        imports.check(options); // the cycle is open, the surfaces exist, a forced format is known: before any read
        if (dryRun != null && !dryRun.equals("false")) {
            if (!dryRun.equals("true")) {
                throw new InvalidInputException("dryRun", "must be true or false, not '" + dryRun + "'");
            }
            // HTTP servers (Tomcat as the JDK's) cut the connection when an answer leaves a large body unread, so a
            // client asks first whether the upload would be taken, and only then sends it
            return Response.noContent().build();
        }
        MultipartReader reader;
        try {
            // a part may be a little larger than the limit when gzip did not shrink it; the limit itself is checked
            // on the decompressed content by the import
            reader = new MultipartReader(body, MultipartReader.boundary(contentType),
                    limits.maxBytes() + limits.maxBytes() / 256 + MultipartReader.BUFFER, MAX_FILES);
        } catch (MalformedMultipartException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        Upload upload = new Upload();
        try {
            MultipartReader.Part part;
            while ((part = reader.next()) != null) {
                if (!part.name().equals(FILE_PART) || part.fileName() == null) {
                    return upload.stopped("file", part.label() + (part.name().equals(FILE_PART)
                            ? " has no filename in its Content-Disposition: each report is a part named " + FILE_PART
                            + " with the report's file name"
                            : " is named '" + part.name() + "': each report is a part named " + FILE_PART));
                }
                upload.read(imports, part, options, reader);
            }
        } catch (MalformedMultipartException e) {
            return upload.stopped("body", e.getMessage());
        }
        if (upload.totals.files() == 0) {
            throw new InvalidInputException("body", "has no part named " + FILE_PART + ": upload at least one report");
        }
        LOG.info("CTEM import into {} by {}: {} reports, {} rejected", cycle.key(), actor(), upload.totals.files(),
                upload.totals.rejected());
        return upload.answer();
    }

    /** The reports of one request so far: what each did, and the totals. */
    private final class Upload {
        final JsonArray files = new JsonArray();
        final ImportJson.Totals totals = new ImportJson.Totals();
        final List<Problem> rejected = new ArrayList<>();

        void read(ReportImport imports, MultipartReader.Part part, ReportImport.Options options,
                  MultipartReader reader) throws MalformedMultipartException {
            String name = part.fileName();
            try (InputStream content = part.content()) {
                ReportImport.Result result = imports.read(name, content, options);
                totals.add(result.summary());
                files.add(ImportJson.imported(name, result.format(), result.summary(), result.intake(),
                        result.warnings()));
                return;
            } catch (ImportException e) {
                if (reader.failure() != null) {
                    throw reader.failure(); // the body broke, not the report
                }
                reject(name, e.getMessage());
            } catch (InvalidInputException e) {
                reject(name, e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
            } catch (IOException e) {
                // closing a part's content reads nothing; only a broken body gets here
                throw reader.failure() != null ? reader.failure() : new MalformedMultipartException(e.getMessage());
            }
        }

        private void reject(String name, String error) {
            totals.addRejected();
            files.add(ImportJson.rejected(name, error));
            rejected.add(new Problem(FILE_PART, name + ": " + error));
        }

        Response answer() {
            if (rejected.isEmpty()) {
                JsonObject answer = new JsonObject();
                answer.add("files", files);
                answer.add("summary", totals.toJson());
                return ok(answer);
            }
            return withFiles(ApiErrors.body("rejected-report", rejected.size() + " of " + totals.files()
                    + (totals.files() == 1 ? " report was" : " reports were") + " rejected (nothing of "
                    + (rejected.size() == 1 ? "it" : "them") + " is stored): " + rejected.get(0).message()
                    + (rejected.size() > 1 ? "; ..." : ""), rejected));
        }

        /** The upload cannot go on: the error, with the reports read before it. */
        Response stopped(String field, String message) {
            LOG.info("CTEM import stopped after {} reports: the upload is malformed", totals.files());
            List<Problem> problems = new ArrayList<>(List.of(new Problem(field, message)));
            problems.addAll(rejected);
            return withFiles(ApiErrors.body("invalid-input", message + (totals.files() == 0 ? ""
                    : " (the " + totals.files() + (totals.files() == 1 ? " report" : " reports")
                    + " before it are listed in files)"), problems));
        }

        private Response withFiles(JsonObject error) {
            error.add("files", files);
            error.add("summary", totals.toJson());
            return Response.status(400).entity(error.toString()).type(MediaType.APPLICATION_JSON).build();
        }
    }
}
