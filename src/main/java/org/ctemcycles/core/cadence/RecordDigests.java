package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.FieldHash;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Record digests: what a checkpoint or the closure commits to beside the activity log, and their verification. The
 * log proves what was done; a digest proves what the record held: the register, the findings and the current
 * queue's decisions, row by row, as they stood at the checkpoint. Verification walks the digests in order and
 * compares each with the next one and the last with the live record: a row whose leaf changed between two of them
 * must have a reason the record knows (a log entry about its finding for a register entry, a later discovery run for
 * a finding; decisions never change), or the change is named as a breach. It also checks that each digest is the one
 * its log entry committed, and that the chain still holds the head each digest recorded, which reveals a log
 * truncated or re-hashed behind a checkpoint even without the anchor key.
 *
 * <p>Leaves are stored as 16 hex digits (64 bits) of each row's SHA-256: enough to tell an edited row, small enough
 * for a cycle of 100,000 findings (about 3 MB per set and digest). Each set's root is the SHA-256 of its whole leaf
 * text and is written into the log entry.
 */
public class RecordDigests {

    /** Breaches listed per set and pair of digests; beyond that they are counted. */
    static final int LISTED = 20;
    static final int LEAF_DIGITS = 16;

    private final RecordRows rows;
    private final RecordDigestRepository repository;
    private final ActivityLog log;

    public RecordDigests(RecordRows rows, RecordDigestRepository repository, ActivityLog log) {
        this.rows = rows;
        this.repository = repository;
        this.log = log;
    }

    /** A digest computed and not yet committed: the values for its log entry and the leaves to store. */
    public record Pending(RecordDigest digest, Map<DigestedSet, String> leaves) {

        /** Adds what the digest commits to the state its log entry records. */
        public StateText describe(StateText state) {
            commitment(digest).forEach(state::and);
            return state;
        }
    }

