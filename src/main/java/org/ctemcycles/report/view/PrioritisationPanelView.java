package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.FindingRecord;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The prioritisation panel of an exposure issue: why the finding ranks where it does (rank, score and tier, each
 * factor with its source and contribution, the rationale), by when (the deadline in force with a countdown from
 * today and the rule that set it), the decision aids beside the score (SSVC, KEV and EPSS with their feeds' dates,
 * stale ones flagged), what validation proved, and where the work stands in the register. Every value is computed
 * here, once, from the finding's record; the template only lays it out.
 */
public final class PrioritisationPanelView {

    /** Countdown states, named as the template tells them apart. */
    static final String LEFT = "left";
    static final String TODAY = "today";
    static final String OVERDUE = "overdue";
    static final String NONE = "none";
    static final String SETTLED = "settled";

    private final String cycleKey;
    private final String cycleName;
    private final String findingKey;
    private final String findingTitle;
    private final String asset;
    private final boolean prioritised;
    private final int rank;
    private final int queueLength;
    private final String score;
    private final String tier;
    private final String tierClass;
    private final String decidedAt;
    private final String policy;
    private final String rationale;
    private final List<PanelFactorView> factors;
    private final String deadline;
    private final String deadlineRule;
    private final String deadlineBasis;
    private final boolean deadlineSetAtMobilisation;
    private final String deadlineSetBy;
    private final String deadlineReason;
    private final boolean laterThanPolicy;
    private final String policyDeadline;
    private final String countdown;
    private final String countdownDays;
    private final String ssvc;
    private final String kev;
    private final String epss;
    private final List<PanelFeedView> feeds;
    private final boolean anyFeedStale;
    private final boolean validationsShown;
    private final List<PanelValidationView> validations;
    private final String laterValidation;
    private final String status;
    private final String owner;
    private final String verificationStep;
    private final String changeRecord;
    private final String acceptanceExpiry;
    private final String acceptanceOwner;
    private final String acceptanceControl;
    private final String carriedFrom;
    private final boolean settled;
    private final PanelLinks links;

