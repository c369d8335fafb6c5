package org.ctemcycles.cli.embedded;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells the failures a user can act on from internal errors, by what the driver reports beneath them (SQL states,
 * H2 error codes, the operating system's words for a full disk), so that the command line can say what happened in
 * plain words instead of a driver's class name.
 */
public final class StorageErrors {

    /** H2: the database file is damaged. */
    private static final int H2_FILE_CORRUPTED = 90030;
    /** H2: the file is open in another process (one that does not use the app's lock, such as an H2 console). */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** H2: reading or writing the file failed (a full disk among other causes). */
    private static final int H2_IO_EXCEPTION = 90028;

    private StorageErrors() {
    }

    /** The failure of opening a connection to the database, as a plain message when the user can act on it. */
    static RuntimeException onOpen(RuntimeException failure, String jdbcUrl, String user) {
        String where = withoutSecrets(jdbcUrl);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String message = firstLine(sql.getMessage());
                if (state.startsWith("08")) {
                    return new DatabaseUnavailableException("cannot reach the database at " + where + ": " + message
                            + " (is the server running, and are host and port right?)");
                }
                if (state.startsWith("28")) {
                    return new DatabaseUnavailableException("the database at " + where + " refused user '" + user
                            + "': " + message + " (set CTEM_DB_USER and CTEM_DB_PASSWORD)");
                }
                if (state.equals("3D000")) {
                    return new DatabaseUnavailableException("the server at " + where + " has no such database: "
                            + message);
                }
                if (sql.getErrorCode() == H2_DATABASE_IN_USE) {
                    return new DatabaseUnavailableException("the database " + where + " is open in another program"
                            + " (an H2 console or server?): close it there and run this command again");
                }
                if (sql.getErrorCode() == H2_FILE_CORRUPTED) {
                    return new DatabaseUnavailableException("the database file of " + where + " is damaged ("
                            + message + "); restore it from a backup");
                }
            }
        }
        return diskFull(failure).<RuntimeException>map(OutOfSpaceException::new).orElse(failure);
    }

    /** What the operating system or the database said when a failure came from a full disk, if it did. */
    public static Optional<String> diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("not enough space on the disk")
                    || message.contains("disk quota exceeded")) {
                return Optional.of(firstLine(t.getMessage()));
            }
            if (t instanceof SQLException sql && ("53100".equals(sql.getSQLState()))) {
                return Optional.of(firstLine(sql.getMessage()));
            }
            if (t instanceof IOException && message.contains("space")) {
                return Optional.of(firstLine(t.getMessage()));
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_IO_EXCEPTION && message.contains("space")) {
                return Optional.of(firstLine(sql.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** A JDBC URL as it may be shown: without a password parameter. */
    static String withoutSecrets(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
