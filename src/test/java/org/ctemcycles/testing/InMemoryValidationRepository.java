package org.ctemcycles.testing;

import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link ValidationRepository} held in memory, append only. */
public class InMemoryValidationRepository implements ValidationRepository {

    private final List<ValidationRecord> records = new ArrayList<>();

    @Override
    public synchronized void insert(ValidationRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<ValidationRecord> list(String cycleKey) {
        return records.stream().filter(r -> r.cycleKey().equals(cycleKey))
                .sorted(Comparator.comparing(ValidationRecord::validatedAt)).toList();
    }

    @Override
    public synchronized List<ValidationRecord> byFinding(String findingKey) {
        List<ValidationRecord> found = new ArrayList<>(records.stream()
                .filter(r -> r.findingKey().equals(findingKey)).toList());
        found.sort(Comparator.comparing(ValidationRecord::validatedAt));
        return found;
    }

    @Override
    public synchronized int count(String cycleKey) {
        return (int) records.stream().filter(r -> r.cycleKey().equals(cycleKey)).count();
    }
}
