package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.LogEntry;

import java.util.List;

/**
 * Everything the record holds about one finding across cycles: its register entry in each cycle (the oldest first,
 * so a handed-over finding shows where it came from) and every log entry about it.
 */
public record FindingHistory(String findingKey, List<RegisterEntry> entries, List<LogEntry> log) {
}
