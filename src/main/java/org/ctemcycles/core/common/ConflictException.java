package org.ctemcycles.core.common;

/**
 * A change lost a race: someone else changed the same record first (another user, another node). Nothing of the
 * losing change is stored. The message says what changed and asks the user to reload and try again.
 * {@link #retryable()} marks conflicts that the transaction boundary may retry by itself because the request does
 * not depend on what the other change did (two appends to one activity log); a stale version never is.
 */
public class ConflictException extends RuntimeException {

    private final boolean retryable;

    public ConflictException(String message) {
        this(message, false, null);
    }

    public ConflictException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
