package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordDigestRepository;
import org.ctemcycles.core.common.Transactions;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What every {@link RecordDigestRepository} promises: append only, a cycle's digests oldest first, each set's leaves
 * read back as stored (megabytes of them too), "" for a digest or set that was not stored, and writes that join the
 * caller's transaction.
 */
public abstract class RecordDigestRepositoryContract {

    private RecordDigestRepository digests;

    protected abstract RecordDigestRepository repository();

    /** The transactions the repository's writes join; null when the implementation has none to join. */
    protected Transactions transactions() {
        return null;
    }

    @Before
    public void create() {
        digests = repository();
    }

    static RecordDigest digest(String cycle, long sequence, RecordDigest.Kind kind, String at, ChainHead head) {
        Map<DigestedSet, RecordDigest.Part> parts = new EnumMap<>(DigestedSet.class);
        for (DigestedSet set : DigestedSet.values()) {
            parts.put(set, new RecordDigest.Part(set.ordinal() + (int) sequence, "%064x".formatted(sequence * 31
                    + set.ordinal())));
        }
        Instant instant = Instant.parse(at);
        return new RecordDigest(cycle, sequence, kind, LocalDate.parse(at.substring(0, 10)), instant, head,
                sequence * 2, sequence > 3 ? "run-" + sequence : "", parts);
    }

    private static Map<DigestedSet, String> leaves(String tag) {
        Map<DigestedSet, String> leaves = new EnumMap<>(DigestedSet.class);
        for (DigestedSet set : DigestedSet.values()) {
            leaves.put(set, "1\tF-" + tag + "\t" + "%064x".formatted(tag.hashCode() + set.ordinal()) + "\t0\n");
        }
        return leaves;
    }

    @Test
    public void digestsReadBackEqualOldestFirstPerCycle() {
        RecordDigest first = digest("A", 3, RecordDigest.Kind.CHECKPOINT, "2026-07-15T09:00:00Z", null);
        RecordDigest other = digest("B", 4, RecordDigest.Kind.CHECKPOINT, "2026-07-15T10:00:00Z",
                new ChainHead("B", 3, "%064x".formatted(7)));
        RecordDigest keyed = digest("A", 9, RecordDigest.Kind.CHECKPOINT, "2026-07-29T09:00:00Z",
                new ChainHead("A", 8, "%064x".formatted(8), "%064x".formatted(9)));
        RecordDigest closure = digest("A", 12, RecordDigest.Kind.CLOSURE, "2026-09-30T17:00:00Z",
                new ChainHead("A", 11, "%064x".formatted(11)));
        digests.insert(first, leaves("1"));
        digests.insert(other, leaves("2"));
        digests.insert(keyed, leaves("3"));
        digests.insert(closure, leaves("4"));
        assertEquals(List.of(first, keyed, closure), digests.list("A"));
        assertEquals(List.of(other), digests.list("B"));
        assertEquals(List.of(), digests.list("C"));
    }

    @Test
    public void eachSetsLeavesReadBackAsStoredAndNothingStoredReadsEmpty() {
        digests.insert(digest("A", 3, RecordDigest.Kind.CHECKPOINT, "2026-07-15T09:00:00Z", null), leaves("A3"));
        digests.insert(digest("B", 3, RecordDigest.Kind.CHECKPOINT, "2026-07-15T09:00:00Z", null), leaves("B3"));
        Map<DigestedSet, String> partial = new EnumMap<>(leaves("A5"));
        partial.remove(DigestedSet.DECISIONS);
        digests.insert(digest("A", 5, RecordDigest.Kind.CHECKPOINT, "2026-07-16T09:00:00Z", null), partial);
        for (DigestedSet set : DigestedSet.values()) {
            assertEquals(set.label(), leaves("A3").get(set), digests.leaves("A", 3, set));
            assertEquals(set.label(), leaves("B3").get(set), digests.leaves("B", 3, set));
            assertEquals(set.label(), "", digests.leaves("A", 4, set));
            assertEquals(set.label(), "", digests.leaves("C", 3, set));
        }
        assertEquals(leaves("A5").get(DigestedSet.REGISTER), digests.leaves("A", 5, DigestedSet.REGISTER));
        assertEquals("", digests.leaves("A", 5, DigestedSet.DECISIONS));
    }

    @Test
    public void theLeavesOfALargeCycleReadBackWhole() {
        StringBuilder large = new StringBuilder();
        for (int row = 1; large.length() < 3_000_000; row++) {
            large.append(row).append("\tF-").append("%016x".formatted(row)).append('\t')
                    .append("%064x".formatted(row * 7919L)).append("\t").append(row % 5).append('\n');
        }
        Map<DigestedSet, String> leaves = new EnumMap<>(leaves("x"));
        leaves.put(DigestedSet.FINDINGS, large.toString());
        digests.insert(digest("A", 3, RecordDigest.Kind.CLOSURE, "2026-09-30T17:00:00Z", null), leaves);
        assertEquals(large.toString(), digests.leaves("A", 3, DigestedSet.FINDINGS));
    }

    @Test
    public void aDigestWrittenInATransactionThatFailsIsNotStored() {
        Transactions transactions = transactions();
        Assume.assumeTrue("the implementation has no transactions to join", transactions != null);
        try {
            transactions.inTransaction(() -> {
                digests.insert(digest("A", 3, RecordDigest.Kind.CHECKPOINT, "2026-07-15T09:00:00Z", null),
                        leaves("A3"));
                assertEquals("the transaction reads its own write", 1, digests.list("A").size());
                throw new IllegalStateException("checkpoint failed after its digest");
            });
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("checkpoint failed"));
        }
        assertEquals(List.of(), digests.list("A"));
        assertEquals("", digests.leaves("A", 3, DigestedSet.REGISTER));
    }
}
