package org.ctemcycles.cli.embedded;

/**
 * The database cannot be used, for a reason the user can act on: another process holds it, the server cannot be
 * reached or refuses the credentials, or no database exists where one was named. The message says which, in plain
 * words (the command line exits with its own code for it).
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
