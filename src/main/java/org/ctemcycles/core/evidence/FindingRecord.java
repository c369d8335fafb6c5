package org.ctemcycles.core.evidence;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationRecord;

import java.util.List;
import java.util.Objects;

/**
 * One finding's record as the engineer working its issue needs it: the cycle and register entry it was mobilised
 * from, what discovery knows of it, its place in the cycle's current queue with the decision behind it, and every
 * validation of it, in any cycle.
 *
 * @param finding     discovery's newest record of it, or null when discovery holds none (entered by key)
 * @param queueItem   its rank and decision in the cycle's current queue, or null when not (yet) prioritised
 * @param queueLength how many items that queue has (0 when never prioritised)
 * @param validationsRead whether the validations were read (they are evidence, which not every reader may see)
 * @param validations its validations in every cycle, oldest first (none when not read)
 */
public record FindingRecord(Cycle cycle, RegisterEntry entry, Finding finding, RankedDecision queueItem,
                            int queueLength, boolean validationsRead, List<ValidationRecord> validations) {

    public FindingRecord {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(entry, "entry");
        validations = List.copyOf(validations);
    }

    public String findingKey() {
        return entry.findingKey();
    }
}
