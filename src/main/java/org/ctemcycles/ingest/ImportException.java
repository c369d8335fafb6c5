package org.ctemcycles.ingest;

/** A report that cannot be imported; the message names what is wrong and where (line, column or byte offset). */
public class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
