package org.ctemcycles.testing;

import org.ctemcycles.core.common.Transactions;

import java.util.function.Supplier;

/**
 * {@link Transactions} for services over in-memory ports: the work runs on the caller's thread, once. Nothing is
 * rolled back when it fails, so core's unit tests prove rules (what a service refuses before it writes), and the
 * persistence tests prove atomicity on real databases.
 */
public class DirectTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
