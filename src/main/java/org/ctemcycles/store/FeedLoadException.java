package org.ctemcycles.store;

/** A feed could not be stored; the active feed is unchanged. */
public class FeedLoadException extends RuntimeException {

    public FeedLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
