package org.ctemcycles.testing;

import org.ctemcycles.core.audit.FieldHash;
import org.ctemcycles.core.cadence.RecordRows;
import org.ctemcycles.core.cadence.RowLeaf;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows record digests cover, over the in-memory register: each entry's leaf hashes what the entry holds, so a
 * change to an entry changes its leaf. The in-memory record keeps no findings or decisions (its progress is a port of
 * its own), so those sets are empty.
 */
public final class InMemoryRecordRows implements RecordRows {

    private final RegisterRepository register;

    public InMemoryRecordRows(RegisterRepository register) {
        this.register = register;
    }

    /** Read again on each iteration, as the port promises: an Iterable kept across a change sees the change. */
    @Override
    public Iterable<RowLeaf> register(String cycleKey) {
        return () -> leaves(cycleKey).iterator();
    }

    private List<RowLeaf> leaves(String cycleKey) {
        List<RowLeaf> leaves = new ArrayList<>();
        long id = 0;
        for (RegisterEntry entry : register.list(cycleKey)) {
            leaves.add(new RowLeaf(++id, entry.findingKey(), FieldHash.start().add(entry.toString()).hex(), 0));
        }
        return leaves;
    }

    @Override
    public Iterable<RowLeaf> findings(String cycleKey) {
        return List.of();
    }

    @Override
    public Iterable<RowLeaf> decisions(String runId) {
        return List.of();
    }

    @Override
    public Optional<String> queueRun(String cycleKey) {
        return Optional.empty();
    }

    @Override
    public long lastRun(String cycleKey) {
        return 0;
    }
}
