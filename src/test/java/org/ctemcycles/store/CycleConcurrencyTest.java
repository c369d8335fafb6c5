package org.ctemcycles.store;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.testing.CycleRecordFixture;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.ctemcycles.testing.CycleRecordFixture.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Optimistic concurrency on cycle state, and activity log appends racing on one chain, on H2 and PostgreSQL: two
 * transitions from the same revision, one wins and the other gets a clear conflict; concurrent changes in one cycle
 * all land in one unforked chain.
 */
@RunWith(Parameterized.class)
public class CycleConcurrencyTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private CycleRecordFixture fixture;
    private ExecutorService pool;

    public CycleConcurrencyTest(TestDatabase database) {
        this.database = database;
    }

    @After
    public void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        fixture.close();
    }

    /** A scope register whose first two reads wait for each other: both transitions are inside their gate check. */
    private static final class MeetingScope implements ScopeRegister {
        private final ScopeRegister delegate;
        private final CyclicBarrier meeting = new CyclicBarrier(2);
        private final AtomicBoolean armed = new AtomicBoolean(true);

        MeetingScope(ScopeRegister delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Surface> list(String cycleKey) {
            if (armed.get()) {
                try {
                    meeting.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the two transitions did not meet", e);
                }
                armed.set(false);
            }
            return delegate.list(cycleKey);
        }

        @Override
        public Optional<Surface> find(String cycleKey, String surfaceKey) {
            return delegate.find(cycleKey, surfaceKey);
        }

        @Override
        public boolean add(Surface surface) {
            return delegate.add(surface);
        }

        @Override
        public void update(Surface surface) {
            delegate.update(surface);
        }
    }

    @Test
    public void twoConcurrentTransitionsOneWinsTheOtherGetsAClearConflict() throws Exception {
        MeetingScope[] meeting = new MeetingScope[1];
        fixture = new CycleRecordFixture(database.open(), "2026-06-20", scope -> meeting[0] = new MeetingScope(scope));
        meeting[0].armed.set(false);
        fixture.openScoped("CTEM-1");
        meeting[0].armed.set(true);
        pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String who : List.of("lead", "lead")) {
            Callable<String> advance = () -> {
                try {
                    return "moved to " + fixture.record.stages().advance("CTEM-1", Stage.DISCOVERY, null, who)
                            .cycle().stage().label();
                } catch (ConflictException e) {
                    return "conflict: " + e.getMessage();
                }
            };
            outcomes.add(pool.submit(advance));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        assertEquals(results.toString(), 1, results.stream().filter(r -> r.equals("moved to Discovery")).count());
        String conflict = results.stream().filter(r -> r.startsWith("conflict")).findFirst().orElseThrow();
        assertEquals("conflict: cycle CTEM-1 was changed by someone else while this change was made (it is at"
                + " revision 3; this change started from revision 2); reload it and try again", conflict);
        Cycle cycle = fixture.record.cycles().get("CTEM-1");
        assertEquals(Stage.DISCOVERY, cycle.stage());
        assertEquals(3, cycle.version());
        assertEquals("exactly one transition was logged", 1, fixture.record.log().chain("CTEM-1").stream()
                .filter(e -> e.action().equals("STAGE_ADVANCED")).count());
        assertTrue(fixture.record.log().verify("CTEM-1").intact());
    }

    @Test
    public void aChangeFromAStaleRevisionIsRefused() {
        fixture = new CycleRecordFixture(database, "2026-06-20");
        fixture.openScoped("CTEM-1");
        Cycle stale = fixture.record.cycles().get("CTEM-1");
        fixture.record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
        AoCycleRepository repository = new AoCycleRepository(fixture.ao);
        try {
            repository.update(stale.withStage(Stage.PRIORITISATION));
            fail("the cycle moved on since it was read");
        } catch (ConflictException e) {
            assertEquals("cycle CTEM-1 was changed by someone else while this change was made (it is at revision 3;"
                    + " this change started from revision 2); reload it and try again",
                    e.getMessage());
            assertTrue(!e.retryable());
        }
        assertEquals(Stage.DISCOVERY, fixture.record.cycles().get("CTEM-1").stage());
    }

    @Test
    public void concurrentChangesInOneCycleLandInOneUnforkedChain() throws Exception {
        fixture = new CycleRecordFixture(database, "2026-06-20");
        fixture.open("CTEM-1");
        int threads = 4;
        int changes = 10;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < changes; i++) {
                    fixture.record.mobilisation().enrol("CTEM-1", List.of("F-" + thread + "-" + i), "importer-" + thread);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        List<LogEntry> chain = fixture.record.log().chain("CTEM-1");
        assertEquals(1 + threads * changes, chain.size());
        assertEquals(LongStream.rangeClosed(1, chain.size()).boxed().toList(),
                chain.stream().map(LogEntry::sequence).toList());
        assertTrue(String.valueOf(fixture.record.log().verify("CTEM-1").firstBreak()),
                fixture.record.log().verify("CTEM-1").intact());
        assertEquals(threads * changes, fixture.record.mobilisation().register("CTEM-1").size());
    }
}
