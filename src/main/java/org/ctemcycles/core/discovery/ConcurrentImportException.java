package org.ctemcycles.core.discovery;

/**
 * Another import into the same cycle (on this node or another) stored a conflicting row first, e.g. the same new
 * finding or the same report; the transaction was rolled back and can be run again.
 */
public class ConcurrentImportException extends RuntimeException {

    public ConcurrentImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
