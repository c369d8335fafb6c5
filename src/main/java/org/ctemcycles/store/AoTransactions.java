package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.Transactions;

import java.util.function.Supplier;

/**
 * {@link Transactions} on Active Objects, the one transaction path of the app: the outermost call opens a transaction
 * (inner calls join it) and retries the whole work, a few times, when it failed on a retryable conflict: two appends
 * racing for the same place in an activity log, two imports inserting the same new finding or report (a unique key
 * the other took first), or the database giving up on a lock wait, a serialization failure or a deadlock. A conflict
 * that is not retryable (a stale revision) reaches the caller at once. Transactions run at the database's READ
 * COMMITTED, as Jira's do (docs/adr/004-active-objects-outside-jira.md).
 */
public class AoTransactions implements Transactions {

    static final int ATTEMPTS = 8;

    private final ActiveObjects ao;
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    public AoTransactions(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inside.get()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            inside.set(true);
            try {
                return ao.executeInTransaction(work::get);
            } catch (RuntimeException e) {
                ConflictException conflict = conflictIn(e);
                if (conflict == null && !raisedByTheApp(e) && SqlErrors.lostRace(e)) {
                    conflict = new ConflictException("another change to the same records was stored first; try again",
                            true, e);
                }
                if (conflict == null || !conflict.retryable() || attempt == ATTEMPTS) {
                    throw conflict != null ? conflict : e;
                }
                pause(attempt);
            } finally {
                inside.remove();
            }
        }
    }

    /** The conflict behind a failure, which the transaction template may have wrapped. */
    private static ConflictException conflictIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConflictException conflict) {
                return conflict;
            }
        }
        return null;
    }

    /**
     * Whether one of the model's own exceptions is in the chain: it then already says what went wrong (a rule that
     * turned a unique violation into an answer, say), and the SQL state beneath it is not a race to retry.
     */
    private static boolean raisedByTheApp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.ctemcycles.core.")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            // a growing, jittered pause lets the competing transaction commit before the retry reads again
            Thread.sleep((2L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while retrying a conflicting change", false, e);
        }
    }
}
