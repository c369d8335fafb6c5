package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.Issue;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.FindingRecord;
import org.ctemcycles.core.evidence.FindingRecords;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationService;
import org.ctemcycles.jira.panel.IssueFindings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each CTEM field shows for an issue, read from the record when Jira asks (to index the issue, or to show it):
 * nothing for an issue no finding was mobilised into. The issue is linked to its finding the way the issue view's
 * panel links it ({@link IssueFindings}, by the issue's id over an index), and each field reads only the parts of
 * the record it shows, so a field costs a fixed number of statements whatever the size of the cycle.
 * Text values are lower-case codes ({@code critical}, {@code in-progress}) so that JQL matches them as typed.
 */
public final class CtemFieldValues {

    private final IssueFindings issues;
    private final FindingRecords records;
    private final ValidationService validation;

    public CtemFieldValues(FindingRecords records, ValidationService validation) {
        this.issues = new IssueFindings(records);
        this.records = records;
        this.validation = validation;
    }

    /**
     * The field's value for the issue: a Double, a LocalDate (the day; its field type makes it the Date Jira's
     * searcher indexes) or a String by the field's kind; null when none.
     */
    public Object valueOf(CtemField field, Issue issue) {
        Optional<RegisterEntry> found = issues.entryOf(issue);
        if (found.isEmpty()) {
            return null;
        }
        RegisterEntry entry = found.get();
        return switch (field) {
            case CYCLE -> entry.cycleKey();
            case STATUS -> code(entry.status());
            case STAGE -> code(records.cycleOf(entry).stage());
            case VALIDATION -> latestValidation(entry);
            case RANK, SCORE, TIER, KEV, DEADLINE -> fromQueue(field, entry);
        };
    }

    private Object fromQueue(CtemField field, RegisterEntry entry) {
        Cycle cycle = records.cycleOf(entry);
        FindingRecord record = records.of(cycle, entry, false);
        if (field == CtemField.DEADLINE) {
            return record.deadlineInForce();
        }
        RankedDecision item = record.queueItem();
        if (item == null) {
            return null;
        }
        return switch (field) {
            case RANK -> (double) item.rank();
            case SCORE -> item.decision().scorePoints().doubleValue();
            case TIER -> code(item.decision().tier());
            case KEV -> item.decision().inKev() ? "yes" : "no";
            default -> throw new IllegalArgumentException(field.name());
        };
    }

    /** The outcome of the finding's newest validation in the entry's cycle, or null when it was not validated. */
    private String latestValidation(RegisterEntry entry) {
        List<ValidationRecord> history = validation.history(entry.findingKey());
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).cycleKey().equals(entry.cycleKey())) {
                return code(history.get(i).outcome());
            }
        }
        return null;
    }

    /** An enum constant as JQL users type it: {@code IN_PROGRESS} is {@code in-progress}. */
    static String code(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
