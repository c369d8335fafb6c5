package org.ctemcycles.core.common;

/** A record that was asked for by its key does not exist. The message names what was looked for. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
