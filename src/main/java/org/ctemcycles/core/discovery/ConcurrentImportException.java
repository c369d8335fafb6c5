package org.ctemcycles.core.discovery;

/**
 * Another import into the same cycle (on this node or another) committed a conflicting change first, e.g. the same
 * new finding or the same report, or the database could not serialise the two; the transaction was rolled back and
 * can be run again.
 */
public class ConcurrentImportException extends RuntimeException {

    public ConcurrentImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
