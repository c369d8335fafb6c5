package org.ctemcycles.core.evidence;

import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A cycle's evidence pack, assembled from the live record by {@link EvidencePackService}: the small sections held,
 * the large ones ({@link Rows}) read again from the record whenever a rendering iterates them, so a pack of any size
 * renders in bounded memory. One model for every rendering (HTML, JSON, CSV, VEX).
 *
 * @param scopeRecordedAt      when the objectives, success criteria or a surface were last recorded before discovery
 *                             started (null if never)
 * @param discoveryStartedAt   when the cycle entered Discovery or first imported, whichever came first (null if not yet)
 * @param surfaceChanges       log entries of surfaces added or changed after discovery started
 * @param policy               the policy of the current queue ("ctem-default v1"), or "" when never prioritised
 * @param feeds                the feeds the current queue used, with their freshness
 * @param asOf                 the moment the pack's figures are counted at: the closure of a closed cycle (so that
 *                             reading a closed cycle again gives the same figures whenever it is read), else
 *                             {@code generatedAt}
 * @param closure              the closure summary, or null while the cycle is open
 * @param recommendation       the scope the closed cycle recommends for the next one and what the next cycle took of
 *                             it; empty while the cycle is open
 * @param metrics              the cycle's metrics as of {@code asOf}
 * @param records              the record digests committed at checkpoints and closure, and what verifying them found
 * @param validationsSinceQueue validations recorded after the current queue was ranked: its factors predate them
 */
public record EvidencePack(Cycle cycle, Instant generatedAt, String generatedBy, Instant asOf, List<Surface> surfaces,
                           Instant scopeRecordedAt, Instant discoveryStartedAt, List<LogEntry> surfaceChanges,
                           List<DiscoveryRun> runs, CoverageMatrix coverage, Rows<FindingEvidence> findings,
                           String policy, List<FeedUse> feeds, Rows<RankedDecision> queue, int validationsSinceQueue,
                           Rows<ValidationRecord> validations, Rows<RegisterItem> register,
                           MetricsSnapshot metrics, CheckpointSchedule checkpoints, ClosureSummary closure,
                           CadenceRecord cadence, ChainReport chain, RecordReport records, Rows<LogEntry> log,
                           List<ItemStatus> items, List<ControlCoverage> controls,
                           List<RecommendedItem> recommendation) {

    public EvidencePack {
        Objects.requireNonNull(cycle, "cycle");
        asOf = asOf == null ? generatedAt : asOf;
        surfaces = List.copyOf(surfaces);
        surfaceChanges = List.copyOf(surfaceChanges);
        runs = List.copyOf(runs);
        feeds = List.copyOf(feeds);
        items = List.copyOf(items);
        controls = List.copyOf(controls);
        recommendation = recommendation == null ? List.of() : List.copyOf(recommendation);
    }

    /** Whether the scope was recorded before discovery started (the framework's requirement for the scoping document). */
    public boolean scopedBeforeDiscovery() {
        return scopedBefore(scopeRecordedAt, discoveryStartedAt);
    }

    static boolean scopedBefore(Instant scopeRecordedAt, Instant discoveryStartedAt) {
        return scopeRecordedAt != null && (discoveryStartedAt == null || !scopeRecordedAt.isAfter(discoveryStartedAt));
    }

    /** Whether the activity log and the record digests verify. */
    public boolean recordIntact() {
        return chain.intact() && (records == null || records.intact());
    }

    public ItemStatus item(EvidenceItem item) {
        return items.stream().filter(s -> s.item() == item).findFirst().orElseThrow();
    }
}
