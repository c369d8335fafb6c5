package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.jira.sources.JiraSources;
import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.report.chart.Chart;
import org.ctemcycles.report.view.CheckpointView;
import org.ctemcycles.report.view.CycleCharts;
import org.ctemcycles.report.view.CycleView;
import org.ctemcycles.report.view.DiscoveryView;
import org.ctemcycles.report.view.SourceView;
import org.ctemcycles.report.view.PlannedCheckpointView;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.report.view.QueueItemView;
import org.ctemcycles.report.view.RegisterEntryView;
import org.ctemcycles.report.view.RegisterSummary;
import org.ctemcycles.report.view.ReportFrame;
import org.ctemcycles.report.view.RunView;
import org.ctemcycles.report.view.SectionPaging;
import org.ctemcycles.report.view.SurfaceView;
import org.ctemcycles.report.view.ValidationView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cycle's page ({@code /secure/CtemCycle.jspa?key=K}): its stage and the next stage gate's unmet entry criteria,
 * its scope (surfaces with owners, criticality, exposure and rules), discovery (runs and the coverage grid), the
 * queue (rank, tier, deadline, rationale), the register by status with owners and overdue entries, checkpoints
 * (held, due, missed), for everyone who may read the cycle's work ({@link CycleAccess#READ_WORK}), and validations
 * for those who may read its evidence ({@link CycleAccess#READ_EVIDENCE}). Long lists (runs, queue, register,
 * validations) show one page of {@link ReportFrame#PAGE_SIZE} rows read by keyset ({@code section} and
 * {@code after}, as the report view pages), so the decorated page stays bounded whatever the cycle's size.
 * Security leads ({@link CycleAccess#RUN}) also get the form that advances it through the gate, with an override
 * and its reason, and the forms of the lead actions, which call the REST API (templates/cycle/cycle.vm,
 * js/ctem-cycle.js): the same resources and services as every other client. Permission is checked on the server for every command; the advance
 * is a POST with Jira's XSRF token, redirecting after success (post/redirect/get) and showing the record's own
 * error text, field by field, when the gate refuses.
 * <p>The page also shows the cycle's charts at a glance ({@link CycleCharts#all}, the report's charts, drawn by the
 * same code): they are counted from the one pass over the register the page makes anyway (its counts by status), and
 * otherwise from aggregates and lists whose size does not grow with the findings, so the charts add a fixed number of
 * statements whatever the cycle's size.
 */
public class CyclePageAction extends JiraWebActionSupport {

    static final String PAGE = "CtemCycle.jspa";
    /** The anchors of the page's long sections, each paged on its own. */
    static final String RUNS = "ctem-runs";
    static final String QUEUE = "ctem-queue";
    static final String REGISTER = "ctem-register";
    static final String VALIDATIONS = "ctem-validations";
    /** Coverage older than this shows as stale (the coverage resource's default). */
    private static final int STALE_AFTER_DAYS = 30;
    /** How many of each discovery source's newest runs the page shows. */
    private static final int SOURCE_RUNS = 5;
    /** The lead actions whose success the page reports (each has its key ctem.cyclePage.done.NAME). */
    static final java.util.Set<String> DONE = java.util.Set.of("scope", "surface", "feed", "prioritise",
            "validation", "mobilise", "accept", "checkpoint", "close", "handover");

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;
    private final I18nResolver i18n;

    private String key;
    private boolean override;
    private String reason;
    private String advanced;
    private String section;
    private long after;
    private String status;
    private String done;
    private ReportFrame frame;
    private RegisterSummary summary;
    private MetricsSnapshot metrics;
    private List<Surface> surfaces;
    private CoverageMatrix coverage;
    private CheckpointSchedule schedule;
    private final java.util.Map<String, SectionPaging> paging = new java.util.HashMap<>();
    private Cycle cycle;
    private String notFound;
    private String result;
    private final List<String> errors = new ArrayList<>();
    private final JiraSources folderSources;

    @Inject
    public CyclePageAction(CtemServices services, CtemPermissions permissions,
                           @ComponentImport JiraAuthenticationContext authentication,
                           @ComponentImport I18nResolver i18n, JiraSources folderSources) {
        this.folderSources = folderSources;
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
        this.i18n = i18n;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        return load(CycleAccess.READ_WORK) ? INPUT : result;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    protected String doExecute() {
        return doDefault();
    }

    /** Advances the cycle to its next stage through the gate; leads only, with the page's XSRF token. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doAdvance() {
        if (!load(CycleAccess.RUN)) {
            return result;
        }
        try {
            Stage next = cycle.stage().next().filter(stage -> stage != Stage.CLOSED).orElseThrow(() ->
                    new InvalidInputException("target", "cycle " + cycle.key() + " has no further stage to advance"
                            + " to here (closing is the closure's)"));
            services.record().stages().advance(cycle.key(), next, override ? new GateOverride(reason) : null,
                    user().getKey());
            return getRedirect(PAGE + "?key=" + URLEncoder.encode(cycle.key(), StandardCharsets.UTF_8) + "&advanced="
                    + URLEncoder.encode(next.name(), StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            for (Problem problem : e.problems()) {
                errors.add(problem.field() + ": " + problem.message());
            }
            cycle = services.cycles().get(cycle.key());
            return INPUT;
        }
    }

    /** Loads the cycle when the user may do {@code access} to it; otherwise sets the result to show instead. */
    private boolean load(CycleAccess access) {
        try {
            if (user() == null) {
                permissions.check(null, access, null);
            }
            cycle = services.cycles().get(key == null ? "" : key);
            permissions.check(user(), access, cycle);
            return true;
        } catch (AccessDeniedException e) {
            result = PERMISSION_VIOLATION_RESULT; // logged by CtemPermissions
        } catch (NotFoundException e) {
            notFound = e.getMessage();
            result = INPUT;
        }
        return false;
    }

    private ApplicationUser user() {
        return authentication.getLoggedInUser();
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setOverride(boolean override) {
        this.override = override;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public void setAdvanced(String advanced) {
        this.advanced = advanced;
    }

    /** The long section whose later page is asked for (its anchor), with {@link #setAfter}. */
    public void setSection(String section) {
        this.section = section;
    }

    public void setAfter(long after) {
        this.after = after;
    }

    /** The register status to narrow the register to (e.g. {@code open}); anything else shows every status. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** Which lead action the page follows (set by the page's script after the API answered). */
    public void setDone(String done) {
        this.done = done;
    }

    // ----- read by templates/cycle/cycle.vm (each getter is on the velocity allowlist) -----

    /** Why there is no cycle to show, or null. */
    public String getNotFound() {
        return notFound;
    }

    public CycleView getCycle() {
        return cycle == null ? null : new CycleView(cycle);
    }

    /** The stage the cycle would advance to next ("" when closed). */
    public String getNextStage() {
        return cycle == null ? "" : cycle.stage().next().map(Stage::label).orElse("");
    }

    /** The next gate's entry criteria that are not met yet, in the record's words. */
    public List<String> getUnmetCriteria() {
        return cycle == null ? List.of() : services.record().stages().nextGate(cycle.key());
    }

    public List<SurfaceView> getSurfaces() {
        return cycle == null ? List.of() : scope().stream().map(SurfaceView::new).toList();
    }

    private List<Surface> scope() {
        if (surfaces == null) {
            surfaces = services.record().scope().list(cycle.key());
        }
        return surfaces;
    }

    /** The coverage grid (surfaces by source kind: covered, stale, never) with its date and stale bound. */
    public DiscoveryView getDiscovery() {
        return cycle == null ? null : new DiscoveryView(List.of(), coverage());
    }

    private CoverageMatrix coverage() {
        if (coverage == null) {
            coverage = services.record().discovery().coverage(cycle.key(), Duration.ofDays(STALE_AFTER_DAYS));
        }
        return coverage;
    }

    /**
     * The cycle's charts, as the report shows them: findings by tier and by surface, the register by status and
     * against its deadlines, the register at each checkpoint held and now, coverage, and the queue's scores.
     */
    public List<Chart> getCharts() {
        if (cycle == null) {
            return List.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        scope().forEach(surface -> names.put(surface.key(), surface.name()));
        RegisterSummary register = summary();
        return new CycleCharts(new Messages(i18n::getText)).all(metrics, pages().findingsBySurface(cycle.key()),
                names, register, schedule().held(), coverage(), pages().scoreDeciles(cycle.key()));
    }

    /** The cycle's scheduled discovery sources, each with its newest runs and its next run. */
    public List<SourceView> getSources() {
        if (cycle == null) {
            return List.of();
        }
        var sources = services.record().sources();
        return sources.list(cycle.key()).stream().map(s -> new SourceView(s, folderSources.shownLocation(s),
                sources.runs(s.id(), SOURCE_RUNS), services.record().clock().instant())).toList();
    }

    /** One page of the discovery runs, in the order recorded. */
    public List<RunView> getRuns() {
        return window(RUNS, (after, limit) -> pages().runs(cycle.key(), after, limit)).stream().map(RunView::new)
                .toList();
    }

    /** One page of the current queue by rank (empty until the cycle is prioritised). */
    public List<QueueItemView> getQueue() {
        return window(QUEUE, (after, limit) -> pages().queue(cycle.key(), null, after, limit).page()).stream()
                .map(QueueItemView::new).toList();
    }

    /** One page of the register, narrowed to {@link #getStatus()} when one is chosen. */
    public List<RegisterRow> getRegister() {
        FindingStatus only = registerStatus();
        return window(REGISTER, (after, limit) -> pages().register(cycle.key(), only, after, limit)).stream()
                .map(entry -> new RegisterRow(new RegisterEntryView(new RegisterItem(entry, null)),
                        summary().overdue(entry)))
                .toList();
    }

    /** The register's counts by status, each a link that narrows the list to it. */
    public List<StatusCount> getRegisterCounts() {
        String base = PAGE + "?key=" + encode(cycle.key()) + "&status=";
        return summary().byStatus().entrySet().stream().map(e -> new StatusCount(e.getKey().label(), e.getValue(),
                base + e.getKey().name().toLowerCase(Locale.ROOT) + "#" + REGISTER,
                e.getKey() == registerStatus())).toList();
    }

    /** Entries in the register, and how many are past their deadline with work left. */
    public int getRegisterTotal() {
        return summary().total();
    }

    public int getOverdueCount() {
        return summary().overdue();
    }

    /** The status the register is narrowed to ("" for all). */
    public String getStatus() {
        FindingStatus only = registerStatus();
        return only == null ? "" : only.label();
    }

    /** Whether the user may read the validations (the evidence): engineers are told so instead. */
    public boolean isMayReadEvidence() {
        return cycle != null && permissions.may(user(), CycleAccess.READ_EVIDENCE, cycle);
    }

    /** One page of the validations, in the order recorded; empty for those who may not read the evidence. */
    public List<ValidationView> getValidations() {
        if (!isMayReadEvidence()) {
            return List.of();
        }
        return window(VALIDATIONS, (after, limit) -> pages().validations(cycle.key(), after, limit)).stream()
                .map(ValidationView::new).toList();
    }

    /** The checkpoints the cadence plans and where each stands (held, due, missed, upcoming). */
    public List<PlannedCheckpointView> getPlannedCheckpoints() {
        return schedule().planned().stream().map(PlannedCheckpointView::new).toList();
    }

    /** The checkpoints held, with who held them and their notes. */
    public List<CheckpointView> getHeldCheckpoints() {
        return schedule().held().stream().map(CheckpointView::new).toList();
    }

    private CheckpointSchedule schedule() {
        if (schedule == null) {
            schedule = services.record().checkpoints().schedule(cycle.key());
        }
        return schedule;
    }

    /** Where a long section stands on this page (call it after its rows): links to its first and next page. */
    public SectionPaging paging(String anchor) {
        return paging.getOrDefault(anchor, frame().paging(anchor, new Page<>(List.of(), 0, false)));
    }

    private interface Reader<T> {
        Page<T> read(long after, int limit);
    }

    /** One page of a long section: from its cursor when this page asks for it, else from its start. */
    private <T> List<T> window(String anchor, Reader<T> reader) {
        if (cycle == null) {
            return List.of();
        }
        Page<T> page = reader.read(frame().after(anchor), ReportFrame.PAGE_SIZE);
        paging.put(anchor, frame().paging(anchor, page));
        return page.rows();
    }

    private ReportFrame frame() {
        if (frame == null) {
            String status = registerStatus() == null ? "" : "&status=" + registerStatus().name().toLowerCase(Locale.ROOT);
            frame = ReportFrame.embedded(PAGE + "?key=" + encode(cycle.key()) + status, section, after,
                    ReportFrame.PAGE_SIZE);
        }
        return frame;
    }

    /**
     * The whole register counted once per request, a page at a time (never held whole): its counts by status and
     * deadline, and in the same pass the cycle's metrics now (for the charts).
     */
    private RegisterSummary summary() {
        if (summary == null) {
            RegisterSummary.Counted counted = RegisterSummary.counted(pages().register(cycle.key()),
                    LocalDate.now(services.record().clock()), 0);
            metrics = services.record().checkpoints().metrics(cycle.key(), counted.entries());
            summary = counted.summary();
        }
        return summary;
    }

    private FindingStatus registerStatus() {
        List<org.ctemcycles.core.common.Problem> problems = new ArrayList<>();
        FindingStatus parsed = Choices.parse("status", status, FindingStatus.class, false, problems);
        return problems.isEmpty() ? parsed : null;
    }

    private RecordPages pages() {
        return services.record().pages();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether the user may change the cycle: only then is the form shown (the command checks again). */
    public boolean isMayRun() {
        return cycle != null && permissions.may(user(), CycleAccess.RUN, cycle);
    }

    /** Whether the form offers to advance: the cycle has a stage after this one short of closing. */
    public boolean isMayAdvance() {
        return cycle != null && cycle.stage().next().filter(stage -> stage != Stage.CLOSED).isPresent();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<String> getErrors() {
        return errors;
    }

    /** Whether the page follows a successful advance (the message names the stage from the record, not the URL). */
    public boolean isAdvanced() {
        return advanced != null;
    }

    public String getReason() {
        return reason;
    }

    /**
     * The i18n key of the success message for the lead action the page follows ({@code done}), or null; only the
     * actions of {@link #DONE} are named, so the address cannot make the page say anything else.
     */
    public String getDoneKey() {
        return done != null && DONE.contains(done) ? "ctem.cyclePage.done." + done : null;
    }

    /** Whether the user may load EPSS and KEV feeds (app-wide: administrators and the security-lead groups). */
    public boolean isMayLoadFeeds() {
        return permissions.isSecurityLead(user());
    }

    /** Whether the cycle is closed (the page then offers the handover instead of the running cycle's actions). */
    public boolean isClosed() {
        return cycle != null && cycle.stage() == Stage.CLOSED;
    }

    /** Whether the cycle is in Scoping, when its objective and success criteria are recorded. */
    public boolean isScoping() {
        return cycle != null && cycle.stage() == Stage.SCOPING;
    }

    /** The cycle's success criteria as recorded (the scope form starts from them). */
    public String getSuccessCriteria() {
        return cycle == null ? "" : cycle.successCriteria();
    }
}
