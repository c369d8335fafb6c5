package org.ctemcycles.core.evidence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.ChainVerifier;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationRecord;

import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The large lists of a cycle's record a page at a time, as the REST API serves them: findings, discovery runs, the
 * queue, validations, the register (whole or one status) and the activity log. They are the evidence pack's keyset
 * pages ({@link EvidenceSource}) without its snapshot bound, so a page costs the same wherever it starts, reads at
 * most one row beyond itself, and rows added meanwhile never shift a page. Callers have checked the cycle and pass
 * its key as stored.
 */
public final class RecordPages {

    /** The most rows one page may ask for. */
    public static final int MAX_LIMIT = 500;
    /** No snapshot bound: ids (and log sequence numbers) are at most this. */
    private static final long UNBOUNDED = Integer.MAX_VALUE;

    private final EvidenceSource source;
    private final ActivityLog log;

    public RecordPages(EvidenceSource source, ActivityLog log) {
        this.source = source;
        this.log = log;
    }

    /** The cycle's findings by id (discovery order), each with its sources, newest decision and register entry. */
    public Page<FindingEvidence> findings(String cycleKey, long after, int limit) {
        return source.findings(cycleKey, after, UNBOUNDED, checked(limit));
    }

    /** The cycle's finding with this key, joined as in {@link #findings}; empty when discovery has none. */
    public Optional<FindingEvidence> finding(String cycleKey, String findingKey) {
        return source.finding(cycleKey, findingKey);
    }

    /** The cycle's discovery runs by id (the order they were recorded). */
    public Page<DiscoveryRun> runs(String cycleKey, long after, int limit) {
        return source.runs(cycleKey, after, checked(limit));
    }

    /** A page of one ranking of the queue: the run that ranked it (null when never prioritised) and its items. */
    public record QueuePage(String run, Page<RankedDecision> page) {
    }

    /**
     * The cycle's current queue by rank.
     *
     * @param run the ranking the caller's previous page came from, or null for the first page
     * @throws ConflictException when the cycle was ranked again since that page: a later page of the old ranking
     *                           would mix two rankings
     */
    public QueuePage queue(String cycleKey, String run, long after, int limit) {
        Optional<String> current = source.queueRun(cycleKey);
        if (run != null && !current.map(run::equals).orElse(false)) {
            throw new ConflictException("the queue of " + cycleKey + " was ranked again since the previous page was"
                    + " read; read it again from its first page");
        }
        return current.map(r -> new QueuePage(r, source.queue(r, after, checked(limit))))
                .orElseGet(() -> new QueuePage(null, new Page<>(List.of(), 0, false)));
    }

    /** The cycle's validations by id (the order recorded). */
    public Page<ValidationRecord> validations(String cycleKey, long after, int limit) {
        return source.validations(cycleKey, after, UNBOUNDED, checked(limit));
    }

    /** The cycle's register by id (the order findings entered it); with a status, only the entries in it. */
    public Page<RegisterEntry> register(String cycleKey, FindingStatus status, long after, int limit) {
        return status == null ? source.register(cycleKey, after, UNBOUNDED, checked(limit))
                : source.register(cycleKey, status, after, checked(limit));
    }

    /** The whole register, read a page at a time while it is iterated (for counts, never held whole). */
    public Iterable<RegisterEntry> register(String cycleKey) {
        return new Rows<>(after -> source.register(cycleKey, after, UNBOUNDED, MAX_LIMIT));
    }

    /** How many of the cycle's findings each surface holds ("" for those outside every surface). */
    public Map<String, Integer> findingsBySurface(String cycleKey) {
        return source.findingsBySurface(cycleKey);
    }

    /** The current queue's scores in ten bands of ten points (all zero when the cycle was never prioritised). */
    public long[] scoreDeciles(String cycleKey) {
        return source.queueRun(cycleKey).map(source::scoreDeciles).orElseGet(() -> new long[10]);
    }

    /** The cycle's activity log by sequence. */
    public Page<LogEntry> log(String cycleKey, long after, int limit) {
        return source.log(cycleKey, after, UNBOUNDED, checked(limit));
    }

    /** Verifies the cycle's hash chain, reading the log a page at a time (a long log is never held whole). */
    public ChainReport verify(String cycleKey) {
        ChainHead head = log.head(cycleKey).orElse(null);
        return ChainVerifier.verify(cycleKey, new Rows<>(after -> source.log(cycleKey, after, UNBOUNDED, MAX_LIMIT)),
                head);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " rows, not " + limit);
        }
        return limit;
    }
}
