package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.core.scoring.FeedVersion;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevReader;
import org.ctemcycles.ingest.support.BoundedInputStream;
import org.ctemcycles.ingest.support.Gzip;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AppAccess;
import org.ctemcycles.jira.security.CtemPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * {@code /rest/ctem/1.0/feeds}: the EPSS and KEV feeds every cycle's prioritisation reads, for security leads and
 * Jira administrators ({@link AppAccess#LOAD_FEEDS}).
 * <ul>
 *   <li>{@code GET /feeds}: {@code {"epss": {"active": VERSION|null, "versions": [VERSION...]}, "kev": {...}}}, the
 *       newest {@value #LISTED_VERSIONS} versions of each, newest first; a VERSION is {@code {"id", "kind",
 *       "version" (model_version or catalogVersion), "asOf" (score_date or dateReleased), "source", "title", "rows",
 *       "status" (LOADING, ACTIVE, RETIRED, FAILED), "loadedAt"}}.</li>
 *   <li>{@code POST /feeds/epss} and {@code POST /feeds/kev}: a new snapshot (FIRST's EPSS CSV; CISA's KEV JSON or
 *       CSV), plain or gzip, as the raw body (any content type but a form; {@code ?source=NAME} names where it came
 *       from) or as {@code multipart/form-data} with one part named {@code file} (its file name is the source; the
 *       header {@code X-Atlassian-Token: no-check} is then needed). The whole feed is read and checked before
 *       anything is stored, then stored as the new active version: {@code 200 VERSION}. A broken feed is
 *       {@code 400 rejected-report} naming the line and field, and leaves the active feed as it was.</li>
 * </ul>
 * Uploads are bounded: an EPSS feed at {@value #MAX_EPSS_BYTES} bytes, a KEV catalogue at {@value #MAX_KEV_BYTES}
 * bytes, after decompression (the real ones are about 12 MB and 1.5 MB).
 */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource extends CtemResource {

    static final long MAX_EPSS_BYTES = 64L << 20;
    static final long MAX_KEV_BYTES = 16L << 20;
    static final int LISTED_VERSIONS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(FeedResource.class);

    @Inject
    public FeedResource(CtemServices services, CtemPermissions permissions,
                        @ComponentImport JiraAuthenticationContext authentication) {
        super(services, permissions, authentication);
    }

    @GET
    @LicensedOnly
    public Response list() {
        permissions.check(user(), AppAccess.LOAD_FEEDS);
        JsonObject answer = new JsonObject();
        answer.add("epss", kind(FeedKind.EPSS));
        answer.add("kev", kind(FeedKind.KEV));
        return ok(answer);
    }

    @POST
    @Path("/epss")
    @Consumes(MediaType.WILDCARD)
    @LicensedOnly
    public Response loadEpss(@QueryParam("source") String source,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws ImportException {
        return load(body, contentType, source, "EPSS feed", MAX_EPSS_BYTES,
                (in, name, now) -> new EpssCsvReader().read(in, name, now), (EpssFeed feed) -> {
                    LOG.info("CTEM feeds: {} loads EPSS {} of {} ({} CVEs)", actor(), feed.info().modelVersion(),
                            feed.info().scoreDate(), feed.size());
                    return record().feeds().loadEpss(feed);
                });
    }

    @POST
    @Path("/kev")
    @Consumes(MediaType.WILDCARD)
    @LicensedOnly
    public Response loadKev(@QueryParam("source") String source,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws ImportException {
        return load(body, contentType, source, "KEV catalogue", MAX_KEV_BYTES,
                (in, name, now) -> new KevReader().read(in, name, now), (KevCatalog catalog) -> {
                    LOG.info("CTEM feeds: {} loads KEV {} of {} ({} entries)", actor(),
                            catalog.info().catalogVersion(), catalog.info().dateReleased(), catalog.size());
                    return record().feeds().loadKev(catalog);
                });
    }

    /** Reads the upload whole and checked, then stores it as the active version: the answer is that version. */
    private <T> Response load(InputStream body, String contentType, String source, String what, long max,
                              FeedReader<T> reader, ToIntFunction<T> store) throws ImportException {
        permissions.check(user(), AppAccess.LOAD_FEEDS);
        Instant now = record().clock().instant();
        T feed = upload(body, contentType, source, what, max, reader, now);
        return ok(version(record().feeds().version(store.applyAsInt(feed)).orElseThrow()));
    }

    private interface FeedReader<T> {
        T read(InputStream plain, String source, Instant loadedAt) throws ImportException;
    }

    /** Reads the uploaded feed, from the raw body or its one multipart part, whole and checked. */
    private static <T> T upload(InputStream body, String contentType, String source, String what, long max,
                                FeedReader<T> reader, Instant now) throws ImportException {
        String name = source == null || source.isBlank() ? "upload" : source.strip();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return bounded(body, name, what, max, reader, now);
        }
        try {
            MultipartReader parts = new MultipartReader(body, MultipartReader.boundary(contentType),
                    max + max / 256 + MultipartReader.BUFFER, 1);
            MultipartReader.Part part = parts.next();
            if (part == null || !part.name().equals(ImportResource.FILE_PART)) {
                throw new InvalidInputException("body", part == null ? "has no part: upload the feed as a part"
                        + " named file" : part.label() + " is named '" + part.name() + "': upload the feed as a"
                        + " part named file");
            }
            T feed;
            try {
                feed = bounded(part.content(), part.fileName() == null ? name : part.fileName(), what, max, reader,
                        now);
            } catch (ImportException e) {
                if (parts.failure() != null) {
                    throw parts.failure();
                }
                throw e;
            }
            if (parts.next() != null) {
                throw new MalformedMultipartException("the body has more than one part: upload one feed");
            }
            return feed;
        } catch (MalformedMultipartException e) {
            throw new InvalidInputException("body", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read: " + e.getMessage());
        }
    }

    /** Decompresses (gzip, once) and bounds the feed's content before the reader sees it. */
    private static <T> T bounded(InputStream raw, String name, String what, long max, FeedReader<T> reader,
                                 Instant now) throws ImportException {
        BoundedInputStream counted;
        BufferedInputStream plain;
        try {
            ImportLimits defaults = ImportLimits.defaults();
            counted = new BoundedInputStream(Gzip.decompress(raw), new ImportLimits(max, defaults.maxObservations(),
                    defaults.maxFieldLength(), defaults.maxDepth(), defaults.maxRecordValues()), "the " + what);
            plain = new BufferedInputStream(counted, 1 << 16);
            plain.mark(2);
            boolean gzipAgain = plain.read() == 0x1f && plain.read() == 0x8b;
            plain.reset();
            if (gzipAgain) {
                throw new ImportException("the " + what + " is compressed twice (gzip inside gzip): upload it"
                        + " compressed once or plain");
            }
        } catch (IOException e) {
            throw new ImportException("the " + what + " cannot be read (truncated or corrupt upload?): "
                    + e.getMessage(), e);
        }
        try {
            return reader.read(plain, name, now);
        } catch (ImportException e) {
            if (counted.offset() > max) {
                throw new ImportException("the " + what + " is larger than the limit of " + max + " bytes (after"
                        + " decompression)");
            }
            throw e;
        }
    }

    private JsonObject kind(FeedKind kind) {
        JsonObject json = new JsonObject();
        json.add("active", record().feeds().activeVersion(kind).map(FeedResource::version).orElse(null));
        JsonArray versions = new JsonArray();
        record().feeds().history(kind, LISTED_VERSIONS).forEach(v -> versions.add(version(v)));
        json.add("versions", versions);
        return json;
    }

    private static JsonObject version(FeedVersion v) {
        JsonObject json = new JsonObject();
        json.addProperty("id", v.id());
        json.addProperty("kind", v.kind().name());
        json.addProperty("version", v.version());
        json.addProperty("asOf", v.asOf().toString());
        json.addProperty("source", v.source());
        json.addProperty("title", v.title());
        json.addProperty("rows", v.rows());
        json.addProperty("status", v.status().name());
        json.addProperty("loadedAt", v.loadedAt().toString());
        return json;
    }
}
