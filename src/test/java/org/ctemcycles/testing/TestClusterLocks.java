package org.ctemcycles.testing;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * Jira's cluster locks as beehive documents them, for tests: one lock per name shared by every node of the test's
 * cluster; held by one thread; not re-entrant (the holder's own tryLock fails); never timing out; unlocked only by
 * its holder; released when the holding node dies ({@link #nodeDied}).
 */
public final class TestClusterLocks {

    private final Map<String, TestLock> locks = new ConcurrentHashMap<>();

    /** The lock service as one node of the cluster sees it. */
    public ClusterLockService node(String name) {
        return lockName -> locks.computeIfAbsent(lockName, TestLock::new).on(name);
    }

    /** The node stopped: every lock its threads held is free again. */
    public void nodeDied(String node) {
        locks.values().forEach(lock -> lock.releaseIfHeldBy(node));
    }

    /** Whether a lock of that name is held now. */
    public boolean held(String lockName) {
        TestLock lock = locks.get(lockName);
        return lock != null && lock.holder != null;
    }

    private static final class TestLock {

        private final String name;
        private Thread holder;
        private String holderNode;

        TestLock(String name) {
            this.name = name;
        }

        ClusterLock on(String node) {
            return new ClusterLock() {
                @Override
                public void lock() {
                    try {
                        lockInterruptibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void lockInterruptibly() throws InterruptedException {
                    while (!tryLock(1, TimeUnit.HOURS)) {
                        // waits on
                    }
                }

                @Override
                public boolean tryLock() {
                    return take(node);
                }

                @Override
                public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
                    long until = System.nanoTime() + unit.toNanos(time);
                    synchronized (TestLock.this) {
                        while (!take(node)) {
                            long left = until - System.nanoTime();
                            if (left <= 0) {
                                return false;
                            }
                            TimeUnit.NANOSECONDS.timedWait(TestLock.this, left);
                        }
                        return true;
                    }
                }

                @Override
                public void unlock() {
                    synchronized (TestLock.this) {
                        if (holder != Thread.currentThread()) {
                            throw new IllegalMonitorStateException("lock " + name + " is not held by this thread");
                        }
                        holder = null;
                        holderNode = null;
                        TestLock.this.notifyAll();
                    }
                }

                @Override
                public Condition newCondition() {
                    throw new UnsupportedOperationException("cluster locks have no conditions");
                }
            };
        }

        private synchronized boolean take(String node) {
            if (holder != null) {
                return false; // not re-entrant: the holder's own second attempt fails too
            }
            holder = Thread.currentThread();
            holderNode = node;
            return true;
        }

        synchronized void releaseIfHeldBy(String node) {
            if (node.equals(holderNode)) {
                holder = null;
                holderNode = null;
                notifyAll();
            }
        }
    }
}
