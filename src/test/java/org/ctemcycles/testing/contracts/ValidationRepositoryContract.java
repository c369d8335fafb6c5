package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.validation.ValidationMethod;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationRepository;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.Assert.assertEquals;

/** What every {@link ValidationRepository} promises: append only, oldest first, per cycle and per finding. */
public abstract class ValidationRepositoryContract {

    private ValidationRepository validations;

    protected abstract ValidationRepository repository();

    @Before
    public void create() {
        validations = repository();
    }

    static ValidationRecord record(String cycle, String finding, String at) {
        return new ValidationRecord(cycle, finding, ValidationMethod.EXPLOIT_REPRODUCTION,
                ValidationOutcome.EXPLOITABLE_CONFIRMED, "reproduced \u2018twice\u2019", List.of("PT-1", "ticket 2"),
                "tester", Instant.parse(at), FindingStatus.OPEN, FindingStatus.IN_PROGRESS);
    }

    @Test
    public void recordsReadBackEqualOldestFirst() {
        ValidationRecord later = record("A", "F-1", "2026-07-03T09:00:00Z");
        ValidationRecord earlier = record("A", "F-2", "2026-07-02T09:00:00Z");
        ValidationRecord other = record("B", "F-1", "2026-07-01T09:00:00Z");
        validations.insert(later);
        validations.insert(earlier);
        validations.insert(other);
        assertEquals(List.of(earlier, later), validations.list("A"));
        assertEquals(List.of(other, later), validations.byFinding("F-1"));
        assertEquals(2, validations.count("A"));
        assertEquals(0, validations.count("C"));
        assertEquals(List.of(), validations.list("C"));
    }
}
