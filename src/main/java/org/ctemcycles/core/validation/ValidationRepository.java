package org.ctemcycles.core.validation;

import java.util.List;

/** The port through which validation records are stored (append only); writes join the caller's transaction. */
public interface ValidationRepository {

    void insert(ValidationRecord record);

    /** The cycle's validations, oldest first (one query). */
    List<ValidationRecord> list(String cycleKey);

    /** The finding's validations in every cycle, oldest first. */
    List<ValidationRecord> byFinding(String findingKey);

    int count(String cycleKey);
}
