package org.ctemcycles.store;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The REST API's pages of the record over a real database, on H2 and PostgreSQL: pages say exactly whether more rows
 * follow, the register is read by status, a finding is found by its key, runs are paged, and nothing of another
 * cycle comes along.
 */
@RunWith(Parameterized.class)
public class RecordPagesPersistenceTest {

    private static final String LEAD = "lead";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private TestDatabase.Opened opened;
    private CycleRecord record;
    private RecordPages pages;

    public RecordPagesPersistenceTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void twoCyclesOfFiveFindings() {
        opened = database.open();
        record = CycleRecord.overStore(opened.database().activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> LEAD.equals(user), MutableClock.on("2026-07-02"));
        pages = record.pages();
        for (String cycle : List.of("OTHER-1", "CTEM-1")) {
            record.cycles().create(new CycleDraft(cycle, cycle, "", "2026-07-01", "2026-09-30", "14"), LEAD);
            record.scope().add(cycle, new SurfaceDraft("WEB", "Web", "customer-facing system", "alice", "high",
                    "internet-facing", "", List.of("host:*.example.com")), LEAD);
            for (int run = 1; run <= 2; run++) {
                ImportPlan plan = record.discovery().plan(cycle, null, List.of("WEB"));
                for (int i = 0; i < 5; i++) {
                    plan.add(ObservationBuilder.nessus().host("h" + i + ".example.com").ruleId("1000" + i).build());
                }
                record.intake().take(cycle, record.discovery().record(plan, new RunRequest("nessus", cycle + run,
                        String.format("%064x", (cycle + run).hashCode() & 0xffffff), null, null, null, null, LEAD,
                        true, List.of())), LEAD);
            }
        }
    }

    @After
    public void close() throws Exception {
        opened.close();
    }

    @Test
    public void aPageSaysExactlyWhetherMoreRowsFollow() {
        Page<RegisterEntry> first = pages.register("CTEM-1", null, 0, 3);
        assertEquals(3, first.rows().size());
        assertTrue(first.more());
        Page<RegisterEntry> last = pages.register("CTEM-1", null, first.next(), 2);
        assertEquals("a page that ends exactly at the last row", 2, last.rows().size());
        assertFalse(last.more());
        assertTrue(last.rows().stream().allMatch(e -> e.cycleKey().equals("CTEM-1")));
        Page<DiscoveryRun> runs = pages.runs("CTEM-1", 0, 1);
        assertEquals("CTEM-11", runs.rows().get(0).fileName());
        assertTrue(runs.more());
        Page<DiscoveryRun> second = pages.runs("CTEM-1", runs.next(), 1);
        assertEquals("CTEM-12", second.rows().get(0).fileName());
        assertFalse(second.more());
        assertFalse(pages.findings("CTEM-1", 0, 5).more());
        int logged = record.log().chain("CTEM-1").size();
        Page<?> log = pages.log("CTEM-1", 0, logged - 1);
        assertTrue(log.more());
        assertEquals(logged - 1, log.next());
        assertFalse(pages.log("CTEM-1", log.next(), 5).more());
    }

    @Test
    public void theRegisterIsReadByStatusInTheOrderFindingsEnteredIt() {
        List<RegisterEntry> all = pages.register("CTEM-1", null, 0, 10).rows();
        record.mobilisation().changeStatus("CTEM-1", all.get(3).findingKey(), "in-progress", null, LEAD);
        record.mobilisation().changeStatus("CTEM-1", all.get(1).findingKey(), "in-progress", null, LEAD);
        record.mobilisation().changeStatus("OTHER-1", all.get(0).findingKey(), "in-progress", null, LEAD);
        Page<RegisterEntry> moving = pages.register("CTEM-1", FindingStatus.IN_PROGRESS, 0, 1);
        assertEquals(all.get(1).findingKey(), moving.rows().get(0).findingKey());
        assertTrue(moving.more());
        Page<RegisterEntry> next = pages.register("CTEM-1", FindingStatus.IN_PROGRESS, moving.next(), 1);
        assertEquals(all.get(3).findingKey(), next.rows().get(0).findingKey());
        assertFalse(next.more());
        assertEquals(3, pages.register("CTEM-1", FindingStatus.OPEN, 0, 10).rows().size());
        assertTrue(pages.register("CTEM-1", FindingStatus.VERIFIED, 0, 10).rows().isEmpty());
    }

    @Test
    public void aFindingIsFoundByItsKeyInItsCycleOnly() {
        FindingEvidence first = pages.findings("CTEM-1", 0, 1).rows().get(0);
        FindingEvidence found = pages.finding("CTEM-1", first.key()).orElseThrow();
        assertEquals(first.finding().id(), found.finding().id());
        assertEquals(2, found.signals());
        assertEquals(FindingStatus.OPEN, found.entry().status());
        assertEquals("the same identity in the other cycle is its own finding", "OTHER-1",
                pages.finding("OTHER-1", first.key()).orElseThrow().finding().cycleKey());
        assertEquals(found.finding().id(), pages.finding("CTEM-1", "F-" + first.key().substring(2).toUpperCase())
                .orElseThrow().finding().id());
        for (String nothing : List.of("F-0000000000000000", "F-1", "nonsense", "F-zzzzzzzzzzzzzzzz")) {
            assertTrue(nothing, pages.finding("CTEM-1", nothing).isEmpty());
        }
    }

    @Test
    public void theChainIsVerifiedAPageAtATimeAsTheLogVerifiesIt() {
        assertEquals(record.log().verify("CTEM-1"), pages.verify("CTEM-1"));
        assertTrue(pages.verify("CTEM-1").intact());
        assertEquals(record.log().chain("CTEM-1").size(), pages.verify("CTEM-1").entries());
    }
}
