package org.ctemcycles.core.cadence;

import java.util.List;
import java.util.Map;

/**
 * The port through which record digests are stored (append only), with their leaves; writes join the caller's
 * transaction. The leaves of a large cycle are megabytes, so they are read one set of one digest at a time.
 */
public interface RecordDigestRepository {

    /** Stores a digest and the leaves of each set (one line per row: id, finding key, leaf, touched-by run). */
    void insert(RecordDigest digest, Map<DigestedSet, String> leaves);

    /** The cycle's digests, oldest first. */
    List<RecordDigest> list(String cycleKey);

    /**
     * The stored leaves of one set of one digest; "" when the cycle has no digest at that sequence, or none of the
     * set was stored.
     */
    String leaves(String cycleKey, long logSequence, DigestedSet set);
}
