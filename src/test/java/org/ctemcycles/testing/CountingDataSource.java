package org.ctemcycles.testing;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a DataSource and counts the SQL statements executed through it (each execute, executeQuery, executeUpdate
 * or executeBatch call, and each COPY through PostgreSQL's copy API), keeping their text, so tests can assert how
 * many queries an operation costs; and the rows read from their results, so tests can assert that a page reads no
 * more than its rows.
 */
public final class CountingDataSource {

    /** The calls that execute a statement. */
    static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** How a COPY through PostgreSQL's copy API is listed among the statements (its text is not seen here). */
    public static final String COPY = "COPY (PostgreSQL's copy API)";

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rows = new AtomicInteger();

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result, args) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, this::onConnection) : result);
    }

    public void reset() {
        statements.clear();
        rows.set(0);
    }

    /** The rows read from result sets since the last {@link #reset()}. */
    public int rows() {
        return rows.get();
    }

    public int count() {
        return statements.size();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    private Object onConnection(Method method, Object result, Object[] args) {
        if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, prepared, (m, r, a) -> {
                if (EXECUTIONS.contains(m.getName())) {
                    statements.add(sql);
                }
                return counted(r);
            });
        }
        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
            return proxy(Statement.class, statement, (m, r, a) -> {
                if (EXECUTIONS.contains(m.getName())) {
                    statements.add(a != null && a.length > 0 ? String.valueOf(a[0]) : "(batch)");
                }
                return counted(r);
            });
        }
        if (result instanceof PGConnection copier && method.getName().equals("unwrap")) {
            // the command line's batch insert on PostgreSQL is a COPY through the driver's own API (ADR 043)
            return proxy(PGConnection.class, copier, (m, r, a) -> {
                if (m.getName().equals("getCopyAPI")) {
                    statements.add(COPY);
                }
                return r;
            });
        }
        return result;
    }

    /** A statement's result set, counting each row read from it; anything else as it is. */
    private Object counted(Object result) {
        if (!(result instanceof ResultSet resultSet)) {
            return result;
        }
        return proxy(ResultSet.class, resultSet, (m, r, a) -> {
            if (m.getName().equals("next") && Boolean.TRUE.equals(r)) {
                rows.incrementAndGet();
            }
            return r;
        });
    }

    /** What to do with the result of a call on a wrapped object. */
    interface AfterCall {
        Object after(Method method, Object result, Object[] args) throws Exception;
    }

    /** A proxy of {@code target} that hands each call's result to {@code after} (also for {@link Rendezvous}). */
    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.after(method, result, args);
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
