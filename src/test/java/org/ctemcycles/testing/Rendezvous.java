package org.ctemcycles.testing;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Forces transactions on different nodes to interleave, so that a race a test is about happens on every run rather than
 * by luck: wrapped around each node's connection pool ({@link #wrap}), it holds the statements that match a meeting
 * ({@link #meet}: an SQL verb and an Active Objects table; a COPY counts as an INSERT) until as many of them as the
 * meeting names have arrived, then lets them all go on together. Meetings are met one after another, in the order they
 * were armed; statements that match no armed meeting pass at once. A meeting that does not fill within the timeout lets
 * its statement fail, and {@link #assertMet} says which meeting it was.
 */
public final class Rendezvous {

    private static final long TIMEOUT_MILLIS = 20_000;

    private final Deque<Meeting> armed = new ArrayDeque<>();
    private final List<String> failures = new ArrayList<>();

    private static final class Meeting {
        final String verb;
        final String table;
        /** The table's name after AO's prefix, quoted (PostgreSQL) or not (H2). */
        final Pattern name;
        final int parties;
        int arrived;
        boolean met;

        Meeting(String verb, String table, int parties) {
            this.verb = verb;
            this.table = table;
            this.name = Pattern.compile("_" + Pattern.quote(table) + "(\"|\\s|\\(|$)");
            this.parties = parties;
        }

        /** A COPY into the table is one of its INSERTs (the command line's batch insert on PostgreSQL, ADR 043). */
        boolean matches(String sql) {
            String statement = sql.stripLeading().toUpperCase(Locale.ROOT);
            return (statement.startsWith(verb) || verb.equals("INSERT") && statement.startsWith("COPY "))
                    && name.matcher(statement).find();
        }

        @Override
        public String toString() {
            return parties + " x " + verb + " " + table + " (" + arrived + " arrived)";
        }
    }

    /**
     * Arms a meeting: the next {@code parties} statements of {@code verb} (INSERT, UPDATE, ...) on the table of
     * {@code table} (its name without the {@code AO_xxxxxx_} prefix, e.g. {@code CYCLE_REVISION}) wait for each
     * other, once the meetings armed before it are met.
     */
    public synchronized Rendezvous meet(String verb, String table, int parties) {
        armed.addLast(new Meeting(verb.toUpperCase(Locale.ROOT), table.toUpperCase(Locale.ROOT), parties));
        return this;
    }

    /** Asserts that every armed meeting was met, and none timed out. */
    public synchronized void assertMet() {
        if (!failures.isEmpty() || !armed.isEmpty()) {
            throw new AssertionError("rendezvous not met: " + failures + (armed.isEmpty() ? "" : " still armed: "
                    + armed));
        }
    }

    /** Holds the statement while it is one of the current meeting's parties and the others have not arrived. */
    private synchronized void arrive(String sql) throws SQLException {
        Meeting meeting = armed.peekFirst();
        if (meeting == null || !meeting.matches(sql)) {
            return;
        }
        meeting.arrived++;
        if (meeting.arrived == meeting.parties) {
            meeting.met = true;
            armed.removeFirst();
            notifyAll();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!meeting.met) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                failures.add("timed out: " + meeting);
                armed.remove(meeting);
                throw new SQLException("rendezvous not met: " + meeting);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted at a rendezvous", e);
            }
        }
    }

    public DataSource wrap(DataSource target) {
        return CountingDataSource.proxy(DataSource.class, target, (method, result, args) ->
                method.getName().equals("getConnection")
                        ? CountingDataSource.proxy(Connection.class, result, this::onConnection) : result);
    }

    private Object onConnection(Method method, Object result, Object[] args) {
        if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            return statement(PreparedStatement.class, prepared, sql);
        }
        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
            return statement(Statement.class, statement, null);
        }
        if (result instanceof BaseConnection connection && method.getName().equals("unwrap")) {
            // a COPY starts through the driver's copy API: held there as a statement is
            return CountingDataSource.proxy(PGConnection.class, connection, (m, r, a) ->
                    m.getName().equals("getCopyAPI") ? new CopyManager(connection) {
                        @Override
                        public CopyIn copyIn(String sql) throws SQLException {
                            arrive(sql);
                            return super.copyIn(sql);
                        }
                    } : r);
        }
        return result;
    }

    private <T extends Statement> T statement(Class<T> type, T target, String prepared) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            if (CountingDataSource.EXECUTIONS.contains(method.getName())) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0])
                        : "";
                arrive(sql);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
