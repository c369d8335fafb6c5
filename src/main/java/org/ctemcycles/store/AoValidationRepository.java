package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.validation.ValidationMethod;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationRepository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Validation records on Active Objects ({@link ValidationEntity}); evidence references one per line. */
public class AoValidationRepository implements ValidationRepository {

    private final ActiveObjects ao;

    public AoValidationRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insert(ValidationRecord record) {
        ao.create(ValidationEntity.class,
                new DBParam("CYCLE_KEY", record.cycleKey()),
                new DBParam("FINDING_KEY", record.findingKey()),
                new DBParam("METHOD", record.method().name()),
                new DBParam("OUTCOME", record.outcome().name()),
                new DBParam("NOTES", record.notes()),
                new DBParam("EVIDENCE_REFS", String.join("\n", record.evidenceRefs())),
                new DBParam("VALIDATED_BY", record.validatedBy()),
                new DBParam("VALIDATED_AT_MILLIS", record.validatedAt().toEpochMilli()),
                new DBParam("STATUS_BEFORE", record.statusBefore().name()),
                new DBParam("STATUS_AFTER", record.statusAfter().name()));
    }

    @Override
    public List<ValidationRecord> list(String cycleKey) {
        return records(Query.select().where("CYCLE_KEY = ?", cycleKey).order("VALIDATED_AT_MILLIS ASC, ID ASC"));
    }

    @Override
    public List<ValidationRecord> byFinding(String findingKey) {
        return records(Query.select().where("FINDING_KEY = ?", findingKey).order("VALIDATED_AT_MILLIS ASC, ID ASC"));
    }

    @Override
    public int count(String cycleKey) {
        return ao.count(ValidationEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey));
    }

    private List<ValidationRecord> records(Query query) {
        return Arrays.stream(ao.find(ValidationEntity.class, query)).map(AoValidationRepository::toRecord).toList();
    }

    static ValidationRecord toRecord(ValidationEntity row) {
        return new ValidationRecord(row.getCycleKey(), row.getFindingKey(), ValidationMethod.valueOf(row.getMethod()),
                ValidationOutcome.valueOf(row.getOutcome()), row.getNotes(), lines(row.getEvidenceRefs()),
                row.getValidatedBy(), Instant.ofEpochMilli(row.getValidatedAtMillis()),
                FindingStatus.valueOf(row.getStatusBefore()), FindingStatus.valueOf(row.getStatusAfter()));
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
