package org.ctemcycles.jira.rest;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.ctemcycles.app.AppVersion;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.report.evidence.PackJson;
import org.ctemcycles.report.evidence.PackVex;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.FrozenLayout;
import org.ctemcycles.report.view.ReportContext;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence pack of a cycle as downloads, for whoever may read its evidence (security leads, auditors,
 * administrators: {@link CycleAccess#READ_EVIDENCE}). Each is assembled from the live record when asked and streamed
 * as it is written: the large sections are read a page at a time while the rendering writes them, so a cycle of any
 * size downloads in bounded memory. Each answer names its file ({@code Content-Disposition: attachment}):
 * <ul>
 *   <li>{@code GET /cycles/{key}/evidence.html}: the report an auditor reads ({@code KEY-evidence-pack.html}), the
 *       template {@value EvidencePackView#TEMPLATE} rendered whole by Jira's own Velocity; with {@code ?inline=true}
 *       shown in the browser instead of saved (the report view's print version, to print or save as PDF);</li>
 *   <li>{@code GET /cycles/{key}/evidence.json}: the same as JSON ({@code KEY-evidence-pack.json}; schema
 *       {@code docs/evidence-pack.schema.json});</li>
 *   <li>with {@code ?frozen=true}, the HTML and the JSON as frozen at the cycle's closure: the stored bytes exactly
 *       ({@code KEY-frozen-evidence-pack.json}), their SHA-256 in {@value #FROZEN_SHA256} (ADR 083);</li>
 *   <li>{@code GET /cycles/{key}/evidence.vex.json}: CycloneDX 1.6 VEX of the validated findings
 *       ({@code KEY-vex.cdx.json});</li>
 *   <li>{@code GET /cycles/{key}/evidence.csv.zip}: one CSV per register in a zip ({@code KEY-evidence-csv.zip},
 *       the files of {@link PackCsv#FILES}).</li>
 * </ul>
 */
@Path("/cycles")
public class EvidenceResource extends CtemResource {

    static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";
    static final String ZIP = "application/zip";
    /** The header that carries a frozen rendering's SHA-256 (hex), as its closure committed it. */
    public static final String FROZEN_SHA256 = "X-Ctem-Frozen-Sha256";

    private final TemplateRenderer renderer;
    private final I18nResolver i18n;

    @Inject
    public EvidenceResource(CtemServices services, CtemPermissions permissions,
                            @ComponentImport JiraAuthenticationContext authentication,
                            @ComponentImport TemplateRenderer renderer, @ComponentImport I18nResolver i18n) {
        super(services, permissions, authentication);
        this.renderer = renderer;
        this.i18n = i18n;
    }

    @GET
    @Path("/{key}/evidence.html")
    @Produces(MediaType.TEXT_HTML)
    @LicensedOnly
    public Response html(@PathParam("key") String key, @QueryParam("inline") boolean inline,
                         @QueryParam("frozen") boolean frozen) {
        // inline: the print version, which the browser shows (no script, no external resource) and prints as shown
        if (frozen) {
            return frozen(key, FrozenReport.HTML, "evidence-pack.html", MediaType.TEXT_HTML + ";charset=UTF-8", inline);
        }
        return download(key, "evidence-pack.html", MediaType.TEXT_HTML + ";charset=UTF-8", inline,
                (pack, out) -> CtemServices.reportHtml(renderer, i18n).write(pack, new ReportContext.ChartFacts(
                        record().pages().findingsBySurface(pack.cycle().key()),
                        record().pages().scoreDeciles(pack.cycle().key())), out));
    }

    /**
     * One page of the frozen document's section (ADR 095), as the report view's frame shows it: a document of the
     * stored bytes alone (the document's head and styles, the section's tags, at most a page of its table rows),
     * read from the pieces the page spans, under the same policy as the whole frozen document.
     */
    @GET
    @Path("/{key}/frozen-section.html")
    @Produces(MediaType.TEXT_HTML)
    @LicensedOnly
    public Response frozenSection(@PathParam("key") String key, @QueryParam("section") String section,
                                  @QueryParam("page") int page) {
        String cycleKey = cycle(key, CycleAccess.READ_EVIDENCE).key();
        String anchor = section == null || section.isEmpty() ? FrozenLayout.TITLE : section;
        int number = Math.max(1, page);
        // a page is bounded (its rows and the document's head): held whole, so a missing page or a changed piece is
        // answered 404 or 409 before any byte is sent
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            record().frozenPages().write(cycleKey, anchor, number, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response.ResponseBuilder response = Response.fromResponse(attachment(bytes::writeTo,
                MediaType.TEXT_HTML + ";charset=UTF-8", cycleKey + "-frozen-" + anchor + "-" + number + ".html", true));
        // stored bytes on Jira's origin: were they altered in the database, no script of theirs would run
        return response.header("Content-Security-Policy", FROZEN_HTML_POLICY).build();
    }

    @GET
    @Path("/{key}/evidence.json")
    @Produces(MediaType.APPLICATION_JSON)
    @LicensedOnly
    public Response json(@PathParam("key") String key, @QueryParam("frozen") boolean frozen) {
        if (frozen) {
            return frozen(key, FrozenReport.JSON, "evidence-pack.json", MediaType.APPLICATION_JSON, false);
        }
        return download(key, "evidence-pack.json", MediaType.APPLICATION_JSON, false,
                (pack, out) -> new PackJson().write(pack, out));
    }

    @GET
    @Path("/{key}/evidence.vex.json")
    @Produces(CYCLONEDX_JSON)
    @LicensedOnly
    public Response vex(@PathParam("key") String key) {
        String version = AppVersion.current().version();
        return download(key, "vex.cdx.json", CYCLONEDX_JSON, false, (pack, out) -> new PackVex(version).write(pack, out));
    }

    @GET
    @Path("/{key}/evidence.csv.zip")
    @Produces(ZIP)
    @LicensedOnly
    public Response csv(@PathParam("key") String key) {
        EvidencePack pack = pack(key);
        StreamingOutput body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            new PackCsv().write(pack, name -> {
                zip.putNextEntry(new ZipEntry(name));
                return new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        zip.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        zip.closeEntry(); // the entry ends; the zip goes on
                    }
                }, StandardCharsets.UTF_8), 1 << 16);
            });
            zip.finish();
            zip.flush();
        };
        return attachment(body, ZIP, pack.cycle().key() + "-evidence-csv.zip", false);
    }

    private interface Rendering {
        void write(EvidencePack pack, Writer out) throws IOException;
    }

    private Response download(String key, String fileName, String type, boolean inline, Rendering rendering) {
        EvidencePack pack = pack(key);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            rendering.write(pack, writer);
            writer.flush();
        };
        return attachment(body, type, pack.cycle().key() + "-" + fileName, inline);
    }

    /** What a frozen document may load: its own inline styles and images, nothing else, no script. */
    static final String FROZEN_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-ancestors 'self'";

    /**
     * A rendering frozen at the cycle's closure: the stored bytes exactly, with their SHA-256 as the closure's log
     * entry committed it ({@value #FROZEN_SHA256}).
     */
    private Response frozen(String key, String rendering, String fileName, String type, boolean inline) {
        String cycleKey = cycle(key, CycleAccess.READ_EVIDENCE).key();
        record().frozenReports().find(cycleKey, rendering).orElseThrow(() ->
                new NotFoundException("cycle " + cycleKey + " has no evidence pack frozen at closure"));
        StreamingOutput body = out -> record().frozenReports().copy(cycleKey, rendering, out);
        // the hash the chain committed, not the stored row's: an edit of the stored pieces could change the row too
        Optional<String> committed = record().frozenReports().committedSha256(cycleKey, rendering);
        Response.ResponseBuilder response = Response.fromResponse(attachment(body, type,
                cycleKey + "-frozen-" + fileName, inline));
        committed.ifPresent(sha256 -> response.header(FROZEN_SHA256, sha256));
        if (FrozenReport.HTML.equals(rendering)) {
            // stored bytes served on Jira's origin: were they ever altered in the database, no script of theirs runs
            // (the document is self-contained: inline styles and inline SVG only)
            response.header("Content-Security-Policy", FROZEN_HTML_POLICY);
        }
        return response.build();
    }

    /** The pack, once the caller may read the cycle's evidence: assembled now, its rows read while it streams. */
    private EvidencePack pack(String key) {
        return record().evidence().assemble(cycle(key, CycleAccess.READ_EVIDENCE).key(), actor());
    }

    private static Response attachment(StreamingOutput body, String type, String fileName, boolean inline) {
        // cycle keys are letters, digits and hyphens: the file name needs no quoting beyond the quotes
        return Response.ok(body, type).header("Content-Disposition", (inline ? "inline" : "attachment")
                        + "; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
