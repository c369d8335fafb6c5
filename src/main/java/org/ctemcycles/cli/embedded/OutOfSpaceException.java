package org.ctemcycles.cli.embedded;

/** The disk the database writes to is full: the change under way was not stored. */
public class OutOfSpaceException extends RuntimeException {

    public OutOfSpaceException(String reason) {
        super(reason);
    }
}
