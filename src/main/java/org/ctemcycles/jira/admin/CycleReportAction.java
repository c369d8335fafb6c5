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
import org.ctemcycles.app.FrozenPages;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.view.EvidencePackView;
import org.ctemcycles.report.view.FrozenLayout;
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
 * pack by default, under a banner with the closure's date and the SHA-256 its log entry committed: its stored
 * document a section page at a time (ADR 095: {@code section} and {@code page}, with a section navigation and a
 * pager), each page a document of the stored bytes in a sandboxed frame, read from the pieces it spans;
 * {@code view=live} shows the live record. Who may
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
    private int page;
    private FrozenPages.Contents frozenContents;
    private FrozenPages.Page frozenPage;
    private boolean frozenPageMissing;

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
            if (frozenHtml) {
                showFrozenPage(); // its one page is read into the page's frame from the stored pieces it spans
            }
            return INPUT;
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

    /** The frozen document's contents, and the page of it asked for (the title page when none or no such page). */
    private void showFrozenPage() {
        frozenContents = services.record().frozenPages().contents(cycle.key());
        if (frozenContents.state() != FrozenPages.State.PAGED) {
            return;
        }
        String anchor = section == null || section.isEmpty() ? FrozenLayout.TITLE : section;
        frozenPage = services.record().frozenPages().page(cycle.key(), anchor, Math.max(1, page)).orElse(null);
        if (frozenPage == null) {
            frozenPageMissing = true;
            frozenPage = services.record().frozenPages().page(cycle.key(), FrozenLayout.TITLE, 1).orElseThrow();
        }
    }

    private String frozenHref(String anchor, int number) {
        return PAGE + "?key=" + URLEncoder.encode(cycle.key(), StandardCharsets.UTF_8) + "&section="
                + URLEncoder.encode(anchor, StandardCharsets.UTF_8) + "&page=" + number;
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

    /** The page of the frozen pack's section (with {@link #setSection}), from 1. */
    public void setPage(long page) {
        this.page = (int) Math.min(Integer.MAX_VALUE, Math.max(1, page));
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

    /**
     * Where the frozen document stands for paging: {@code PAGED} (its sections shown a page at a time),
     * {@code UNDIVIDED} (no sections: the whole download only), {@code CHANGED} (its stored bytes are not what the
     * closure committed: nothing of it shown); null when the page does not show a frozen document.
     */
    public String getFrozenState() {
        return frozenContents == null ? null : frozenContents.state().name();
    }

    /** The frozen document's sections for the section navigation, the title page first. */
    public List<FrozenSectionLink> getFrozenSections() {
        if (frozenPage == null) {
            return List.of();
        }
        return frozenContents.sections().stream().map(s -> new FrozenSectionLink(sectionTitle(s.anchor(), s.title()),
                frozenHref(s.anchor(), 1), s.pages(), s.rows(), s.anchor().equals(frozenPage.section()))).toList();
    }

    /** The shown section's heading as frozen (the title page's from the bundle). */
    public String getFrozenSectionTitle() {
        return frozenPage == null ? null : sectionTitle(frozenPage.section(), frozenPage.title());
    }

    /**
     * The frame's accessible name, with the section's heading as frozen: composed here, so that Velocity escapes the
     * whole (a stored heading never goes through the template's message formatting unescaped).
     */
    public String getFrozenFrameTitle() {
        return frozenPage == null ? null : i18n.getText("ctem.reportView.frozen.frame", getFrozenSectionTitle(),
                String.valueOf(frozenPage.number()), String.valueOf(frozenPage.pages()));
    }

    /** Whether the asked-for page does not exist (the title page is shown instead). */
    public boolean isFrozenPageMissing() {
        return frozenPageMissing;
    }

    public int getFrozenPageNumber() {
        return frozenPage == null ? 0 : frozenPage.number();
    }

    public int getFrozenPageCount() {
        return frozenPage == null ? 0 : frozenPage.pages();
    }

    /** The first of the section's table rows on the page, from 1 (0 for a section without rows). */
    public int getFrozenFirstRow() {
        return frozenPage == null ? 0 : frozenPage.firstRow();
    }

    public int getFrozenLastRow() {
        return frozenPage == null ? 0 : frozenPage.lastRow();
    }

    public int getFrozenRowCount() {
        return frozenPage == null ? 0 : frozenPage.rows();
    }

    /** The frame's source: the page as a document of the stored bytes, from the REST API. */
    public String getFrozenPageSrc() {
        return frozenPage == null ? null : "../rest/ctem/1.0/cycles/" + URLEncoder.encode(cycle.key(),
                StandardCharsets.UTF_8) + "/frozen-section.html?section=" + URLEncoder.encode(frozenPage.section(),
                StandardCharsets.UTF_8) + "&page=" + frozenPage.number();
    }

    /** The link to the section's first page, or null on it. */
    public String getFrozenFirstHref() {
        return frozenPage == null || frozenPage.number() <= 1 ? null : frozenHref(frozenPage.section(), 1);
    }

    public String getFrozenPreviousHref() {
        return frozenPage == null || frozenPage.number() <= 1 ? null
                : frozenHref(frozenPage.section(), frozenPage.number() - 1);
    }

    public String getFrozenNextHref() {
        return frozenPage == null || frozenPage.number() >= frozenPage.pages() ? null
                : frozenHref(frozenPage.section(), frozenPage.number() + 1);
    }

    /** The link to the section's last page, or null on it. */
    public String getFrozenLastHref() {
        return frozenPage == null || frozenPage.number() >= frozenPage.pages() ? null
                : frozenHref(frozenPage.section(), frozenPage.pages());
    }

    private String sectionTitle(String anchor, String title) {
        return FrozenLayout.TITLE.equals(anchor) || title.isEmpty() ? i18n.getText("ctem.reportView.frozen.titlePage")
                : title;
    }
}
