package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Entity;
import net.java.ao.Query;
import org.ctemcycles.core.audit.FieldHash;
import org.ctemcycles.core.cadence.RecordRows;
import org.ctemcycles.core.cadence.RowLeaf;
import org.ctemcycles.core.evidence.Page;
import org.ctemcycles.core.evidence.Rows;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.priority.DecisionEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows record digests cover, hashed as stored: each register entry, finding and decision row becomes a leaf, the
 * SHA-256 of every column the app writes (in a fixed order, so a column added later does not change the leaves of
 * digests already committed), read a page at a time by keyset over the (cycle, id) and (run, position) indexes.
 */
public class AoRecordRows implements RecordRows {

    static final int PAGE = 500;

    private final ActiveObjects ao;
    private final AoEvidenceSource evidence;

    /** @param encoding how a stored decision is read, as the evidence source reads it */
    public AoRecordRows(ActiveObjects ao, DecisionEncoding encoding) {
        this.ao = ao;
        this.evidence = new AoEvidenceSource(ao, encoding);
    }

    @Override
    public Iterable<RowLeaf> register(String cycleKey) {
        return byCycle(RegisterEntryEntity.class, cycleKey, r -> new RowLeaf(r.getID(), r.getFindingKey(),
                FieldHash.start().add(r.getEntryKey()).add(r.getCycleKey()).add(r.getFindingKey()).add(r.getStatus())
                        .add(r.getOwner()).add(r.getDeadline()).add(r.getDeadlineSetBy()).add(r.getDeadlineReason())
                        .add(r.getChangeRecord()).add(r.getDependency()).add(r.getVerificationStep())
                        .add(r.getTrackerIssue()).add(r.getAcceptanceOwner()).add(r.getAcceptanceControl())
                        .add(r.getAcceptanceExpiry()).add(r.getAcceptedBy()).add(r.getAcceptedAtMillis())
                        .add(r.getCarriedFrom()).add(r.getEnrolledAtMillis()).add(r.getUpdatedAtMillis()).hex(), 0));
    }

    @Override
    public Iterable<RowLeaf> findings(String cycleKey) {
        return byCycle(FindingEntity.class, cycleKey, f -> new RowLeaf(f.getID(), Finding.keyOf(f.getIdentityHash()),
                FieldHash.start().add(f.getCycleKey()).add(f.getFindingKey()).add(f.getIdentityHash())
                        .add(f.getIdentityKind()).add(f.getSurfaceKey()).add(f.getAssetKind()).add(f.getAssetKey())
                        .add(f.getAssetValue()).add(f.getTitle()).add(f.getTool()).add(f.getRuleId())
                        .add(f.getLocation()).add(f.getSeverity()).add(f.getSourceSeverities()).add(f.getStatus())
                        .add(f.getCves()).add(f.getCwes()).add(f.getCvssVectors()).add(f.getFirstSeenMillis())
                        .add(f.getFirstRunId()).add(f.getChangedByRunId()).add(f.getFixCandidateRunId()).hex(),
                Math.max(f.getChangedByRunId(), f.getFixCandidateRunId())));
    }

    /** A cycle's rows of {@code type}, a page at a time by id over its (cycle, id) index. */
    private <E extends Entity> Iterable<RowLeaf> byCycle(Class<E> type, String cycleKey, Function<E, RowLeaf> leaf) {
        return new Rows<>(after -> {
            E[] rows = ao.find(type, Query.select().where("CYCLE_KEY = ? AND ID > ?", cycleKey, (int) after)
                    .order("CYCLE_KEY ASC, ID ASC").limit(PAGE));
            List<RowLeaf> page = new ArrayList<>(rows.length);
            for (E row : rows) {
                page.add(leaf.apply(row));
            }
            return new Page<>(page, rows.length == 0 ? after : rows[rows.length - 1].getID());
        });
    }

    @Override
    public Iterable<RowLeaf> decisions(String runId) {
        return new Rows<>(after -> {
            List<RowLeaf> page = new ArrayList<>();
            DecisionEntity[] rows = ao.find(DecisionEntity.class, Query.select()
                    .where("RUN_ID = ? AND QUEUE_POSITION > ?", runId, (int) after)
                    .order("RUN_ID ASC, QUEUE_POSITION ASC").limit(PAGE));
            for (DecisionEntity d : rows) {
                page.add(new RowLeaf(d.getQueuePosition(), d.getFindingKey(), FieldHash.start()
                        .add(d.getFindingKey()).add(d.getCycleKey()).add(d.getRunId()).add(d.getQueuePosition())
                        .add(d.getScore()).add(d.getTier()).add(d.getSsvcOutcome()).add(d.getDeadline())
                        .add(d.getDeadlineRule()).add(d.getPolicyId()).add(d.getPolicyVersion())
                        .add(d.getDecidedAtMillis()).add(d.getDecisionJson()).hex(), 0));
            }
            return new Page<>(page, rows.length == 0 ? after : rows[rows.length - 1].getQueuePosition());
        });
    }

    @Override
    public Optional<String> queueRun(String cycleKey) {
        return evidence.queueRun(cycleKey);
    }

    @Override
    public long lastRun(String cycleKey) {
        DiscoveryRunEntity[] runs = ao.find(DiscoveryRunEntity.class, Query.select("ID")
                .where("CYCLE_KEY = ?", cycleKey).order("ID DESC").limit(1));
        return runs.length == 0 ? 0 : runs[0].getID();
    }
}
