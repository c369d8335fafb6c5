package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link CheckpointRepository} held in memory, append only. */
public class InMemoryCheckpointRepository implements CheckpointRepository {

    private final List<Checkpoint> checkpoints = new ArrayList<>();

    @Override
    public synchronized void insert(Checkpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<Checkpoint> list(String cycleKey) {
        return checkpoints.stream().filter(c -> c.cycleKey().equals(cycleKey))
                .sorted(Comparator.comparing(Checkpoint::recordedAt)).toList();
    }
}
