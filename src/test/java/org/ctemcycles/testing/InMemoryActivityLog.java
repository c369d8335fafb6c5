package org.ctemcycles.testing;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link ActivityLog} held in memory: one hash chain per cycle, linked as the store links it. */
public class InMemoryActivityLog implements ActivityLog {

    private final Map<String, List<LogEntry>> chains = new TreeMap<>();
    private final List<LogEntry> all = new ArrayList<>();

    /** One process and transactions that run directly: there is no other transaction to wait for. */
    @Override
    public void lock(String cycleKey) {
    }

    @Override
    public synchronized LogEntry append(LogRecord record) {
        List<LogEntry> chain = chains.computeIfAbsent(record.cycleKey(), k -> new ArrayList<>());
        String previous = chain.isEmpty() ? LogChain.GENESIS : chain.get(chain.size() - 1).hash();
        LogEntry entry = LogChain.link(record, chain.size() + 1L, previous);
        chain.add(entry);
        all.add(entry);
        return entry;
    }

    @Override
    public synchronized List<LogEntry> chain(String cycleKey) {
        return List.copyOf(chains.getOrDefault(cycleKey, List.of()));
    }

    @Override
    public synchronized Optional<ChainHead> head(String cycleKey) {
        List<LogEntry> chain = chains.get(cycleKey);
        return chain == null ? Optional.empty()
                : Optional.of(new ChainHead(cycleKey, chain.size(), chain.get(chain.size() - 1).hash()));
    }

    @Override
    public synchronized List<String> chains() {
        return List.copyOf(chains.keySet());
    }

    @Override
    public synchronized List<LogEntry> about(String subject) {
        // oldest first; entries of one instant in the order they were appended (the sort is stable)
        return all.stream().filter(e -> e.subject().equals(subject)).sorted(Comparator.comparing(LogEntry::at))
                .toList();
    }
}
