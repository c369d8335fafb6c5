package org.ctemcycles.store;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.notice.DeliveryFailedException;
import org.ctemcycles.core.notice.Notice;
import org.ctemcycles.core.notice.NoticeDelivery;
import org.ctemcycles.core.notice.NoticeKind;
import org.ctemcycles.core.notice.NoticeRun;
import org.ctemcycles.core.notice.SentNotice;
import org.ctemcycles.testing.CycleRecordFixture;
import org.ctemcycles.testing.Rendezvous;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.ctemcycles.testing.CycleRecordFixture.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Notices on H2 and PostgreSQL: each is delivered and recorded once, by one run, by a restarted node, and by two
 * nodes sending at the same moment (their inserts forced to meet); a failed delivery is not recorded and is sent by
 * a later run; every notice sent is in the cycle's activity log.
 */
@RunWith(Parameterized.class)
public class NoticePersistenceTest {

    private static final Instant AT = Instant.parse("2026-07-01T09:00:00Z");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private final Rendezvous rendezvous = new Rendezvous();
    private CycleRecordFixture fixture;
    private final List<AutoCloseable> closing = new ArrayList<>();

    public NoticePersistenceTest(TestDatabase database) {
        this.database = database;
    }

    @After
    public void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A delivery that keeps what it delivered, safe for two nodes' threads. */
    private static final class Recorded implements NoticeDelivery {
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void deliver(Notice notice) {
            delivered.add(notice.key());
        }
    }

    /**
     * CTEM-1 (2026-07-01 to 2026-09-30, checkpoints every 14 days) on 2026-07-20: F-1 due in 7 days (alice), F-2 due
     * tomorrow (bob), F-3 overdue (alice), F-4 risk-accepted until 2026-07-25 (carol), F-5 due in a month; the
     * checkpoint planned for 2026-07-15 missed. Owed: four owner notices and the leads' digest.
     */
    private void cycleWithDeadlines(Rendezvous wrapWith) {
        EmbeddedDatabase.Options options = wrapWith == null ? EmbeddedDatabase.Options.app()
                : EmbeddedDatabase.Options.app().withDataSourceWrapper(wrapWith::wrap);
        fixture = new CycleRecordFixture(database.open(options), "2026-07-01");
        fixture.open("CTEM-1");
        RiskAcceptance acceptance = new RiskAcceptance("carol", "WAF rule", LocalDate.parse("2026-07-25"), LEAD, AT);
        new AoRegisterRepository(fixture.ao).insertAll(List.of(
                entry("F-1", "alice", "2026-07-27"), entry("F-2", "bob", "2026-07-21"),
                entry("F-3", "alice", "2026-07-10"),
                entry("F-4", "dave", "2026-07-10").withStatus(FindingStatus.RISK_ACCEPTED, acceptance, AT),
                entry("F-5", "bob", "2026-08-20")));
        fixture.clock.setDay("2026-07-20");
    }

    private static RegisterEntry entry(String finding, String owner, String deadline) {
        return new RegisterEntry("CTEM-1", finding, FindingStatus.IN_PROGRESS, owner, LocalDate.parse(deadline), "",
                "", "", "SEC-" + finding.substring(2), null, "", AT, AT);
    }

    private CycleRecord secondNode(EmbeddedDatabase.Options options) {
        EmbeddedDatabase other = fixture.opened.another(options);
        CycleRecord record = new CycleRecord(other.activeObjects(), fixture.scope, fixture.progress, fixture.tracker,
                (user, cycle) -> LEAD.equals(user), fixture.clock);
        closing.add(other);
        closing.add(0, record);
        return record;
    }

