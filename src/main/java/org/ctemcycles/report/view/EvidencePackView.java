package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.Rows;
import org.ctemcycles.report.chart.Chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A cycle's evidence pack as the report template (templates/evidence/cycle-report.vm) reads it: one view per
 * section, values as plain text for Velocity to escape, every getter on the velocity allowlist. The large sections
 * (findings, queue, validations, register, log) are {@link ViewRows} over the pack's rows, so the template streams
 * them from the record instead of holding them.
 */
public final class EvidencePackView {

    /** The report template, rendered by Jira's Velocity in Jira and by an engine configured like it by the command. */
    public static final String TEMPLATE = "templates/evidence/cycle-report.vm";

    /** The anchors of the large sections, which the report view pages. */
    public static final String FINDINGS = "finding-set";
    public static final String QUEUE = "prioritisation-rationale";
    public static final String VALIDATIONS = "validation-evidence";
    public static final String REGISTER = "mobilisation-register";
    public static final String CLOSURE_TRAIL = "closure-trail";
    public static final String LOG = "activity-log";

    private final EvidencePack pack;
    private final ReportFrame frame;
    private final List<Chart> charts;
    private final Map<String, SectionPaging> paging = new HashMap<>();

    /** The whole pack, every row of every section, without charts. */
    public EvidencePackView(EvidencePack pack) {
        this(pack, ReportFrame.standalone(), List.of());
    }

    /** @param charts the report's charts ({@link ReportContext} draws them), shown at a glance after the contents */
    public EvidencePackView(EvidencePack pack, ReportFrame frame, List<Chart> charts) {
        this.pack = pack;
        this.frame = frame;
        this.charts = List.copyOf(charts);
    }

    public List<Chart> getCharts() {
        return charts;
    }

    /** How the rendering is framed: whole, or inside Jira's page. */
    public ReportFrame getFrame() {
        return frame;
    }

    /**
     * Where a large section stands on this page (its anchor: {@link #FINDINGS}, {@link #QUEUE}, ...); call it after
     * the section's rows were iterated.
     */
    public SectionPaging paging(String anchor) {
        return paging.getOrDefault(anchor, SectionPaging.whole());
    }

    /** The section's rows: all of them, or in the report view the page of them this page shows. */
    private <T> Iterable<T> window(String anchor, Rows<T> rows) {
        return window(anchor, rows, row -> true);
    }

    private <T> Iterable<T> window(String anchor, Rows<T> rows, Predicate<T> keep) {
        if (!frame.isEmbedded()) {
            return rows;
        }
        long after = frame.after(anchor);
        Page<T> page = rows.page(after, frame.pageSize());
        paging.put(anchor, new SectionPaging(after == 0, page.more(), frame.href(anchor, 0),
                page.more() ? frame.href(anchor, page.next()) : ""));
        return page.rows().stream().filter(keep).toList();
    }

    public CycleView getCycle() {
        return new CycleView(pack.cycle());
    }

    public String getGeneratedAt() {
        return ViewText.instant(pack.generatedAt());
    }

    public String getGeneratedBy() {
        return pack.generatedBy();
    }

    /** When the pack's figures are counted: the closure of a closed cycle, else when the pack was generated. */
    public String getAsOf() {
        return ViewText.instant(pack.asOf());
    }

    /** The nine evidence items in the order of their sections. */
    public List<ItemView> getItems() {
        return pack.items().stream().map(ItemView::new).toList();
    }

    public List<ControlView> getControls() {
        return pack.controls().stream().map(c -> new ControlView(c, this::item)).toList();
    }

    public ScopingView getScoping() {
        return new ScopingView(pack);
    }

    public DiscoveryView getDiscovery() {
        return new DiscoveryView(pack.runs(), pack.coverage());
    }

    public ViewRows<FindingView> getFindings() {
        return ViewRows.of(window(FINDINGS, pack.findings()), FindingView::new);
    }

    public PrioritisationView getPrioritisation() {
        return new PrioritisationView(pack.cycle().key(), pack.policy(), pack.feeds(), window(QUEUE, pack.queue()),
                pack.validationsSinceQueue());
    }

    public ViewRows<ValidationView> getValidations() {
        return ViewRows.of(window(VALIDATIONS, pack.validations()), ValidationView::new);
    }

    public ViewRows<RegisterEntryView> getRegister() {
        return ViewRows.of(window(REGISTER, pack.register()), RegisterEntryView::new);
    }

    /**
     * The closure trail: the log entries about findings (status changes, mobilisation, validation, acceptance) and
     * about the register as a whole (findings entering it, a residual queue inherited into it).
     */
    public ViewRows<LogEntryView> getClosureTrail() {
        String aboutAFinding = LogRecord.findingSubject("");
        Predicate<LogEntry> trail = entry -> entry.subject().startsWith(aboutAFinding)
                || entry.subject().equals(LogRecord.REGISTER_SUBJECT);
        return frame.isEmbedded() ? ViewRows.of(window(CLOSURE_TRAIL, pack.log(), trail), LogEntryView::new)
                : ViewRows.of(pack.log(), trail, LogEntryView::new);
    }

    /** The closure summary, or null while the cycle is open. */
    /** The recommended next-cycle scope, item by item; empty while the cycle is open. */
    public java.util.List<RecommendationView> getRecommendation() {
        return pack.recommendation().stream().map(RecommendationView::new).toList();
    }

    /** E.g. "11 items recommended, 3 taken by the next cycle", or "nothing recommended". */
    public String getRecommendationText() {
        long taken = pack.recommendation().stream().filter(i -> i.taken()).count();
        return pack.recommendation().isEmpty() ? "nothing recommended"
                : Counted.of(pack.recommendation().size(), "item", "items") + " recommended, " + taken
                + " taken by the next cycle";
    }

    public ClosureView getClosure() {
        return pack.closure() == null ? null : new ClosureView(pack.closure());
    }

    public CadenceView getCadence() {
        return new CadenceView(pack.cadence(), pack.checkpoints(), pack.metrics(), pack.closure() != null);
    }

    public VerificationView getVerification() {
        return new VerificationView(pack.chain(), pack.records());
    }

    public ViewRows<LogEntryView> getLog() {
        return ViewRows.of(window(LOG, pack.log()), LogEntryView::new);
    }

    private ItemView item(EvidenceItem item) {
        return new ItemView(pack.item(item));
    }
}
