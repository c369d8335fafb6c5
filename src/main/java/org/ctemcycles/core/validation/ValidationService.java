package org.ctemcycles.core.validation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.MobilisationService;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.StatusCause;
import org.ctemcycles.core.mobilisation.StatusChanges;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation: records how a finding in a cycle's register was tested and what came out, with notes, evidence
 * references, who and when. The outcome moves the finding's status (a passed retest verifies it, a refutation makes
 * it a false positive, a failed retest reopens a fix) and {@link #latestOutcomes} feeds the next prioritisation.
 */
public class ValidationService {

    static final int MAX_NOTES = 10_000;
    static final int MAX_EVIDENCE_REFS = 50;
    static final int MAX_EVIDENCE_REF_LENGTH = 1_000;

    private final CycleService cycles;
    private final MobilisationService mobilisation;
    private final ValidationRepository validations;
    private final StatusChanges statusChanges;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public ValidationService(CycleService cycles, MobilisationService mobilisation, ValidationRepository validations,
                             StatusChanges statusChanges, ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.mobilisation = mobilisation;
        this.validations = validations;
        this.statusChanges = statusChanges;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a validation of a finding in the cycle's register and applies its outcome to the finding's status.
     * A retest yields "retest passed" or "retest failed"; the other methods yield the other outcomes.
     *
     * @throws InvalidInputException listing every problem of the draft
     */
    public ValidationRecord record(String cycleKey, String findingKey, ValidationDraft draft, String actor) {
        List<Problem> problems = new ArrayList<>();
        ValidationMethod method = Choices.parse("method", draft.method(), ValidationMethod.class, true, problems);
        ValidationOutcome outcome = Choices.parse("outcome", draft.outcome(), ValidationOutcome.class, true,
                problems);
        if (method != null && outcome != null) {
            boolean retestOutcome = outcome == ValidationOutcome.RETEST_PASSED
                    || outcome == ValidationOutcome.RETEST_FAILED;
            if (retestOutcome != (method == ValidationMethod.RETEST)) {
                problems.add(new Problem("outcome", retestOutcome
                        ? "'" + Choices.typed(outcome) + "' is the outcome of a retest, not of a "
                        + method.label().toLowerCase()
                        : "a retest passes or fails (retest-passed, retest-failed), it does not find '"
                        + Choices.typed(outcome) + "'"));
            }
        }
        String notes = draft.notes() == null ? "" : draft.notes().trim();
        if (notes.length() > MAX_NOTES) {
            problems.add(new Problem("notes", "are " + notes.length() + " characters long; at most " + MAX_NOTES
                    + " are allowed"));
        }
        List<String> evidence = evidence(draft.evidenceRefs() == null ? List.of() : draft.evidenceRefs(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            RegisterEntry entry = mobilisation.entry(cycle.key(), findingKey);
            Instant now = clock.instant();
            FindingStatus before = entry.status();
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.VALIDATION_RECORDED,
                    LogRecord.findingSubject(entry.findingKey()), StateText.of("status", before.name()).toString(),
                    StateText.of("method", method.name()).and("outcome", outcome.name()).and("notes", notes)
                            .and("evidence", String.join("\n", evidence)).toString()));
            FindingStatus after = outcome.nextStatus(before)
                    .map(next -> statusChanges.apply(entry, next, StatusCause.VALIDATION, null,
                            outcome.label(), actor, now, LogAction.STATUS_CHANGED).status())
                    .orElse(before);
            ValidationRecord record = new ValidationRecord(cycle.key(), entry.findingKey(), method, outcome, notes,
                    evidence, actor, now, before, after);
            validations.insert(record);
            return record;
        });
    }

    /** The cycle's validations, oldest first. */
    public List<ValidationRecord> list(String cycleKey) {
        return validations.list(cycles.get(cycleKey).key());
    }

    /** The finding's validations in every cycle, oldest first. */
    public List<ValidationRecord> history(String findingKey) {
        return validations.byFinding(findingKey == null ? "" : findingKey.trim());
    }

    /**
     * The latest validation outcome of each validated finding of the cycle: what prioritisation weighs next (a
     * confirmed exploit raises a finding; a refutation or a working control lowers it).
     */
    public Map<String, ValidationOutcome> latestOutcomes(String cycleKey) {
        Map<String, ValidationOutcome> latest = new LinkedHashMap<>();
        list(cycleKey).forEach(r -> latest.put(r.findingKey(), r.outcome()));
        return latest;
    }

    private static List<String> evidence(List<String> raw, List<Problem> problems) {
        List<String> refs = new ArrayList<>();
        for (String ref : raw) {
            String text = ref == null ? "" : ref.trim();
            if (!text.isEmpty()) {
                refs.add(text);
            }
        }
        if (refs.size() > MAX_EVIDENCE_REFS) {
            problems.add(new Problem("evidence", refs.size() + " references given; at most " + MAX_EVIDENCE_REFS
                    + " are allowed"));
        }
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).length() > MAX_EVIDENCE_REF_LENGTH || refs.get(i).chars().anyMatch(Character::isISOControl)) {
                problems.add(new Problem("evidence[" + (i + 1) + "]", "a reference is one line of at most "
                        + MAX_EVIDENCE_REF_LENGTH + " characters (a file name, URL or id)"));
            }
        }
        return refs;
    }
}