    private PrioritisationPanelView(FindingRecord record, PanelLinks links, Instant now, LocalDate today) {
        RegisterEntry entry = record.entry();
        Finding finding = record.finding();
        RankedDecision item = record.queueItem();
        Decision decision = item == null ? null : item.decision();
        this.cycleKey = record.cycle().key();
        this.cycleName = record.cycle().name();
        this.findingKey = entry.findingKey();
        this.findingTitle = finding == null ? "" : finding.title();
        this.asset = finding == null ? "" : finding.asset().value();
        this.prioritised = decision != null;
        this.rank = item == null ? 0 : item.rank();
        this.queueLength = record.queueLength();
        this.score = decision == null ? "" : decision.scorePoints().toPlainString();
        this.tier = decision == null ? "" : decision.tier().label();
        this.tierClass = decision == null ? "" : tierClass(decision);
        this.decidedAt = decision == null ? "" : ViewText.day(decision.decidedAt());
        this.policy = decision == null ? "" : decision.policyId() + " v" + decision.policyVersion();
        this.rationale = decision == null ? "" : decision.rationale();
        this.factors = decision == null ? List.of() : decision.factors().stream().map(PanelFactorView::new).toList();
        this.ssvc = decision == null ? "" : decision.ssvc().label();
        this.kev = decision == null ? "" : labels(decision, FactorKind.KEV);
        this.epss = decision == null ? "" : labels(decision, FactorKind.EPSS_PROBABILITY);
        this.feeds = decision == null ? List.of() : decision.feeds().stream().map(f -> new PanelFeedView(f, now))
                .toList();
        this.anyFeedStale = feeds.stream().anyMatch(PanelFeedView::isStale);
        this.validationsShown = record.validationsRead();
        this.validations = record.validations().stream().map(PanelValidationView::new).toList();
        // the newest validation in this cycle, when recorded after the decision: its factors predate it
        this.laterValidation = decision == null ? "" : record.validations().stream()
                .filter(v -> v.cycleKey().equals(record.cycle().key()) && v.validatedAt().isAfter(decision.decidedAt()))
                .reduce((first, second) -> second).map(v -> ViewText.day(v.validatedAt())).orElse("");

        this.status = entry.status().label();
        this.owner = entry.owner();
        this.verificationStep = entry.verificationStep();
        this.changeRecord = entry.changeRecord();
        RiskAcceptance accepted = entry.acceptance();
        this.acceptanceExpiry = accepted == null ? "" : ViewText.date(accepted.expiry());
        this.acceptanceOwner = accepted == null ? "" : accepted.owner();
        this.acceptanceControl = accepted == null ? "" : accepted.compensatingControl();
        this.carriedFrom = entry.carriedFrom();
        this.settled = !entry.needsWork();
        this.links = links;

        // the deadline in force is the register's once the finding is mobilised (the mobiliser may set a later one,
        // with a reason); before that, the policy's
        Deadline policyRule = decision == null ? null : decision.deadline();
        LocalDate policyDate = policyRule == null ? null : policyRule.date();
        LocalDate inForce = entry.deadline() != null ? entry.deadline() : policyDate;
        this.deadlineSetAtMobilisation = entry.deadline() != null && !entry.deadline().equals(policyDate);
        this.deadline = ViewText.date(inForce);
        this.deadlineRule = deadlineSetAtMobilisation || policyRule == null ? "" : policyRule.rule();
        this.deadlineBasis = deadlineSetAtMobilisation || policyRule == null ? "" : policyRule.basis();
        this.deadlineSetBy = deadlineSetAtMobilisation ? entry.deadlineSetBy() : "";
        this.deadlineReason = deadlineSetAtMobilisation ? entry.deadlineReason() : "";
        this.laterThanPolicy = entry.deadline() != null && policyDate != null && entry.deadline().isAfter(policyDate);
        this.policyDeadline = deadlineSetAtMobilisation ? ViewText.date(policyDate) : "";
        long days = inForce == null ? 0 : ChronoUnit.DAYS.between(today, inForce);
        this.countdown = settled ? SETTLED : inForce == null ? NONE : days > 0 ? LEFT : days == 0 ? TODAY : OVERDUE;
        this.countdownDays = Long.toString(Math.abs(days));
    }

    /** The panel of one finding's record, its countdown counted from {@code clock}'s today. */
    public static PrioritisationPanelView of(FindingRecord record, PanelLinks links, Clock clock) {
        return new PrioritisationPanelView(record, links, clock.instant(), LocalDate.now(clock));
    }

    private static String tierClass(Decision decision) {
        return switch (decision.tier()) {
            case CRITICAL -> "aui-lozenge-removed";
            case HIGH -> "aui-lozenge-moved";
            case MEDIUM -> "aui-lozenge-current";
            case LOW -> "aui-lozenge-default";
        };
    }

    private static String labels(Decision decision, FactorKind kind) {
        return decision.factors().stream().filter(f -> f.kind() == kind).map(Factor::label)
                .collect(Collectors.joining("; "));
    }

    public String getCycleKey() {
        return cycleKey;
    }

    public String getCycleName() {
        return cycleName;
    }

    public String getFindingKey() {
        return findingKey;
    }

    /** The finding's title as its scanner wrote it (hostile text possible: the template escapes it), or "". */
    public String getFindingTitle() {
        return findingTitle;
    }

    public String getAsset() {
        return asset;
    }

    /** Whether the cycle's current queue holds the finding (else it entered the register after the last ranking). */
    public boolean isPrioritised() {
        return prioritised;
    }

    public int getRank() {
        return rank;
    }

    public int getQueueLength() {
        return queueLength;
    }

    /** Points with one decimal, e.g. "87.5". */
    public String getScore() {
        return score;
    }

    /** E.g. "Critical". */
    public String getTier() {
        return tier;
    }

    /** The AUI lozenge class of the tier. */
    public String getTierClass() {
        return tierClass;
    }

