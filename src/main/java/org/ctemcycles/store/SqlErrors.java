package org.ctemcycles.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Reads the SQL state beneath an Active Objects failure (wrapped differently in Jira and on the embedded database)
 * to tell a lost race from a real error. The states are the standard ones H2 and PostgreSQL both report.
 */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    /** Waiting for another transaction timed out or deadlocked: H2 lock timeout, serialization, PG deadlock/lock. */
    private static final Set<String> CONTENTION = Set.of("HYT00", "40001", "40P01", "55P03");

    private SqlErrors() {
    }

    /** True when the failure is a unique-constraint violation, or a timeout waiting for a competing writer. */
    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState()) || CONTENTION.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
