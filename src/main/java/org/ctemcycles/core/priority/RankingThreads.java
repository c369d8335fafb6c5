package org.ctemcycles.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * The threads a ranking runs on: owned and sized by the app (the composition root creates them and closes them with
 * itself), never the JVM's common pool, which inside Jira serves every app and Jira itself. Idle threads end after
 * a few seconds, so an app that ranks rarely holds none between rankings; they are daemons, so a forgotten close
 * never keeps a JVM alive.
 */
public final class RankingThreads implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final int parallelism;

    private RankingThreads(ThreadPoolExecutor pool, int parallelism) {
        this.pool = pool;
        this.parallelism = parallelism;
    }

    /** {@code threads} threads named ctem-ranking-N. */
    public static RankingThreads of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a ranking needs at least one thread, not " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "ctem-ranking-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new RankingThreads(pool, threads);
    }

    /** No threads of its own: every part runs on the caller's thread (tests, one-off rankings). */
    public static RankingThreads callerOnly() {
        return new RankingThreads(null, 1);
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Splits {@code 0..size} into parts, runs {@code part} on each (from, to) and waits for all; the first failure
     * is rethrown. Parts run on the pool, the last one on the caller's thread.
     */
    void inParts(int size, PartTask part) {
        int parts = pool == null || size < 4096 ? 1 : Math.min(parallelism * 4, size / 1024);
        if (parts <= 1) {
            part.run(0, size);
            return;
        }
        IntUnaryOperator bound = i -> (int) ((long) size * i / parts);
        List<CompletableFuture<Void>> running = new ArrayList<>(parts - 1);
        for (int i = 0; i < parts - 1; i++) {
            int from = bound.applyAsInt(i);
            int to = bound.applyAsInt(i + 1);
            running.add(CompletableFuture.runAsync(() -> part.run(from, to), pool));
        }
        try {
            part.run(bound.applyAsInt(parts - 1), size);
        } finally {
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** One part of a ranking's work: the items from (inclusive) to (exclusive). */
    @FunctionalInterface
    interface PartTask {
        void run(int from, int to);
    }

    /** Stops the threads; a ranking under way finishes its parts first. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