    /** The fields a digest's log entry records, in order. */
    private static Map<String, String> commitment(RecordDigest digest) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chainHead", RecordDigest.headText(digest.head()));
        for (DigestedSet set : DigestedSet.values()) {
            fields.put(set.logField(), digest.part(set).toString());
        }
        fields.put("queueRun", digest.queueRun());
        fields.put("lastDiscoveryRun", Long.toString(digest.lastRun()));
        return fields;
    }

    /** The digest of the record as it stands, with the chain's head as it is before the entry that will commit it. */
    public Pending compute(String cycleKey, RecordDigest.Kind kind, LocalDate day, Instant at) {
        ChainHead head = log.head(cycleKey).orElse(null);
        String queueRun = rows.queueRun(cycleKey).orElse("");
        Map<DigestedSet, String> leaves = new EnumMap<>(DigestedSet.class);
        Map<DigestedSet, RecordDigest.Part> parts = new EnumMap<>(DigestedSet.class);
        leaves.put(DigestedSet.REGISTER, text(rows.register(cycleKey)));
        leaves.put(DigestedSet.FINDINGS, text(rows.findings(cycleKey)));
        leaves.put(DigestedSet.DECISIONS, queueRun.isEmpty() ? "" : text(rows.decisions(queueRun)));
        leaves.forEach((set, text) -> parts.put(set, new RecordDigest.Part((int) text.lines().count(),
                FieldHash.of(text))));
        return new Pending(new RecordDigest(cycleKey, 0, kind, day, at, head, rows.lastRun(cycleKey), queueRun,
                parts), leaves);
    }

    /** Stores a digest once its log entry (at {@code logSequence}) is appended, in the same transaction. */
    public RecordDigest store(Pending pending, long logSequence) {
        RecordDigest digest = pending.digest().committedAt(logSequence);
        repository.insert(digest, pending.leaves());
        return digest;
    }

    /** The cycle's digests, oldest first. */
    public List<RecordDigest> list(String cycleKey) {
        return repository.list(cycleKey);
    }

    /** Verifies the cycle's digests against its log and its live record. */
    public RecordReport verify(String cycleKey) {
        Check check = check(cycleKey);
        log.chain(cycleKey).forEach(check::accept);
        return check.finish();
    }

    /** A verification fed the cycle's log an entry at a time, for a reader that goes through the log anyway. */
    public Check check(String cycleKey) {
        return new Check(cycleKey, repository.list(cycleKey));
    }

    private static String text(Iterable<RowLeaf> leaves) {
        StringBuilder text = new StringBuilder();
        for (RowLeaf leaf : leaves) {
            text.append(leaf.id()).append(' ').append(leaf.key()).append(' ').append(shortLeaf(leaf.leaf()))
                    .append(' ').append(leaf.touchedBy()).append('\n');
        }
        return text.toString();
    }

    private static String shortLeaf(String leaf) {
        return leaf.length() > LEAF_DIGITS ? leaf.substring(0, LEAF_DIGITS) : leaf;
    }

    /** The leaves of a stored text, in order. */
    private static Iterator<RowLeaf> parse(String text) {
        return text.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] cells = line.split(" ");
            return cells.length == 4 ? new RowLeaf(Long.parseLong(cells[0]), cells[1], cells[2],
                    Long.parseLong(cells[3])) : new RowLeaf(-1, line, "", 0);
        }).iterator();
    }

    private static Iterator<RowLeaf> live(Iterable<RowLeaf> rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(r -> new RowLeaf(r.id(), r.key(), shortLeaf(r.leaf()), r.touchedBy())).iterator();
    }

    /** One verification of a cycle's digests. */
    public final class Check {

        private final String cycleKey;
        private final List<RecordDigest> digests;
        /** Per digest: the findings a log entry after it (and up to the next digest) was about. */
        private final List<Set<String>> touched = new ArrayList<>();
        private final boolean[] committed;
        private final List<RecordBreach> breaches = new ArrayList<>();
        private long unlisted;
        private long lastSequence;

        private Check(String cycleKey, List<RecordDigest> digests) {
            this.cycleKey = cycleKey;
            this.digests = digests;
            this.committed = new boolean[digests.size()];
            digests.forEach(d -> touched.add(new HashSet<>()));
        }

        public void accept(LogEntry entry) {
            lastSequence = Math.max(lastSequence, entry.sequence());
            int after = -1;
            for (int i = 0; i < digests.size(); i++) {
                RecordDigest digest = digests.get(i);
                if (digest.logSequence() == entry.sequence()) {
                    committed[i] = true;
                    committedBy(digest, entry);
                }
                if (digest.head() != null && digest.head().length() == entry.sequence()
                        && !digest.head().hash().equals(entry.hash())) {
                    breach(RecordBreach.Kind.HEAD_MISMATCH, "entry " + entry.sequence() + " is not the entry "
                            + digest.label() + " recorded as the head of the chain (its hash was "
                            + digest.head().hash() + "): the log up to it was changed and re-hashed");
                }
                if (digest.logSequence() < entry.sequence()) {
                    after = i;
                }
            }
            String finding = LogRecord.findingSubject("");
            if (after >= 0 && entry.subject().startsWith(finding)) {
                touched.get(after).add(entry.subject().substring(finding.length()));
            }
        }

        public RecordReport finish() {
            for (int i = 0; i < digests.size(); i++) {
                RecordDigest digest = digests.get(i);
                if (!committed[i]) {
                    breach(RecordBreach.Kind.DIGEST_ALTERED, "the digest of " + digest.label() + " names log entry "
                            + digest.logSequence() + " as its commitment, which the log does not hold");
                }
                if (digest.head() != null && digest.head().length() > lastSequence) {
                    breach(RecordBreach.Kind.HEAD_MISMATCH, digest.label() + " recorded the head of the chain at"
                            + " entry " + digest.head().length() + ", but the chain ends at entry " + lastSequence
                            + ": entries at its end were removed");
                }
            }
            compareInTurn(DigestedSet.REGISTER, allDigests(), rows.register(cycleKey),
                    (i, now) -> touched.get(i).contains(now.key()), "with no logged change to it");
            compareInTurn(DigestedSet.FINDINGS, allDigests(), rows.findings(cycleKey),
                    (i, now) -> now.touchedBy() > digests.get(i).lastRun(), "with no discovery run to account for it");
            Map<String, List<Integer>> byRun = new LinkedHashMap<>();
            for (int i = 0; i < digests.size(); i++) {
                String run = digests.get(i).queueRun();
                if (run.isEmpty()) {
                    leaves(i, DigestedSet.DECISIONS); // checks its (empty) leaves against the digest
                } else {
                    byRun.computeIfAbsent(run, r -> new ArrayList<>()).add(i);
                }
            }
            // decisions never change: each run's digests in turn, then the run's live decisions
            byRun.forEach((run, indexes) -> compareInTurn(DigestedSet.DECISIONS, indexes, rows.decisions(run),
                    (i, now) -> false, "although decisions are never changed"));
            return new RecordReport(cycleKey, digests, breaches, unlisted);
        }

        private List<Integer> allDigests() {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < digests.size(); i++) {
                all.add(i);
            }
            return all;
        }

        /** The stored leaves of one set of one digest, checked against the digest's root. */
        private String leaves(int index, DigestedSet set) {
            RecordDigest digest = digests.get(index);
            String text = repository.leaves(cycleKey, digest.logSequence(), set);
            if (!FieldHash.of(text).equals(digest.part(set).root())) {
                breach(RecordBreach.Kind.DIGEST_ALTERED, "the stored " + set.label() + " leaves of " + digest.label()
                        + " no longer match its digest");
            }
            return text;
        }

        /**
         * The given digests in turn, each against the next, the last against the live rows; at most two digests'
         * leaves are held at once (a few megabytes each for a cycle of 100,000 findings).
         *
         * @param explained whether a row whose leaf changed after digest i has a reason the record knows
         */
        private void compareInTurn(DigestedSet set, List<Integer> indexes, Iterable<RowLeaf> live,
                                   BiPredicate<Integer, RowLeaf> explained, String unexplained) {
            if (indexes.isEmpty()) {
                return;
            }
            String before = leaves(indexes.get(0), set);
            for (int n = 0; n < indexes.size(); n++) {
                int from = indexes.get(n);
                boolean last = n == indexes.size() - 1;
                String after = last ? null : leaves(indexes.get(n + 1), set);
                compare(set, digests.get(from), last ? null : digests.get(indexes.get(n + 1)), parse(before),
                        last ? live(live) : parse(after), now -> explained.test(from, now), unexplained);
                before = after;
            }
        }

        private void committedBy(RecordDigest digest, LogEntry entry) {
            Map<String, String> fields = new LinkedHashMap<>();
            StateText.fields(entry.after()).forEach(f -> fields.put(f.name(), f.value()));
            Map<String, String> expected = commitment(digest);
            boolean kindMatches = entry.is(digest.kind() == RecordDigest.Kind.CHECKPOINT
                    ? LogAction.CHECKPOINT_RECORDED : LogAction.CYCLE_CLOSED);
            List<String> differing = new ArrayList<>();
            expected.forEach((name, value) -> {
                if (!value.equals(fields.get(name))) {
                    differing.add(name);
                }
            });
            if (!kindMatches || !differing.isEmpty()) {
                breach(RecordBreach.Kind.DIGEST_ALTERED, "the digest stored for " + digest.label()
                        + " is not the one log entry " + entry.sequence() + " committed ("
                        + (kindMatches ? String.join(", ", differing) + " differ" : "that entry records '"
                        + entry.actionLabel() + "'") + ")");
            }
        }

        private void compare(DigestedSet set, RecordDigest from, RecordDigest to, Iterator<RowLeaf> before,
                             Iterator<RowLeaf> after, Predicate<RowLeaf> explained,
                             String unexplained) {
            String when = "after " + from.label() + (to == null ? "" : " and before " + to.label());
            RowLeaf old = next(before);
            RowLeaf now = next(after);
            while (old != null) {
                if (now == null || now.id() > old.id()) {
                    breach(RecordBreach.Kind.ROW_DELETED, describe(set, old) + " was deleted " + when);
                    old = next(before);
                } else if (now.id() < old.id()) {
                    now = next(after); // a row added later: not one the digest covered
                } else {
                    if (!now.leaf().equals(old.leaf()) && !explained.test(now)) {
                        breach(RecordBreach.Kind.ROW_CHANGED, describe(set, old) + " was changed " + when + ", "
                                + unexplained);
                    }
                    old = next(before);
                    now = next(after);
                }
            }
        }

        private String describe(DigestedSet set, RowLeaf row) {
            return set == DigestedSet.DECISIONS ? "the decision on " + row.key() + " at rank " + row.id()
                    : "the " + set.row() + " of " + row.key() + " (row " + row.id() + ")";
        }

        private void breach(RecordBreach.Kind kind, String reason) {
            long sameKind = breaches.stream().filter(b -> b.kind() == kind).count();
            if (sameKind < LISTED) {
                breaches.add(new RecordBreach(kind, reason));
            } else {
                unlisted++;
            }
        }
    }

    private static RowLeaf next(Iterator<RowLeaf> rows) {
        return rows.hasNext() ? Objects.requireNonNull(rows.next()) : null;
    }

}
