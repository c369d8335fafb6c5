package org.ctemcycles.cli.embedded;

import java.sql.SQLException;

/**
 * An SQL error surfaced unchecked, as Jira's Active Objects does (there: ActiveObjectsSqlException), so that code
 * written against {@code ActiveObjects} behaves the same on the standalone database.
 */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
