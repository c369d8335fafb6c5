package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.EvidencePack;

import java.util.List;

/**
 * A cycle's evidence pack as the report template (templates/evidence/cycle-report.vm) reads it: one view per
 * section, values as plain text for Velocity to escape, every getter on the velocity allowlist. The large sections
 * (findings, queue, validations, register, log) are {@link ViewRows} over the pack's rows, so the template streams
 * them from the record instead of holding them.
 */
public final class EvidencePackView {

    /** The report template, rendered by Jira's Velocity in Jira and by an engine configured like it by the command. */
    public static final String TEMPLATE = "templates/evidence/cycle-report.vm";

    private final EvidencePack pack;

    public EvidencePackView(EvidencePack pack) {
        this.pack = pack;
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
        return ViewRows.of(pack.findings(), FindingView::new);
    }

    public PrioritisationView getPrioritisation() {
        return new PrioritisationView(pack.cycle().key(), pack.policy(), pack.feeds(), pack.queue(),
                pack.validationsSinceQueue());
    }

    public ViewRows<ValidationView> getValidations() {
        return ViewRows.of(pack.validations(), ValidationView::new);
    }

    public ViewRows<RegisterEntryView> getRegister() {
        return ViewRows.of(pack.register(), RegisterEntryView::new);
    }

    /**
     * The closure trail: the log entries about findings (status changes, mobilisation, validation, acceptance) and
     * about the register as a whole (findings entering it, a residual queue inherited into it).
     */
    public ViewRows<LogEntryView> getClosureTrail() {
        String aboutAFinding = LogRecord.findingSubject("");
        return ViewRows.of(pack.log(), (LogEntry entry) -> entry.subject().startsWith(aboutAFinding)
                || entry.subject().equals(LogRecord.REGISTER_SUBJECT), LogEntryView::new);
    }

    /** The closure summary, or null while the cycle is open. */
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
        return ViewRows.of(pack.log(), LogEntryView::new);
    }

    private ItemView item(EvidenceItem item) {
        return new ItemView(pack.item(item));
    }
}
