package org.ctemcycles.jira.tracker;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.core.mobilisation.MobilisationRun;
import org.ctemcycles.core.mobilisation.MobilisationRuns;
import org.ctemcycles.jira.CtemServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works mobilisation runs on this node, off the request thread: a run is worked by one node at a time, under a
 * cluster lock named after it (taken with tryLock on the worker thread, released on it: the lock is not
 * re-entrant); a run whose lock another node holds is that node's. The app's stop interrupts the work between two
 * findings; the run stays unfinished and the scheduled job ({@link TrackerJobs}) has a node resume it, which is also
 * what happens after a node dies (its locks are released with it).
 */
@Component
public class MobilisationWorker {

    static final String LOCK_PREFIX = "org.ctemcycles.ctem-cycles-jira.mobilisation-run.";
    static final int THREADS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MobilisationWorker.class);

    private final CtemServices services;
    private final ClusterLockService locks;
    private final ExecutorService executor;
    /** Runs queued or being worked on this node's threads, so the job does not queue them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Inject
    public MobilisationWorker(CtemServices services, @ComponentImport ClusterLockService locks) {
        this(services, locks, THREADS);
    }

    public MobilisationWorker(CtemServices services, ClusterLockService locks, int threads) {
        this.services = services;
        this.locks = locks;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread thread = new Thread(work, "ctem-mobilisation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** Works the run on a thread of this node, unless another node holds it or it is queued here already. */
    public Optional<Future<?>> submit(String runId) {
        if (stopping || !queued.add(runId)) {
            return Optional.empty();
        }
        return Optional.of(executor.submit(() -> {
            try {
                work(runId);
            } finally {
                queued.remove(runId);
            }
        }));
    }

    /** Hands every unfinished run of the cluster to this node's threads (the scheduled job). */
    public int resumeUnfinished() {
        int submitted = 0;
        for (String runId : runs().unfinished()) {
            if (submit(runId).isPresent()) {
                submitted++;
            }
        }
        return submitted;
    }

    /** Works the run on the calling thread under its cluster lock; false when another holder has it. */
    boolean work(String runId) {
        ClusterLock lock = locks.getLockForName(LOCK_PREFIX + runId);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            MobilisationRun run = runs().work(runId, MobilisationRuns.BATCH,
                    () -> !stopping && !Thread.currentThread().isInterrupted());
            if (run.finished()) {
                LOG.info("CTEM: mobilisation run {} of cycle {} finished: {} findings, {} mobilised, {} failed",
                        run.id(), run.cycleKey(), run.total(), run.mobilised(), run.failed());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("CTEM: mobilisation run {} stopped ({}); the scheduled job resumes it", runId, e.toString());
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking work and interrupts the threads; unfinished runs stay for a node to resume. */
    @PreDestroy
    public void stop() {
        stopping = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MobilisationRuns runs() {
        return services.record().mobilisationRuns();
    }
}
