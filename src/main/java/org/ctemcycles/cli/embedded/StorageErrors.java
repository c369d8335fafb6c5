package org.ctemcycles.cli.embedded;

import org.h2.engine.Constants;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the failures a user can act on from internal errors, by what the driver reports beneath them (SQL states,
 * H2 error codes, the operating system's words for a full disk), so that the command line can say what happened in
 * plain words instead of a driver's class name.
 */
public final class StorageErrors {

    /** H2: the database file is damaged. */
    private static final int H2_FILE_CORRUPTED = 90030;
    /** H2: the file is in a format this H2 does not read (written by another H2 version). */
    private static final int H2_FILE_VERSION = 90048;
    /** H2: the file is open in another process (one that does not use the app's lock, such as an H2 console). */
    private static final int H2_DATABASE_IN_USE = 90020;
    /** How H2's store names the format of a file it does not read ("The read format 4 is larger than ..."). */
    private static final Pattern FORMAT = Pattern.compile("format (\\d+) is");

    private StorageErrors() {
    }

    /** The failure of opening a connection to the database, as a plain message when the user can act on it. */
    static RuntimeException onOpen(RuntimeException failure, String jdbcUrl, String user) {
        String where = withoutSecrets(jdbcUrl);
        for (Throwable t : chain(failure)) {
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
                if (sql.getErrorCode() == H2_FILE_VERSION) {
                    return new DatabaseUnavailableException(fileFormat(jdbcUrl, failure));
                }
                if (sql.getErrorCode() == H2_FILE_CORRUPTED) {
                    return new DatabaseUnavailableException("the database file of " + where + " is damaged ("
                            + message + "); restore it from a backup");
                }
            }
        }
        return diskFull(failure).<RuntimeException>map(OutOfSpaceException::new).orElse(failure);
    }

    /**
     * A file another H2 wrote in a format this one does not read (H2 changes its file format between some releases,
     * ADR 044): the data moves across as SQL, written by the H2 that reads the file and run by this one.
     */
    private static String fileFormat(String jdbcUrl, Throwable failure) {
        String format = null;
        for (Throwable t : chain(failure)) {
            Matcher m = FORMAT.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (format == null && m.find()) {
                format = m.group(1);
            }
        }
        Path file = EmbeddedDatabase.h2DataFile(jdbcUrl);
        String where = file == null ? withoutSecrets(jdbcUrl) : file.toString();
        String path = file == null ? "PATH" : file.toString().substring(0, file.toString().length()
                - ".mv.db".length());
        return "the database file " + where + " was written in " + (format != null ? "H2 file format "
                + format : "another H2 file format") + ", which this ctem's H2 " + Constants.VERSION
                + " cannot read. Export it with the H2 version that wrote it: java -cp h2-VERSION.jar"
                + " org.h2.tools.Script -url jdbc:h2:file:" + path + " -user sa -script ctem.sql; then import that"
                + " into a new database with this one's: java -cp h2-" + Constants.VERSION + ".jar"
                + " org.h2.tools.RunScript -url jdbc:h2:file:NEW-PATH -user sa -script ctem.sql, and use --db NEW-PATH";
    }

    /** What the operating system or the database said when a failure came from a full disk, if it did. */
    public static Optional<String> diskFull(Throwable failure) {
        for (Throwable t : chain(failure)) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("not enough space on the disk")
                    || message.contains("disk quota exceeded")) {
                return Optional.of(firstLine(t.getMessage()));
            }
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return Optional.of(firstLine(sql.getMessage()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every exception beneath a failure: causes, and the exceptions a batch (or a driver) chains with
     * {@link SQLException#getNextException()} instead of a cause, as H2 does for a failed batch insert.
     */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && out.size() < 100) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return out;
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
