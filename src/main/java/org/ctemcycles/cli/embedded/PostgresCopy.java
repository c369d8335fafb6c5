package org.ctemcycles.cli.embedded;

import net.java.ao.Common;
import net.java.ao.DatabaseProvider;
import net.java.ao.RawEntity;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The command line's batch insert on PostgreSQL: the rows sent as one {@code COPY ... FROM STDIN} in COPY's text
 * format instead of a JDBC batch of INSERTs, which the server executes one statement per row and the driver stops
 * to read back every 256 (ADR 043). The values are those the app stores (text, whole numbers, doubles, booleans,
 * nulls, an entity as its key); a batch holding anything else, or a connection not of pgjdbc, is left to the INSERT
 * path ({@link #copyable}). Inside Jira, Jira's Active Objects writes the rows; this is the command line's alone.
 */
final class PostgresCopy {

    /** The rows are sent in pieces of about this many characters: a large batch is never held whole as text. */
    private static final int PIECE = 64 * 1024;

    private PostgresCopy() {
    }

    /**
     * Whether the connection is pgjdbc's and every value of the rows has a text form here: else the INSERT path
     * writes them, as AO would.
     */
    static boolean copyable(Connection connection, List<Map<String, Object>> rows) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                if (!(value == null || value instanceof String || value instanceof Long || value instanceof Integer
                        || value instanceof Boolean || value instanceof Double || value instanceof RawEntity<?>)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes the rows into {@code table} (columns quoted and the table schema-qualified by the provider, as AO's
     * INSERT names them) in the connection's transaction; a failure (a unique key taken, a value too long) is the
     * server's {@link SQLException} with its SQL state, and nothing of the batch is written.
     */
    static void write(DatabaseProvider provider, Connection connection, String table, String[] columns,
                      List<Map<String, Object>> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("COPY ").append(provider.withSchema(table)).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ",").append(provider.processID(columns[i]));
        }
        sql.append(") FROM STDIN");
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
        try {
            StringBuilder text = new StringBuilder(PIECE + PIECE / 4);
            for (Map<String, Object> row : rows) {
                appendRow(text, columns, row);
                if (text.length() >= PIECE) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
        } catch (Throwable e) {
            // an open copy would hold the connection: the rollback that follows would wait on it for ever
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    /** One row in COPY's text format: tab-separated, {@code \N} for null, ended by a newline. */
    private static void appendRow(StringBuilder text, String[] columns, Map<String, Object> row) {
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object value = row.get(columns[i]);
            if (value instanceof RawEntity<?> entity) {
                value = primaryKey(entity);
            }
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof String string) {
                appendEscaped(text, string);
            } else if (value instanceof Boolean flag) {
                text.append(flag ? 't' : 'f');
            } else {
                // Long, Integer, Double: Java's forms are ones PostgreSQL reads back exactly
                text.append(value);
            }
        }
        text.append('\n');
    }

    /** The characters COPY's text format would otherwise read as a delimiter, a row's end or an escape. */
    private static void appendEscaped(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Object primaryKey(RawEntity<?> entity) {
        return Common.getPrimaryKeyValue((RawEntity) entity);
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
