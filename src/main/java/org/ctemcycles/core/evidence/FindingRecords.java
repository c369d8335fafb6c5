package org.ctemcycles.core.evidence;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationService;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One finding's record read for the issue it was mobilised into (the issue view's prioritisation panel): a fixed
 * number of queries however large the cycle, and nothing cached (every node reads the same database).
 */
public final class FindingRecords {

    private final CycleService cycles;
    private final ValidationService validation;
    private final FindingRecordSource source;

    public FindingRecords(CycleService cycles, ValidationService validation, FindingRecordSource source) {
        this.cycles = cycles;
        this.validation = validation;
        this.source = source;
    }

    /**
     * The register entry the tracker issue with this id (or, for a tracker that names issues by key, this key) works
     * on: of the entries that name the issue (a handed-over finding keeps its issue in the next cycle), the newest
     * enrolment, which is where the finding's work is now.
     */
    public Optional<RegisterEntry> trackedBy(Long issueId, String issueKey) {
        String key = issueKey == null || issueKey.isBlank() ? null : issueKey.trim();
        if (issueId == null && key == null) {
            return Optional.empty();
        }
        List<RegisterEntry> entries = source.trackedBy(issueId == null ? null : issueId.toString(), key);
        return entries.stream().max(Comparator.comparing(RegisterEntry::enrolledAt));
    }

    /** The cycle the entry belongs to (callers check who may see it before reading the rest). */
    public Cycle cycleOf(RegisterEntry entry) {
        return cycles.get(entry.cycleKey());
    }

    /**
     * The whole record of the entry's finding in the entry's cycle, {@code cycle} as {@link #cycleOf} read it.
     *
     * @param withValidations whether to read the finding's validations (evidence, which not every reader may see);
     *                        without them the record holds none
     */
    public FindingRecord of(Cycle cycle, RegisterEntry entry, boolean withValidations) {
        if (!cycle.key().equals(entry.cycleKey())) {
            throw new IllegalArgumentException("the entry of " + entry.findingKey() + " is in cycle "
                    + entry.cycleKey() + ", not " + cycle.key());
        }
        FindingRecordSource.QueuePlace place = source.queuePlace(entry.cycleKey(), entry.findingKey());
        Finding finding = source.finding(entry).orElse(null);
        return new FindingRecord(cycle, entry, finding, place.item(), place.length(), withValidations,
                withValidations ? validation.history(entry.findingKey()) : List.of());
    }
}
