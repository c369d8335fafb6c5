package org.ctemcycles.report.view;

import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.evidence.FindingRecord;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.Provenance;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scoring.Freshness;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;
import org.ctemcycles.testing.MutableClock;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The panel's view model computed from a finding's record: which deadline is in force and by which rule, the
 * countdown from the clock's today, the feeds' freshness then and now, and the states without a ranking or work.
 */
public class PrioritisationPanelViewTest {

    private static final Instant DECIDED = Instant.parse("2026-10-10T08:00:00Z");
    private static final Cycle CYCLE = new Cycle("CTEM-1", "Q4", "", new Cadence(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 12, 31), 14), Stage.MOBILISATION, DECIDED, "lead");
    private static final PanelLinks LINKS = new PanelLinks("/f", "/q", "");

    private static Decision decision(LocalDate due) {
        SsvcDecision ssvc = new SsvcDecision(SsvcInput.unknown("not given"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("not given"), SsvcInput.unknown("not given"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("not given"), EnumSet.of(SsvcOutcome.ATTEND, SsvcOutcome.ACT));
        Deadline deadline = new Deadline(due, due == null ? "" : "internal SLA (high)",
                due == null ? "" : "firstSeen + 30 days", false, false, List.of());
        List<Factor> factors = List.of(new Factor(FactorKind.KEV, 0, "not in CISA KEV", "", Provenance.of("KEV")),
                new Factor(FactorKind.CVSS, 650, "CVSS:3.1 base 6.5", "", new Provenance("CVSS", "3.1", "", "")),
                new Factor(FactorKind.EXPOSURE, 0, "exposure unknown", "", Provenance.of("scoping")));
        List<FeedUse> feeds = List.of(new FeedUse("EPSS", "v2026.06.15", "2026-10-09T12:55:00Z", "epss.csv",
                new Freshness(Instant.parse("2026-10-09T12:55:00Z"), DECIDED, Duration.ofDays(3))),
                new FeedUse("KEV", "", "", "", null));
        return new Decision("F-1", 650, Tier.HIGH, ssvc, deadline, factors, feeds, "ctem-default", 1, DECIDED);
    }

    private static RegisterEntry entry(FindingStatus status, LocalDate deadline) {
        return new RegisterEntry("CTEM-1", "F-1", status, deadline == null ? "" : "dave", deadline, "", "", "retest",
                "SEC-1", null, "", DECIDED, DECIDED, deadline == null ? "" : "lead", "");
    }

    private static PrioritisationPanelView view(RegisterEntry entry, Decision decision, String today) {
        FindingRecord record = new FindingRecord(CYCLE, entry, null,
                decision == null ? null : new RankedDecision(2, decision), decision == null ? 0 : 7, true, List.of());
        return PrioritisationPanelView.of(record, LINKS, MutableClock.on(today));
    }

    @Test
    public void beforeMobilisationThePolicysDeadlineIsInForceWithItsRule() {
        PrioritisationPanelView view = view(entry(FindingStatus.OPEN, null), decision(LocalDate.of(2026, 11, 9)),
                "2026-11-09");
        assertEquals("2026-11-09", view.getDeadline());
        assertEquals("internal SLA (high)", view.getDeadlineRule());
        assertEquals("firstSeen + 30 days", view.getDeadlineBasis());
        assertEquals(PrioritisationPanelView.TODAY, view.getCountdown());
        assertFalse(view.isDeadlineSetAtMobilisation());
        assertFalse(view.isLaterThanPolicy());
        assertEquals(2, view.getRank());
        assertEquals(7, view.getQueueLength());
        assertEquals("65.0", view.getScore());
        assertEquals("High", view.getTier());
        assertEquals("aui-lozenge-moved", view.getTierClass());
        assertEquals(List.of("0.0", "+65.0", "0.0"), view.getFactors().stream().map(PanelFactorView::getPoints).toList());
        assertEquals("CVSS 3.1", view.getFactors().get(1).getSource());
        assertFalse(view.getFactors().get(2).isMoved());
    }

    @Test
    public void aMobilisationDeadlineEqualToThePolicysKeepsThePolicysRuleAndCountsDownFromToday() {
        LocalDate due = LocalDate.of(2026, 11, 9);
        PrioritisationPanelView overdue = view(entry(FindingStatus.IN_PROGRESS, due), decision(due), "2026-11-10");
        assertEquals("internal SLA (high)", overdue.getDeadlineRule());
        assertEquals(PrioritisationPanelView.OVERDUE, overdue.getCountdown());
        assertEquals("1", overdue.getCountdownDays());
        PrioritisationPanelView earlier = view(entry(FindingStatus.IN_PROGRESS, LocalDate.of(2026, 11, 1)),
                decision(due), "2026-10-30");
        assertTrue("an earlier deadline is the mobiliser's", earlier.isDeadlineSetAtMobilisation());
        assertFalse(earlier.isLaterThanPolicy());
        assertEquals("lead", earlier.getDeadlineSetBy());
        assertEquals("2026-11-09", earlier.getPolicyDeadline());
        assertEquals("", earlier.getDeadlineRule());
        assertEquals(PrioritisationPanelView.LEFT, earlier.getCountdown());
        assertEquals("2", earlier.getCountdownDays());
    }

    @Test
    public void aFindingWithoutWorkLeftHasNoCountdownAndOneWithoutDeadlineSaysSo() {
        LocalDate due = LocalDate.of(2026, 11, 9);
        assertEquals(PrioritisationPanelView.SETTLED,
                view(entry(FindingStatus.VERIFIED, due), decision(due), "2026-12-01").getCountdown());
        assertEquals(PrioritisationPanelView.NONE,
                view(entry(FindingStatus.OPEN, null), decision(null), "2026-12-01").getCountdown());
    }

    @Test
    public void aFindingEnteredAfterTheLastRankingHasNoRankButItsRegisterEntry() {
        PrioritisationPanelView view = view(entry(FindingStatus.OPEN, null), null, "2026-10-11");
        assertFalse(view.isPrioritised());
        assertEquals(0, view.getRank());
        assertEquals("", view.getRationale());
        assertTrue(view.getFactors().isEmpty());
        assertEquals(PrioritisationPanelView.NONE, view.getCountdown());
        assertEquals("Open", view.getStatus());
        assertEquals("retest", view.getVerificationStep());
        assertFalse(view.isValidated());
    }

    @Test
    public void aFeedFreshWhenRankedTurnsStaleWithTimeAndAMissingFeedIsNotGiven() {
        PrioritisationPanelView fresh = view(entry(FindingStatus.OPEN, null), decision(null), "2026-10-10");
        PanelFeedView epss = fresh.getFeeds().get(0);
        assertTrue(epss.isGiven());
        assertFalse(epss.isStale());
        assertEquals("fresh: 0 days old", epss.getFreshnessWhenUsed());
        assertFalse(fresh.isAnyFeedStale());
        assertFalse(fresh.getFeeds().get(1).isGiven());
        assertFalse(fresh.getFeeds().get(1).isStale());

        PanelFeedView later = view(entry(FindingStatus.OPEN, null), decision(null), "2026-10-20").getFeeds().get(0);
        assertFalse(later.isStaleWhenUsed());
        assertTrue(later.isStaleNow());
        assertTrue(later.isStale());
        assertEquals("stale: 10 days old, policy allows 3", later.getFreshnessNow());
    }
}