    /** The day the decision was made (UTC). */
    public String getDecidedAt() {
        return decidedAt;
    }

    /** E.g. "ctem-default v1". */
    public String getPolicy() {
        return policy;
    }

    /** The decision's rationale sentence, generated from its factors. */
    public String getRationale() {
        return rationale;
    }

    public List<PanelFactorView> getFactors() {
        return factors;
    }

    /** The deadline in force (ISO), or "" when none applies. */
    public String getDeadline() {
        return deadline;
    }

    /** The policy's rule that set it (KEV dueDate, BOD 26-04, BOD 22-01, internal SLA), or "" when set otherwise. */
    public String getDeadlineRule() {
        return deadlineRule;
    }

    /** How the rule's date follows, or "". */
    public String getDeadlineBasis() {
        return deadlineBasis;
    }

    /** Whether the mobiliser set a deadline other than the policy's. */
    public boolean isDeadlineSetAtMobilisation() {
        return deadlineSetAtMobilisation;
    }

    public String getDeadlineSetBy() {
        return deadlineSetBy;
    }

    public String getDeadlineReason() {
        return deadlineReason;
    }

    /** The deadline in force is later than the policy's: flagged, as in the evidence pack's register. */
    public boolean isLaterThanPolicy() {
        return laterThanPolicy;
    }

    /** The policy's deadline when the one in force differs from it, else "". */
    public String getPolicyDeadline() {
        return policyDeadline;
    }

    /** "left", "today", "overdue", "none" (no deadline) or "settled" (no work left). */
    public String getCountdown() {
        return countdown;
    }

    /** Days left, or overdue, counted from today. */
    public String getCountdownDays() {
        return countdownDays;
    }

    /** The SSVC outcome, e.g. "Act", or the outcomes unknown inputs still allow. */
    public String getSsvc() {
        return ssvc;
    }

    /** The KEV status the decision used, e.g. "in CISA KEV (CVE-2021-44228, added ..., due ...)". */
    public String getKev() {
        return kev;
    }

    /** The EPSS reading the decision used, e.g. "EPSS 0.94358 (percentile 0.99957) for CVE-2021-44228". */
    public String getEpss() {
        return epss;
    }

    public List<PanelFeedView> getFeeds() {
        return feeds;
    }

    public boolean isAnyFeedStale() {
        return anyFeedStale;
    }

    /** Every validation of the finding, in any cycle, oldest first. */
    public List<PanelValidationView> getValidations() {
        return validations;
    }

    /** Whether the validation history is shown (the user may read the cycle's evidence). */
    public boolean isValidationsShown() {
        return validationsShown;
    }

    /** The day of a validation recorded after the decision (the queue should be prioritised again), or "". */
    public String getLaterValidation() {
        return laterValidation;
    }

    public boolean isValidated() {
        return !validations.isEmpty();
    }

    /** The finding's status in the register, e.g. "In progress". */
    public String getStatus() {
        return status;
    }

    /** The remediation owner's user key, or "". */
    public String getOwner() {
        return owner;
    }

    public String getVerificationStep() {
        return verificationStep;
    }

    public String getChangeRecord() {
        return changeRecord;
    }

    /** The last day of an accepted risk, or "" when none is accepted. */
    public String getAcceptanceExpiry() {
        return acceptanceExpiry;
    }

    public String getAcceptanceOwner() {
        return acceptanceOwner;
    }

    public String getAcceptanceControl() {
        return acceptanceControl;
    }

    /** The cycle the entry was handed over from, or "". */
    public String getCarriedFrom() {
        return carriedFrom;
    }

    /** Whether the finding no longer needs work (verified, a false positive, or its risk accepted). */
    public boolean isSettled() {
        return settled;
    }

    public String getFindingUrl() {
        return links.finding();
    }

    public String getQueueUrl() {
        return links.queue();
    }

    /** The cycle's evidence pack, or "" when the user may not read it. */
    public String getReportUrl() {
        return links.report();
    }
}
