package org.ctemcycles.core.evidence;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.validation.ValidationRecord;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the evidence pack reads the large parts of a cycle's live record a page at a time, in a
 * stable order, each page in a bounded number of queries (never one per row). Cursors start at 0; {@code upTo} is
 * the {@link Snapshot} bound of the section (ids, or log sequence numbers, above it are not read). The REST API reads
 * its paged lists through the same port ({@link RecordPages}). Every page says whether more rows follow it.
 */
public interface EvidenceSource {

    /** Where the cycle's record ends now. */
    Snapshot snapshot(String cycleKey);

    /** The cycle's findings in discovery order, each joined with its sources, decision and register entry. */
    Page<FindingEvidence> findings(String cycleKey, long after, long upTo, int limit);

    /** The cycle's latest prioritisation run, whose decisions are its current queue; empty if never prioritised. */
    Optional<String> queueRun(String cycleKey);

    /** A prioritisation run's decisions in rank order. */
    Page<RankedDecision> queue(String runId, long after, int limit);

    /** The cycle's validation records in the order recorded. */
    Page<ValidationRecord> validations(String cycleKey, long after, long upTo, int limit);

    /** The cycle's register entries in the order they entered it. */
    Page<RegisterEntry> register(String cycleKey, long after, long upTo, int limit);

    /** The cycle's register entries with this status, in the order they entered the register. */
    Page<RegisterEntry> register(String cycleKey, FindingStatus status, long after, int limit);

    /**
     * The cycle's finding with this key ({@code Finding.key()}), joined as in {@link #findings}; empty when discovery
     * recorded no such finding in the cycle.
     */
    Optional<FindingEvidence> finding(String cycleKey, String findingKey);

    /** The cycle's discovery runs in the order they were recorded. */
    Page<DiscoveryRun> runs(String cycleKey, long after, int limit);

    /** The cycle's activity log in sequence order. */
    Page<LogEntry> log(String cycleKey, long after, long upTo, int limit);

    /**
     * The newest decision in the cycle of each of the given findings, by finding key: for a finding in the register,
     * its decision in the current queue (every ranking ranks the whole register).
     */
    Map<String, Decision> latestDecisions(String cycleKey, Collection<String> findingKeys);

    /** The register entries of the given findings in the cycle, by finding key (one query per call). */
    Map<String, RegisterEntry> registerEntries(String cycleKey, Collection<String> findingKeys);

    /** The newest validation of each of the given findings in the cycle, by finding key (one query per call). */
    Map<String, ValidationRecord> latestValidations(String cycleKey, Collection<String> findingKeys);

    /**
     * How many of the cycle's findings each surface holds, by surface key ("" for findings outside every surface);
     * the cycle's findings streamed over its (cycle, id) index, three columns each, no finding read whole.
     */
    Map<String, Integer> findingsBySurface(String cycleKey);

    /**
     * How many decisions of a prioritisation run fall in each tenth of the score range: index 0 holds scores below
     * 10.0, index 9 scores from 90.0 to 100.0 (summary columns only).
     */
    long[] scoreDeciles(String runId);
}
