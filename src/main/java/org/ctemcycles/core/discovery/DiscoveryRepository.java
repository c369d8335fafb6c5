package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.Signal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The port through which discovery stores runs, findings, signals and coverage; store/ implements it on Active
 * Objects. Every method that takes a collection works on the whole collection in a bounded number of statements
 * (bulk inserts, chunked IN queries), never one query per element.
 */
public interface DiscoveryRepository {


    /**
     * The complete run of this cycle that imported a report with this content, if any. Partial runs are not found: a
     * report read only in part may be imported again.
     */
    Optional<DiscoveryRun> findRunByContent(String cycleKey, String contentSha256);

    /**
     * Stores a run and returns its id. Its counts are zero until {@link #completeRun}, but for its warnings, which
     * count the warnings the run lists.
     */
    long insertRun(DiscoveryRun run);

    void completeRun(long runId, List<String> coveredSurfaces, RunCounts counts);

    /** The cycle's findings with these identity hashes, by hash. */
    Map<String, StoredFinding> findFindings(String cycleKey, Collection<String> identityHashes);

    /** Of these findings, those that a scan later than {@code at} saw (usually none: reports arrive in order). */
    Set<Long> seenAfter(Collection<Long> findingIds, Instant at);

    /**
     * Whether any run of the cycle scanned later than {@code at}. A signal is seen when its run scanned, so when no
     * run did, {@link #seenAfter} finds nothing for any finding of the cycle.
     */
    boolean scannedAfter(String cycleKey, Instant at);

    /**
     * Whether the cycle has a run besides {@code runId}. Every signal of a cycle comes from one of its runs, so when it
     * has none besides, all its live signals are this run's own.
     */
    boolean otherRuns(String cycleKey, long runId);

    /** Stores new findings (their ids are ignored) and returns their ids by identity hash. */
    Map<String, Long> insertFindings(List<StoredFinding> findings);

    /** Writes the changed fields of findings that already exist, as changed by run {@code runId}. */
    void updateFindings(List<StoredFinding> findings, long runId);

    void insertSignals(List<NewSignal> signals);

    void insertCoverage(List<CoverageRecord> coverage);

    /**
     * Hands over, one at a time, the live signals of one source in a cycle on the given surfaces seen before
     * {@code before}: every one of a finding {@code seen} refuses; those of findings it accepts (the run saw them, so
     * the caller passes them over) may be left out.
     */
    void liveSignals(String cycleKey, SourceKey source, Collection<String> surfaceKeys, Instant before,
                     LongPredicate seen, Consumer<LiveSignal> signal);

    void softDeleteSignals(Collection<Long> signalIds, long byRunId, Instant at);

    /** Of these findings, those that have no live signal left. */
    List<Long> findingsWithoutLiveSignals(Collection<Long> findingIds);

    /** Marks findings as fix candidates of a run. */
    void markFixCandidates(Collection<Long> findingIds, long runId);

    // ----- reads -----

    List<Finding> findings(String cycleKey);

    Optional<Finding> finding(long findingId);

    /** Up to {@code limit} findings a run saw, with ids above {@code afterId}, in id order. */
    List<Finding> findingsOfRun(String cycleKey, long runId, long afterId, int limit);

    /** Up to {@code limit} findings a run made fix candidates, with ids above {@code afterId}, in id order. */
    List<Finding> fixCandidatesOfRun(String cycleKey, long runId, long afterId, int limit);

    /** A finding's signals, oldest first, soft-deleted ones included. */
    List<Signal> signals(long findingId);

    /** The cycle's runs, newest scan first. */
    List<DiscoveryRun> runs(String cycleKey);

    List<CoverageRecord> coverage(String cycleKey);
}