    private List<LogEntry> noticesLogged() {
        return fixture.record.log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.NOTICE_SENT))
                .toList();
    }

    @Test
    public void eachNoticeIsDeliveredAndRecordedOnceAndLogged() {
        cycleWithDeadlines(null);
        Recorded delivery = new Recorded();
        NoticeRun run = fixture.record.notices().send(delivery, "ctem:notices");
        Map<NoticeKind, Notice> byKind = run.sent().stream().collect(Collectors.toMap(Notice::kind,
                Function.identity(), (a, b) -> a));
        assertEquals(run.toString(), 5, run.sent().size());
        assertEquals("alice", byKind.get(NoticeKind.DEADLINE_IN_7_DAYS).recipient());
        assertEquals("bob", byKind.get(NoticeKind.DEADLINE_IN_1_DAY).recipient());
        assertEquals("F-3", byKind.get(NoticeKind.DEADLINE_PASSED).findingKey());
        assertEquals("carol", byKind.get(NoticeKind.ACCEPTANCE_EXPIRING).recipient());
        Notice digest = byKind.get(NoticeKind.LEADS_DIGEST);
        assertEquals(List.of(LocalDate.parse("2026-07-15")), digest.digest().missedCheckpoints());
        assertEquals(1, digest.digest().overdue().size());
        assertEquals(2, digest.digest().dueThisWeek().size());
        assertEquals(delivery.delivered, run.sent().stream().map(Notice::key).toList());

        List<SentNotice> recorded = fixture.record.notices().sent("CTEM-1");
        assertEquals(delivery.delivered, recorded.stream().map(SentNotice::key).toList());
        assertEquals("ctem:notices", recorded.get(0).sentBy());
        List<LogEntry> logged = noticesLogged();
        assertEquals(5, logged.size());
        assertTrue(logged.get(0).toString(), logged.stream().anyMatch(e -> e.subject().equals("finding:F-3")
                && e.after().contains("deadline passed") && e.after().contains("alice")));
        assertTrue(logged.stream().anyMatch(e -> e.subject().equals("cycle:CTEM-1")
                && e.after().contains("security leads")));

        assertEquals("a second run the same day sends nothing", List.of(), fixture.record.notices().due());
        assertEquals(0, fixture.record.notices().send(delivery, "ctem:notices").sent().size());
        assertEquals(5, delivery.delivered.size());
    }

    @Test
    public void aRestartedNodeAndTheNextDaysSendOnlyWhatIsNew() {
        cycleWithDeadlines(null);
        Recorded delivery = new Recorded();
        fixture.record.notices().send(delivery, "ctem:notices");
        CycleRecord restarted = secondNode(EmbeddedDatabase.Options.app());
        assertEquals("a restart repeats nothing", List.of(), restarted.notices().due());

        fixture.clock.setDay("2026-07-21");
        NoticeRun nextDay = restarted.notices().send(delivery, "ctem:notices");
        assertEquals("only the new day's digest (F-2's 1-day notice already went)",
                List.of(NoticeKind.LEADS_DIGEST), nextDay.sent().stream().map(Notice::kind).toList());

        fixture.clock.setDay("2026-07-26");
        List<String> kinds = restarted.notices().send(delivery, "ctem:notices").sent().stream()
                .map(n -> n.kind() + " " + n.findingKey()).toList();
        assertEquals(List.of("DEADLINE_IN_1_DAY F-1", "DEADLINE_PASSED F-2", "LEADS_DIGEST "), kinds);
        assertEquals("every delivery recorded once", delivery.delivered.size(),
                delivery.delivered.stream().distinct().count());
    }

    @Test
    public void aFailedDeliveryIsNotRecordedAndALaterRunSendsIt() {
        cycleWithDeadlines(null);
        Recorded delivered = new Recorded();
        NoticeDelivery failingForBob = notice -> {
            if (notice.recipient().equals("bob")) {
                throw new DeliveryFailedException("issue SEC-2 cannot be commented on now");
            }
            delivered.deliver(notice);
        };
        NoticeRun first = fixture.record.notices().send(failingForBob, "ctem:notices");
        assertEquals(4, first.sent().size());
        assertEquals(1, first.failed().size());
        assertEquals("issue SEC-2 cannot be commented on now", first.failed().get(0).reason());
        assertEquals("F-2", first.failed().get(0).notice().findingKey());
        assertEquals("the failed notice is neither recorded nor logged", 4,
                fixture.record.notices().sent("CTEM-1").size());
        assertEquals(4, noticesLogged().size());

        NoticeRun retry = fixture.record.notices().send(delivered, "ctem:notices");
        assertEquals(List.of("F-2"), retry.sent().stream().map(Notice::findingKey).toList());
        assertEquals(5, fixture.record.notices().sent("CTEM-1").size());
        assertEquals(5, noticesLogged().size());
    }

    @Test
    public void twoNodesSendingAtTheSameMomentDeliverEachNoticeOnce() throws Exception {
        cycleWithDeadlines(rendezvous);
        CycleRecord two = secondNode(EmbeddedDatabase.Options.app().withDataSourceWrapper(rendezvous::wrap));
        // both nodes plan the same five notices and insert the first at the same moment
        assertEquals(5, two.notices().due().size());
        rendezvous.meet("INSERT", "NOTICE", 2);
        Recorded delivery = new Recorded();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<NoticeRun> one = nodes.submit(() -> fixture.record.notices().send(delivery, "node-1"));
            Future<NoticeRun> other = nodes.submit(() -> two.notices().send(delivery, "node-2"));
            NoticeRun a = one.get(60, TimeUnit.SECONDS);
            NoticeRun b = other.get(60, TimeUnit.SECONDS);
            rendezvous.assertMet();
            assertEquals(a + " / " + b, 5, a.sent().size() + b.sent().size());
            assertTrue("the loser of the first race found it sent", a.alreadySent() + b.alreadySent() >= 1);
            assertEquals(List.of(), a.failed());
            assertEquals(List.of(), b.failed());
        } finally {
            nodes.shutdownNow();
        }
        assertEquals("each notice delivered once: " + delivery.delivered, 5,
                delivery.delivered.stream().distinct().count());
        assertEquals(5, delivery.delivered.size());
        assertEquals(5, fixture.record.notices().sent("CTEM-1").size());
        assertEquals(5, noticesLogged().size());
        assertTrue(fixture.record.log().verify("CTEM-1").toString(), fixture.record.log().verify("CTEM-1").intact());
    }
}
