package org.ctemcycles.report.view;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A cycle's register counted in one pass over its entries (read a page at a time, never held): entries by status,
 * the work that needs doing by where it stands against its deadline, and the few most overdue entries. Memory holds
 * the counts and at most {@code keep} entries, whatever the register's size.
 */
public final class RegisterSummary {

    private final Map<FindingStatus, Integer> byStatus;
    private final int onTime;
    private final int overdue;
    private final int unassigned;
    private final List<RegisterEntry> mostOverdue;
    private final LocalDate today;

    private RegisterSummary(Map<FindingStatus, Integer> byStatus, int onTime, int overdue, int unassigned,
                            List<RegisterEntry> mostOverdue, LocalDate today) {
        this.byStatus = byStatus;
        this.onTime = onTime;
        this.overdue = overdue;
        this.unassigned = unassigned;
        this.mostOverdue = List.copyOf(mostOverdue);
        this.today = today;
    }

    /** Counts the entries; keeps the {@code keep} whose deadlines passed longest ago. */
    public static RegisterSummary of(Iterable<RegisterEntry> entries, LocalDate today, int keep) {
        Counter counter = new Counter(today, keep);
        entries.forEach(counter::add);
        return counter.summary();
    }

    /**
     * The register's entries as {@code entries} yields them, counted as they pass: a caller that reads the register
     * for something else (a cycle's metrics, say) gets this summary from the same single pass. The summary is of what
     * was read; read the view once.
     */
    public static Counted counted(Iterable<RegisterEntry> entries, LocalDate today, int keep) {
        Counter counter = new Counter(today, keep);
        return new Counted(() -> {
            Iterator<RegisterEntry> rows = entries.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public RegisterEntry next() {
                    RegisterEntry entry = rows.next();
                    counter.add(entry);
                    return entry;
                }
            };
        }, counter);
    }

    /** A register view that counts what passes through it ({@link #counted}). */
    public static final class Counted {

        private final Iterable<RegisterEntry> entries;
        private final Counter counter;

        private Counted(Iterable<RegisterEntry> entries, Counter counter) {
            this.entries = entries;
            this.counter = counter;
        }

        public Iterable<RegisterEntry> entries() {
            return entries;
        }

        /** The summary of the entries read so far. */
        public RegisterSummary summary() {
            return counter.summary();
        }
    }

    private static final class Counter {

        private final Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
        private final Comparator<RegisterEntry> latestFirst = Comparator.comparing(RegisterEntry::deadline)
                .reversed().thenComparing(RegisterEntry::findingKey);
        private final PriorityQueue<RegisterEntry> worst = new PriorityQueue<>(latestFirst);
        private final LocalDate today;
        private final int keep;
        private int onTime;
        private int overdue;
        private int unassigned;

        Counter(LocalDate today, int keep) {
            this.today = today;
            this.keep = keep;
        }

        void add(RegisterEntry entry) {
            byStatus.merge(entry.status(), 1, Integer::sum);
            if (!entry.needsWork()) {
                return;
            }
            if (entry.deadline() == null) {
                unassigned++;
            } else if (entry.deadline().isBefore(today)) {
                overdue++;
                worst.add(entry);
                if (worst.size() > keep) {
                    worst.poll();
                }
            } else {
                onTime++;
            }
        }

        RegisterSummary summary() {
            List<RegisterEntry> kept = new ArrayList<>(worst);
            kept.sort(latestFirst.reversed());
            return new RegisterSummary(new EnumMap<>(byStatus), onTime, overdue, unassigned, kept, today);
        }
    }

    public Map<FindingStatus, Integer> byStatus() {
        return byStatus;
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Work with a deadline still ahead (or today). */
    public int onTime() {
        return onTime;
    }

    /** Work past its deadline: SLA breaches. */
    public int overdue() {
        return overdue;
    }

    /** Work without an owner's deadline yet. */
    public int unassigned() {
        return unassigned;
    }

    /** The most overdue entries, longest overdue first. */
    public List<RegisterEntry> mostOverdue() {
        return mostOverdue;
    }

    /** Whether this entry is past its deadline with work still to do. */
    public boolean overdue(RegisterEntry entry) {
        return entry.needsWork() && entry.deadline() != null && entry.deadline().isBefore(today);
    }
}
