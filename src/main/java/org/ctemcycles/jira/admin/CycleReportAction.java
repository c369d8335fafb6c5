package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.inject.Inject;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.report.view.ReportContext;
import org.ctemcycles.report.view.ReportFrame;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The cycle report view ({@code /secure/CtemCycleReport.jspa?key=K}): a cycle's evidence pack inside Jira's page, for
 * auditors, security leads and administrators. The content is the report template
 * ({@value EvidencePackView#TEMPLATE}) rendered by Jira's template renderer (Jira's Velocity, escaping every value),
 * framed as embedded: Jira's decorator holds the page in memory, so each large section shows one page of
 * {@link ReportFrame#PAGE_SIZE} rows with links to the next ({@code section} and {@code after}), whatever the cycle's
 * size. The whole report, every row, is the streamed download the page links to. Read only: the page offers no
 * action and has no state-changing command. A closed cycle whose pack was frozen at closure (ADR 083) shows the frozen
 * pack by default: its stored document, in a frame whose content is streamed from the stored bytes, under a banner
 * with the closure's date and the SHA-256 its log entry committed; {@code view=live} shows the live record. Who may
 * read is decided on the server by {@link CtemPermissions} ({@link CycleAccess#READ_EVIDENCE}); anyone else gets
 * Jira's permission page.
 */
public class CycleReportAction extends JiraWebActionSupport {

    static final String PAGE = "CtemCycleReport.jspa";
    /** The {@code view} that asks for the live record of a cycle whose pack was frozen at closure. */
    static final String LIVE = "live";

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;
    private final TemplateRenderer renderer;
    private final I18nResolver i18n;

    private String key;
    private String section;
    private String view;
    private long after;
    private Cycle cycle;
    private String reportHtml;
    private String notFound;
    private FrozenReport frozenJson;
    private String frozenSha256;
    private boolean frozenHtml;
    private boolean showsFrozen;

    @Inject
    public CycleReportAction(CtemServices services, CtemPermissions permissions,
                             @ComponentImport JiraAuthenticationContext authentication,
                             @ComponentImport TemplateRenderer renderer, @ComponentImport I18nResolver i18n) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
        this.renderer = renderer;
        this.i18n = i18n;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        return show();
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    protected String doExecute() {
        return show();
    }

    private String show() {
        ApplicationUser user = authentication.getLoggedInUser();
        try {
            if (user == null) {
                permissions.check(null, CycleAccess.READ_EVIDENCE, null);
            }
            cycle = services.cycles().get(key == null ? "" : key);
            permissions.check(user, CycleAccess.READ_EVIDENCE, cycle);
        } catch (AccessDeniedException e) {
            return PERMISSION_VIOLATION_RESULT; // logged by CtemPermissions
        } catch (NotFoundException e) {
            notFound = e.getMessage();
            return INPUT;
        }
        List<FrozenReport> frozen = services.record().frozenReports().list(cycle.key());
        frozenJson = frozen.stream().filter(r -> FrozenReport.JSON.equals(r.rendering())).findFirst().orElse(null);
        frozenHtml = frozen.stream().anyMatch(r -> FrozenReport.HTML.equals(r.rendering()));
        // the hash the chain committed, not the stored row's: an edit of the stored pieces could change the row too
        frozenSha256 = frozenJson == null ? null : services.record().frozenReports()
                .committedSha256(cycle.key(), FrozenReport.JSON).orElse("none committed in the log");
        // a closed cycle shows what was signed off unless the reader asks for the live record
        showsFrozen = frozenJson != null && !LIVE.equals(view);
        if (showsFrozen) {
            return INPUT; // the frozen document is streamed into the page's frame from its stored bytes
        }
        EvidencePack pack = services.record().evidence().assemble(cycle.key(), user.getKey());
        // the paging links keep the live view (a frozen pack is never paged: its document is shown whole)
        ReportFrame frame = ReportFrame.embedded(PAGE + "?key=" + URLEncoder.encode(cycle.key(), StandardCharsets.UTF_8)
                + (frozenJson == null ? "" : "&view=" + LIVE), section, after, ReportFrame.PAGE_SIZE);
        StringWriter out = new StringWriter();
        try {
            renderer.render(EvidencePackView.TEMPLATE, ReportContext.of(pack, frame, new Messages(i18n::getText),
                    new ReportContext.ChartFacts(services.record().pages().findingsBySurface(cycle.key()),
                            services.record().pages().scoreDeciles(cycle.key()))), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reportHtml = out.toString();
        return INPUT;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** {@value #LIVE} for the live record of a closed cycle; anything else shows the frozen pack where there is one. */
    public void setView(String view) {
        this.view = view;
    }

    /** The large section whose later page is asked for (its anchor), with {@link #setAfter}. */
    public void setSection(String section) {
        this.section = section;
    }

    public void setAfter(long after) {
        this.after = after;
    }

    // ----- read by templates/report/view.vm (each getter is on the velocity allowlist) -----

    /** The cycle's key as stored, for the download links; null when no cycle was found. */
    public String getCycleKey() {
        return cycle == null ? null : cycle.key();
    }

    public String getCycleName() {
        return cycle == null ? null : cycle.name();
    }

    /** Why there is no report (no such cycle), or null. */
    public String getNotFound() {
        return notFound;
    }

    /**
     * The report, rendered by Jira's Velocity from the report template, where every value from the record was
     * escaped: markup to write as it is (hence the name).
     */
    public String getReportHtml() {
        return reportHtml;
    }

    /** Whether the page shows the evidence pack frozen at closure (else the live record). */
    public boolean isFrozen() {
        return showsFrozen;
    }

    /** Whether the cycle has a pack frozen at closure (to switch between it and the live record). */
    public boolean isFrozenAvailable() {
        return frozenJson != null;
    }

    /** Whether the frozen pack's document was stored beside its JSON (so the page can show it). */
    public boolean isFrozenHtml() {
        return frozenHtml;
    }

    /** The day the pack was frozen (the closure's), as an ISO date in UTC; null when none was. */
    public String getFrozenOn() {
        return frozenJson == null ? null : LocalDate.ofInstant(frozenJson.frozenAt(), ZoneOffset.UTC).toString();
    }

    /** The SHA-256 of the frozen JSON, as the closure's log entry committed it; null when none was frozen. */
    public String getFrozenSha256() {
        return frozenSha256;
    }
}
