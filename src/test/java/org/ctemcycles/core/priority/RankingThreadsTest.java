package org.ctemcycles.core.priority;

import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A ranking runs on the app's own threads, never the JVM's common pool, and gives what one thread gives. */
public class RankingThreadsTest {

    private static final String[] VECTORS = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/AU:Y",
            "AV:N/AC:L/Au:N/C:P/I:P/A:P"};

    @Test
    public void rankingOnSeveralThreadsEqualsRankingOnTheCallersThread() {
        List<PriorityInput> inputs = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Facts facts = finding("F-" + i).cve("CVE-2025-" + (10_000 + random.nextInt(3_000)));
            if (random.nextInt(5) > 0) {
                facts.cvss(VECTORS[random.nextInt(VECTORS.length)]);
            }
            if (random.nextInt(4) > 0) {
                facts.on(Criticality.values()[random.nextInt(4)], Exposure.values()[random.nextInt(2)]);
            }
            if (random.nextInt(10) == 0) {
                facts.exploitation(Exploitation.ACTIVE);
            }
            if (random.nextInt(12) == 0) {
                facts.validated(ValidationOutcome.values()[random.nextInt(ValidationOutcome.values().length)]);
            }
            inputs.add(facts.firstSeen("2025-0" + (1 + random.nextInt(8)) + "-1" + random.nextInt(10)).build());
        }
        List<Decision> alone = PriorityEngine.of(PriorityPolicy.defaults()).prioritise(inputs, null, null,
                PriorityEngineTest.NOW);
        try (RankingThreads threads = RankingThreads.of(3)) {
            List<Decision> shared = PriorityEngine.of(PriorityPolicy.defaults(), threads).prioritise(inputs, null,
                    null, PriorityEngineTest.NOW);
            assertEquals(alone, shared);
        }
    }

    @Test
    public void partsRunOnTheRankingThreadsAndTheCallerNeverOnTheCommonPool() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicLong covered = new AtomicLong();
        try (RankingThreads threads = RankingThreads.of(2)) {
            threads.inParts(100_000, (from, to) -> {
                names.add(Thread.currentThread().getName());
                covered.addAndGet(to - from);
            });
        }
        assertEquals("every item in exactly one part", 100_000, covered.get());
        assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("ctem-ranking-")));
        assertTrue(names.toString(), names.stream().allMatch(n -> n.startsWith("ctem-ranking-")
                || n.equals(Thread.currentThread().getName())));
    }

    @Test
    public void aFailingPartFailsTheRanking() {
        try (RankingThreads threads = RankingThreads.of(2)) {
            threads.inParts(100_000, (from, to) -> {
                if (from == 0) {
                    throw new IllegalStateException("part 0 broke");
                }
            });
            fail();
        } catch (IllegalStateException expected) {
            assertEquals("part 0 broke", expected.getMessage());
        }
    }

    @Test
    public void closedThreadsTakeNoMoreWorkAndSizesAreChecked() {
        RankingThreads threads = RankingThreads.of(1);
        threads.close();
        try {
            threads.inParts(100_000, (from, to) -> { });
            fail();
        } catch (RejectedExecutionException expected) {
            // the app closed them
        }
        try {
            RankingThreads.of(0);
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("at least one thread"));
        }
        assertEquals(1, RankingThreads.callerOnly().parallelism());
    }
}
