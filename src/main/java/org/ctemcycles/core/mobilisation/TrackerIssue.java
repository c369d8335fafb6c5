package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;

/** An issue in the tracker as the register sees it: its key, the finding it is for, and its current fields. */
public record TrackerIssue(String key, String findingKey, String cycleKey, String summary, String assignee,
                           LocalDate dueDate, String changeRecord, String dependency, String verificationStep,
                           TrackerStatus status) {
}
