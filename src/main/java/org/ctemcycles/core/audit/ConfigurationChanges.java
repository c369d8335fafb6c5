package org.ctemcycles.core.audit;

import org.ctemcycles.core.common.Transactions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The app's configuration changes in the activity log: one hash-chained chain of its own
 * ({@link LogRecord#CONFIGURATION_CHAIN}) beside the cycles' chains, so a change to who holds which role or to the
 * tracker defaults is recorded like a change to a cycle, with who, when, and the fields that changed before and after
 * (docs/adr/086-configuration-changes-in-their-own-chain.md).
 *
 * <p>{@link #change} runs in one transaction: it locks the chain (changes from any node queue up), reads the current
 * values, appends the entry, and only then stores the new values; a store that fails rolls the entry back. The
 * configuration itself lives outside the database's transaction (Jira's plugin settings), so a failed commit after
 * the store is the one way a change could go unlogged.
 */
public final class ConfigurationChanges {

    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public ConfigurationChanges(ActivityLog log, Transactions transactions, Clock clock) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores {@code wanted} through {@code store} and logs the fields that differ from {@code current}, or does
     * nothing when none differs.
     *
     * @param subject what changed, e.g. {@code configuration:roles}
     * @param current the values now, read inside the transaction (field name to value, in display order)
     * @param wanted  the values to store, checked already, with the same field names
     * @return whether anything changed (and was logged)
     */
    public boolean change(String actor, String subject, Supplier<Map<String, String>> current,
                          Map<String, String> wanted, Runnable store) {
        return change(actor, subject, current, wanted, store, false);
    }

    /**
     * As {@link #change}, but the entry's after holds every field of {@code wanted}, not only those that changed
     * (before still holds the changed ones as they were): for a configuration whose every version must read the same
     * whatever the code's defaults later are (the prioritisation policy, ADR 051).
     */
    public boolean changeWhole(String actor, String subject, Supplier<Map<String, String>> current,
                               Map<String, String> wanted, Runnable store) {
        return change(actor, subject, current, wanted, store, true);
    }

    private boolean change(String actor, String subject, Supplier<Map<String, String>> current,
                           Map<String, String> wanted, Runnable store, boolean whole) {
        return transactions.inTransaction(() -> {
            log.lock(LogRecord.CONFIGURATION_CHAIN);
            Map<String, String> before = current.get();
            StateText was = null;
            StateText now = null;
            for (Map.Entry<String, String> field : wanted.entrySet()) {
                String old = before.getOrDefault(field.getKey(), "");
                if (!Objects.equals(old, field.getValue())) {
                    was = was == null ? StateText.of(field.getKey(), old) : was.and(field.getKey(), old);
                    now = now == null ? StateText.of(field.getKey(), field.getValue())
                            : now.and(field.getKey(), field.getValue());
                }
            }
            if (was == null) {
                return false;
            }
            if (whole) {
                now = null;
                for (Map.Entry<String, String> field : wanted.entrySet()) {
                    now = now == null ? StateText.of(field.getKey(), field.getValue())
                            : now.and(field.getKey(), field.getValue());
                }
            }
            log.append(new LogRecord(LogRecord.CONFIGURATION_CHAIN, clock.instant(), actor,
                    LogAction.CONFIGURATION_CHANGED, subject, was.toString(), now.toString()));
            store.run();
            return true;
        });
    }

    /** The newest {@code max} configuration changes, newest first. */
    public List<LogEntry> recent(int max) {
        List<LogEntry> chain = log.chain(LogRecord.CONFIGURATION_CHAIN);
        List<LogEntry> newest = new ArrayList<>(chain.subList(Math.max(0, chain.size() - max), chain.size()));
        java.util.Collections.reverse(newest);
        return newest;
    }

    /**
     * Verifies the configuration's chain as a cycle's is verified. Unlike a cycle, the configuration has no opening:
     * a chain never appended to (no entry, no head) is intact, so a log deleted whole with its head goes unseen.
     */
    public ChainReport verify() {
        if (log.head(LogRecord.CONFIGURATION_CHAIN).isEmpty() && log.chain(LogRecord.CONFIGURATION_CHAIN).isEmpty()) {
            return new ChainReport(LogRecord.CONFIGURATION_CHAIN, 0, null);
        }
        return log.verify(LogRecord.CONFIGURATION_CHAIN);
    }
}
