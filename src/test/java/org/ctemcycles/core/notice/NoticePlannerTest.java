package org.ctemcycles.core.notice;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

public class NoticePlannerTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-07-20");
    private static final Instant AT = Instant.parse("2026-07-01T09:00:00Z");

    private static RegisterEntry mobilised(String finding, String owner, String deadline) {
        return new RegisterEntry("CTEM-1", finding, FindingStatus.IN_PROGRESS, owner, LocalDate.parse(deadline),
                "", "", "", "SEC-" + finding.substring(2), null, "", AT, AT);
    }

    private static List<Notice> plan(RegisterEntry... entries) {
        return NoticePlanner.plan("CTEM-1", List.of(entries), List.of(), TODAY);
    }

    private static Notice only(List<Notice> notices, NoticeKind kind) {
        List<Notice> of = notices.stream().filter(n -> n.kind() == kind).toList();
        assertEquals(notices.toString(), 1, of.size());
        return of.get(0);
    }

    @Test
    public void eachDeadlineGetsTheMostUrgentThresholdItReached() {
        assertEquals(List.of(), plan(mobilised("F-8", "alice", "2026-07-28")).stream()
                .filter(n -> n.kind() != NoticeKind.LEADS_DIGEST).toList()); // 8 days: nothing yet
        assertEquals(NoticeKind.DEADLINE_IN_7_DAYS, plan(mobilised("F-7", "alice", "2026-07-27")).get(0).kind());
        assertEquals(NoticeKind.DEADLINE_IN_7_DAYS, plan(mobilised("F-2", "alice", "2026-07-22")).get(0).kind());
        assertEquals(NoticeKind.DEADLINE_IN_1_DAY, plan(mobilised("F-1", "alice", "2026-07-21")).get(0).kind());
        assertEquals(NoticeKind.DEADLINE_IN_1_DAY, plan(mobilised("F-0", "alice", "2026-07-20")).get(0).kind());
        Notice passed = plan(mobilised("F-9", "alice", "2026-07-19")).get(0);
        assertEquals(NoticeKind.DEADLINE_PASSED, passed.kind());
        assertEquals("alice", passed.recipient());
        assertEquals("SEC-9", passed.trackerIssue());
        assertEquals(LocalDate.parse("2026-07-19"), passed.day());
        assertTrue(passed.text(), passed.text().contains("F-9") && passed.text().contains("has passed"));
    }

    @Test
    public void onlyExposuresThatNeedWorkAndHaveAnOwnerAreOwedANotice() {
        RegisterEntry verified = mobilised("F-1", "alice", "2026-07-21")
                .withStatus(FindingStatus.VERIFIED, null, AT);
        RegisterEntry ownerless = mobilised("F-2", "", "2026-07-21");
        List<Notice> notices = plan(verified, ownerless);
        assertEquals(notices.toString(), 1, notices.size());
        LeadsDigest digest = only(notices, NoticeKind.LEADS_DIGEST).digest();
        assertEquals("the lead still hears of the ownerless exposure", List.of("F-2"),
                digest.dueThisWeek().stream().map(DigestLine::findingKey).toList());
    }

    @Test
    public void anAcceptanceEndingWithinTheWeekIsOwedToItsRiskOwner() {
        RiskAcceptance ends = new RiskAcceptance("carol", "WAF rule 42", LocalDate.parse("2026-07-27"), "lead", AT);
        RiskAcceptance later = new RiskAcceptance("carol", "WAF rule 42", LocalDate.parse("2026-07-28"), "lead", AT);
        RegisterEntry accepted = mobilised("F-3", "alice", "2026-07-21")
                .withStatus(FindingStatus.RISK_ACCEPTED, ends, AT);
        RegisterEntry notYet = mobilised("F-4", "alice", "2026-07-21")
                .withStatus(FindingStatus.RISK_ACCEPTED, later, AT);
        List<Notice> notices = plan(accepted, notYet);
        Notice expiring = only(notices, NoticeKind.ACCEPTANCE_EXPIRING);
        assertEquals("carol", expiring.recipient());
        assertEquals("F-3", expiring.findingKey());
        assertEquals("an accepted risk is not owed deadline notices", 2, notices.size());
        assertEquals(1, only(notices, NoticeKind.LEADS_DIGEST).digest().acceptancesExpiring().size());
    }

    @Test
    public void theDigestCountsWhatALeadMustActOnAndIsLeftOutWhenThereIsNothing() {
        List<Notice> notices = NoticePlanner.plan("CTEM-1", List.of(mobilised("F-9", "alice", "2026-07-10"),
                        mobilised("F-5", "bob", "2026-07-25"), mobilised("F-6", "bob", "2026-09-01")),
                List.of(LocalDate.parse("2026-07-15")), TODAY);
        LeadsDigest digest = only(notices, NoticeKind.LEADS_DIGEST).digest();
        assertEquals(List.of("F-9"), digest.overdue().stream().map(DigestLine::findingKey).toList());
        assertEquals(List.of("F-5"), digest.dueThisWeek().stream().map(DigestLine::findingKey).toList());
        assertEquals(List.of(LocalDate.parse("2026-07-15")), digest.missedCheckpoints());
        String text = only(notices, NoticeKind.LEADS_DIGEST).text();
        assertTrue(text, text.startsWith("Cycle CTEM-1 on 2026-07-20: 1 overdue, 1 due this week, 0 risk"
                + " acceptances expiring, 1 missed checkpoints."));
        assertTrue(text, text.contains("- F-9 (SEC-9), deadline 2026-07-10, owner alice"));

        assertEquals(List.of(), NoticePlanner.plan("CTEM-1", List.of(mobilised("F-6", "bob", "2026-09-01")),
                List.of(), TODAY));
    }

    @Test
    public void keysTellThresholdsDaysAndFindingsApartButNotCycles() {
        Notice seven = plan(mobilised("F-7", "alice", "2026-07-27")).get(0);
        Notice moved = plan(mobilised("F-7", "alice", "2026-07-26")).get(0);
        Notice one = plan(mobilised("F-7", "alice", "2026-07-21")).get(0);
        assertEquals("finding/F-7/DEADLINE_IN_7_DAYS/2026-07-27", seven.key());
        assertNotEquals("a moved deadline is announced again", seven.key(), moved.key());
        assertNotEquals(seven.key(), one.key());
        RegisterEntry carried = mobilised("F-7", "alice", "2026-07-27").carriedInto("CTEM-2", AT);
        assertEquals("a finding handed over is not told again by the next cycle", seven.key(),
                NoticePlanner.plan("CTEM-2", List.of(carried), List.of(), TODAY).get(0).key());
        Notice digest = plan(mobilised("F-7", "alice", "2026-07-27")).get(1);
        assertEquals("digest/CTEM-1/2026-07-20", digest.key());
    }
}
