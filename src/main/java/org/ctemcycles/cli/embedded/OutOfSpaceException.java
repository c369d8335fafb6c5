package org.ctemcycles.cli.embedded;

/** The disk the database writes to is full: the change under way was not stored. */
public class OutOfSpaceException extends RuntimeException {

    public OutOfSpaceException(String reason) {
        super(reason);
    }

    /** The disk filled while the embedded database wrote in the background: {@code cause} is what it met. */
    public OutOfSpaceException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
