package org.ctemcycles.core.common;

import java.util.function.Supplier;

/**
 * The transaction boundary of a service call: everything the work stores commits together or not at all. The Active
 * Objects implementation also retries the whole work when it failed on a {@link ConflictException#retryable()
 * retryable} conflict, so work must read what it needs inside the callback.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
