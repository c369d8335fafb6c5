package org.ctemcycles.store;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.EvidencePackService;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The evidence pack's pages over a real database, on H2 and PostgreSQL: a cycle larger than a page reads back whole,
 * each row once, in order, joined with its decision and register entry, without rows of another cycle or rows added
 * after assembly; and reading it costs a bounded number of statements per page (no query per row).
 */
@RunWith(Parameterized.class)
public class EvidenceSourcePersistenceTest {

    private static final String LEAD = "lead";
    private static final int FINDINGS = EvidencePackService.PAGE * 2 + 137;
    /** As long as a cycle key may be (32): run ids and every key column must take it. */
    private static final String BIG = "BIG-CYCLE-WITH-A-LONG-KEY-2026Q4";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;

    public EvidenceSourcePersistenceTest(TestDatabase database) {
        this.database = database;
    }

    private static void cycleWithFindings(CycleRecord record, String key, int findings) {
        record.cycles().create(new CycleDraft(key, "Cycle " + key, "Measure", "2026-07-01", "2026-09-30", "14"),
                LEAD);
        record.cycles().recordScope(key, new ScopeDraft(null, "All owned", null, null, null), LEAD);
        record.scope().add(key, new SurfaceDraft("WEB", "Web", "customer-facing system", "alice", "high",
                "internet-facing", "All owned", List.of("host:*.example.com")), LEAD);
        ImportPlan plan = record.discovery().plan(key, null, List.of("WEB"));
        for (int i = 0; i < findings; i++) {
            plan.add(ObservationBuilder.nessus().host("h" + i + ".example.com").ruleId("1000" + i % 7)
                    .title("Finding " + i).build());
        }
        ImportSummary summary = record.discovery().record(plan, new RunRequest("nessus", key + ".nessus",
                String.format("%064x", key.hashCode() & 0xffff), null, null, null, null, LEAD, true, List.of()));
        record.intake().take(key, summary, LEAD);
        record.queue().prioritise(key, PriorityPolicy.defaults(), null, null, LEAD);
    }

    @Test
    public void aCycleLargerThanAPageReadsBackWholeInOrderWithItsJoinsAndNoOtherCycle() throws Exception {
        CountingDataSource counting = new CountingDataSource();
        try (TestDatabase.Opened opened = database.open(EmbeddedDatabase.Options.app()
                .withDataSourceWrapper(counting::wrap))) {
            CycleRecord record = CycleRecord.overStore(opened.database().activeObjects(),
                    new LocalIssueTracker("SEC"), (user, cycle) -> LEAD.equals(user), MutableClock.on("2026-07-02"));
            cycleWithFindings(record, "OTHER-1", 40);
            cycleWithFindings(record, BIG, FINDINGS);
            String validated = record.queue().queue(BIG).get(0).findingKey();
            record.validation().record(BIG, validated, new ValidationDraft("exploit-reproduction",
                    "exploitable-confirmed", "reproduced", List.of("PT-1")), LEAD);

            EvidencePack pack = record.evidence().assemble(BIG, LEAD);
            // the cycle goes on after assembly: the pack's renderings still show the record as it was
            ImportPlan later = record.discovery().plan(BIG, null, List.of());
            later.add(ObservationBuilder.nessus().host("late.example.com").ruleId("9").title("Late").build());
            record.intake().take(BIG, record.discovery().record(later, new RunRequest("nessus", "late.nessus",
                    String.format("%064x", 99), null, null, null, null, LEAD, false, List.of())), LEAD);
            counting.reset();
            Set<String> keys = new HashSet<>();
            long previousId = 0;
            for (FindingEvidence finding : pack.findings()) {
                assertEquals(BIG, finding.finding().cycleKey());
                assertTrue("in discovery order", finding.finding().id() > previousId);
                previousId = finding.finding().id();
                assertTrue("each finding once", keys.add(finding.key()));
                assertNotNull(finding.key(), finding.decision());
                assertNotNull(finding.key(), finding.entry());
                assertEquals(List.of("Nessus (Authenticated scan)"), finding.sources());
            }
            assertEquals(FINDINGS, keys.size());
            int pages = FINDINGS / EvidencePackService.PAGE + 1;
            assertTrue("statements for " + pages + " pages of findings: " + counting.count(),
                    counting.count() <= (pages + 1) * 5);

            int rank = 0;
            for (RankedDecision item : pack.queue()) {
                assertEquals(++rank, item.rank());
                assertTrue(item.decision().findingKey(), keys.contains(item.decision().findingKey()));
            }
            assertEquals(FINDINGS, rank);
            int entries = 0;
            for (RegisterItem item : pack.register()) {
                assertEquals(BIG, item.entry().cycleKey());
                entries++;
            }
            assertEquals(FINDINGS, entries);
            assertEquals(1, pack.validations().iterator().next() != null ? 1 : 0);
            long logged = 0;
            for (var ignored : pack.log()) {
                logged++;
            }
            assertEquals("the log as verified at assembly", pack.chain().entries(), logged);
            assertEquals(FINDINGS + 1, record.discovery().findings(BIG).size());
            assertTrue(pack.chain().intact());
            assertEquals(FINDINGS, (int) pack.metrics().byStage().get("prioritised"));
        }
    }
}
