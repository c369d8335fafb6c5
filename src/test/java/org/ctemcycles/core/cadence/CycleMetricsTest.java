package org.ctemcycles.core.cadence;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;

/** What a checkpoint counts: findings per stage reached, per tier and per status, SLA breaches, surfaces covered. */
public class CycleMetricsTest {

    private static final Instant AT = Instant.parse("2026-07-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-08-01");

    private static RegisterEntry entry(String finding, FindingStatus status, String owner, String deadline,
                                       String issue) {
        return new RegisterEntry("A", finding, status, owner, deadline == null ? null : LocalDate.parse(deadline),
                "", "", "", issue, status == FindingStatus.RISK_ACCEPTED ? new RiskAcceptance("o", "c",
                LocalDate.parse("2026-12-31"), "lead", AT) : null, "", AT, AT);
    }

    private static Surface surface(String key) {
        return new Surface(key, "A", key, SurfaceKind.IDENTITY_SURFACE, "", Criticality.LOW, Exposure.INTERNAL, "",
                List.of());
    }

    @Test
    public void aRegisterIsCountedByStageTierStatusAndBreach() {
        List<RegisterEntry> register = List.of(
                entry("F-1", FindingStatus.OPEN, "bob", "2026-07-31", "SEC-1"),           // breach: past, needs work
                entry("F-2", FindingStatus.IN_PROGRESS, "bob", "2026-08-01", "SEC-2"),    // due today: no breach
                entry("F-3", FindingStatus.VERIFIED, "bob", "2026-07-01", "SEC-3"),       // done: no breach
                entry("F-4", FindingStatus.RISK_ACCEPTED, "", "2026-07-01", ""),          // accepted: no breach
                entry("F-5", FindingStatus.FALSE_POSITIVE, "", null, ""),
                entry("F-6", FindingStatus.REOPENED, "", null, ""));                       // no deadline: no breach
        MetricsSnapshot metrics = CycleMetrics.compute(register, Set.of("F-1", "F-5"),
                Map.of("F-1", "Act", "F-2", "Track", "F-3", "Track"), List.of(surface("S1"), surface("S2"),
                        surface("S3")), Set.of("S1", "S3", "OTHER"), TODAY);
        assertEquals(6, metrics.stage(MetricsSnapshot.DISCOVERED));
        assertEquals(3, metrics.stage(MetricsSnapshot.PRIORITISED));
        assertEquals(2, metrics.stage(MetricsSnapshot.VALIDATED));
        assertEquals(3, metrics.stage(MetricsSnapshot.MOBILISED));
        assertEquals(2, metrics.stage(MetricsSnapshot.CLOSED));
        assertEquals(Map.of("Act", 1, "Track", 2, MetricsSnapshot.UNRANKED, 3), metrics.byTier());
        assertEquals(1, metrics.status(FindingStatus.OPEN));
        assertEquals(1, metrics.status(FindingStatus.RISK_ACCEPTED));
        assertEquals(0, metrics.status(FindingStatus.RESOLVED));
        assertEquals(1, metrics.slaBreaches());
        assertEquals(3, metrics.surfacesInScope());
        assertEquals(2, metrics.surfacesCovered());
        assertEquals(metrics, MetricsSnapshot.decode(metrics.encode()));
    }

    @Test
    public void anEmptyCycleCountsNothing() {
        MetricsSnapshot metrics = CycleMetrics.compute(List.of(), Set.of(), Map.of(), List.of(), Set.of(), TODAY);
        assertEquals(0, metrics.stage(MetricsSnapshot.DISCOVERED));
        assertEquals(Map.of(), metrics.byTier());
        assertEquals(0, metrics.slaBreaches());
        assertEquals(metrics, MetricsSnapshot.decode(metrics.encode()));
    }
}
