package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordDigestRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Record digests in memory, append only, with the leaves of each set. */
public final class InMemoryRecordDigestRepository implements RecordDigestRepository {

    private final List<RecordDigest> digests = new ArrayList<>();
    private final List<Map<DigestedSet, String>> leaves = new ArrayList<>();

    @Override
    public synchronized void insert(RecordDigest digest, Map<DigestedSet, String> setLeaves) {
        digests.add(digest);
        leaves.add(Map.copyOf(setLeaves));
    }

    @Override
    public synchronized List<RecordDigest> list(String cycleKey) {
        return digests.stream().filter(d -> d.cycleKey().equals(cycleKey)).toList();
    }

    @Override
    public synchronized String leaves(String cycleKey, long logSequence, DigestedSet set) {
        for (int i = 0; i < digests.size(); i++) {
            RecordDigest digest = digests.get(i);
            if (digest.cycleKey().equals(cycleKey) && digest.logSequence() == logSequence) {
                return leaves.get(i).getOrDefault(set, "");
            }
        }
        return "";
    }
}
