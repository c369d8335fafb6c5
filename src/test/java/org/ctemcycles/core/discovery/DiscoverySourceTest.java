package org.ctemcycles.core.discovery;

import org.ctemcycles.core.common.InvalidInputException;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** A source's schedule: due at once, then every interval; backed off while it fails, capped; reset by success. */
public class DiscoverySourceTest {

    private static final Instant T0 = Instant.parse("2026-07-02T09:00:00Z");

    private static DiscoverySource source(Duration every) {
        return new DiscoverySource(1, "CTEM-1", "nightly", DiscoverySource.Kind.HTTPS, "https://ci.example.com/r",
                "", every, List.of(), null, "lead", null, "", 0);
    }

    @Test
    public void aSourceIsDueAtOnceThenEveryInterval() {
        DiscoverySource fresh = source(Duration.ofHours(6));
        assertNull(fresh.nextRunAt());
        assertTrue(fresh.due(T0));
        DiscoverySource ran = fresh.ran(T0, "imported as run 1", false);
        assertFalse(ran.due(T0.plus(Duration.ofHours(6)).minusMillis(1)));
        assertTrue(ran.due(T0.plus(Duration.ofHours(6))));
    }

    @Test
    public void failuresDoubleTheWaitUpToTheCapAndSuccessResetsIt() {
        DiscoverySource s = source(Duration.ofMinutes(30));
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            s = s.ran(T0, "failed: ConnectException", true);
            waits.add(s.nextWait());
        }
        assertEquals(List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(16), Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(24)), waits);
        assertEquals(T0.plus(Duration.ofHours(24)), s.nextRunAt());
        s = s.ran(T0, "imported as run 2", false);
        assertEquals(0, s.failures());
        assertEquals(Duration.ofMinutes(30), s.nextWait());
    }

    @Test
    public void aSourceSlowerThanTheCapKeepsItsIntervalAndManyFailuresDoNotOverflow() {
        DiscoverySource weekly = source(Duration.ofDays(7));
        for (int i = 0; i < 100; i++) {
            weekly = weekly.ran(T0, "failed", true);
        }
        assertEquals(100, weekly.failures());
        assertEquals(Duration.ofDays(7), weekly.nextWait());
    }

    @Test
    public void anIntervalIsWrittenAsPeopleWriteIt() {
        assertEquals(Duration.ofMinutes(30), DiscoverySource.parseEvery("every", "30m"));
        assertEquals(Duration.ofHours(6), DiscoverySource.parseEvery("every", " 6H "));
        assertEquals(Duration.ofDays(1), DiscoverySource.parseEvery("every", "1d"));
        assertEquals(Duration.ofMinutes(90), DiscoverySource.parseEvery("every", "PT1H30M"));
        for (String bad : new String[]{null, " ", "often", "6 hours"}) {
            try {
                DiscoverySource.parseEvery("every", bad);
                fail("accepted " + bad);
            } catch (InvalidInputException e) {
                assertEquals("every", e.problems().get(0).field());
            }
        }
    }
}
