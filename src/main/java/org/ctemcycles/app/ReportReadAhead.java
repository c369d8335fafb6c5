package org.ctemcycles.app;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A report read and parsed on a thread of its own (a daemon named {@code ctem-report-reader}), so that the caller can
 * open the database and plan the run meanwhile, and deduplicate while the rest is parsed (ADR 037). The observations
 * are handed over in report order, in chunks, through a bounded queue: the reader blocks while the queue is full, so
 * at most {@link #bound()} observations are held between the two. Whatever the reader meets (a malformed report, a
 * limit, any error) is thrown to the caller as the reader threw it, when the caller comes to it.
 * <p>
 * One caller takes the report in, once ({@link ReportImport#read(ReportReadAhead, ReportImport.Options)});
 * {@link #close()} stops the reader wherever it is (an option found wrong, the database unavailable, the report
 * rejected) and waits for its thread to end.
 */
public final class ReportReadAhead implements AutoCloseable {

    static final int CHUNK = 128;
    static final int CHUNKS = 8;
    /** How long {@link #close()} waits for a reader blocked in a stream that heeds neither interrupt nor close. */
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final String name;
    private final String format;
    private final ImportLimits limits;
    private final ReportReader reader;
    private final Opener opener;
    private final boolean owned;
    private final int chunk;
    private final int chunks;
    private final BlockingQueue<Handover> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Counted counted;
    private volatile long produced;
    private boolean opened;
    private boolean taken;

    private ReportReadAhead(String name, Opener opener, boolean owned, String format, Importers importers,
                            ImportLimits limits, int chunk, int chunks) {
        if (chunk < 1 || chunks < 1) {
            throw new IllegalArgumentException("a read-ahead holds at least one chunk of one observation");
        }
        this.name = name;
        this.opener = opener;
        this.owned = owned;
        this.format = format;
        this.limits = limits;
        this.reader = new ReportReader(importers, limits);
        this.chunk = chunk;
        this.chunks = chunks;
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.thread = new Thread(this::run, "ctem-report-reader");
        thread.setDaemon(true);
    }

    /**
     * Starts reading a report file (gzip or plain) on the reader thread, which opens and closes it.
     *
     * @param format the format to read it as, or null to detect it from the content
     */
    public static ReportReadAhead start(Path file, String format, Importers importers, ImportLimits limits) {
        Path name = file.getFileName();
        return start(new ReportReadAhead(name == null ? file.toString() : name.toString(),
                () -> Files.newInputStream(file), true, format, importers, limits, CHUNK, CHUNKS));
    }

    /**
     * Starts reading a report from a stream, which it does not close, in chunks of {@code chunk} observations with
     * at most {@code chunks} of them queued.
     */
    static ReportReadAhead start(String name, InputStream content, String format, Importers importers,
                                 ImportLimits limits, int chunk, int chunks) {
        return start(new ReportReadAhead(name, () -> content, false, format, importers, limits, chunk, chunks));
    }

    private static ReportReadAhead start(ReportReadAhead ahead) {
        ahead.thread.start();
        return ahead;
    }

    /** The report's file name. */
    String name() {
        return name;
    }

    /** The format it is read as, or null when detected from the content. */
    String format() {
        return format;
    }

    ImportLimits limits() {
        return limits;
    }

    /**
     * Waits until the report is open.
     *
     * @throws ImportException when it cannot be opened ("no such file", "cannot be read: ..."), as a file import
     *                         says before it reads anything
     */
    void awaitOpen() throws ImportException {
        if (opened) {
            return;
        }
        Handover first = take();
        if (first instanceof Failed failed) {
            throw rethrown(failed.failure());
        }
        if (!(first instanceof Opened)) {
            throw new IllegalStateException("the reader hands over the opening first, not " + first);
        }
        opened = true;
    }

    /**
     * Hands every observation of the report to {@code sink}, in report order, as the reader reads them, and returns
     * what was read; once only.
     *
     * @throws ImportException when the report is malformed or over a limit (the sink may have received
     *                         observations by then); the reader's runtime exceptions and errors are thrown as they are
     */
    ReportReader.Outcome readInto(ObservationSink sink) throws ImportException {
        if (taken) {
            throw new IllegalStateException("a read-ahead hands its report over once");
        }
        taken = true;
        awaitOpen();
        while (true) {
            Handover next = take();
            if (next instanceof Chunk part) {
                for (Observation observation : part.observations()) {
                    sink.observation(observation);
                }
            } else if (next instanceof Done done) {
                return done.outcome();
            } else if (next instanceof Failed failed) {
                throw rethrown(failed.failure());
            } else {
                throw new IllegalStateException("the reader hands over the opening once, not " + next);
            }
        }
    }

    private Handover take() throws ImportException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new ImportException("offset " + bytesRead() + ": cannot be read: the import was interrupted", e);
        }
    }

    private static ImportException rethrown(Throwable failure) {
        if (failure instanceof ImportException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("the report reader failed", failure);
    }

    /** The bytes read from the report so far (before decompression). */
    long bytesRead() {
        Counted reading = counted;
        return reading == null ? 0 : reading.count();
    }

    /** The most observations held between the reader and the caller at any moment. */
    int bound() {
        // the queue full, the chunk the reader waits to queue, and the one the caller is taking in
        return (chunks + 2) * chunk;
    }

    /** How many observations the reader has read so far. */
    long produced() {
        return produced;
    }

    /** Whether the reader thread is still running. */
    boolean alive() {
        return thread.isAlive();
    }

    /**
     * Stops the reader, if it still runs, and waits for its thread to end: it stops at its next read or
     * observation, or at once when it waits for the queue or in a stream that heeds interrupts. Idempotent.
     */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        queue.clear();
        boolean interrupted = false;
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
        while (thread.isAlive()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break; // a daemon: it cannot keep the JVM alive, and it hands nothing over any more
            }
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        InputStream in;
        try {
            in = opener.open();
        } catch (NoSuchFileException e) {
            hand(new Failed(new ImportException("no such file")));
            return;
        } catch (IOException e) {
            hand(new Failed(new ImportException("cannot be read: " + e.getMessage(), e)));
            return;
        } catch (Throwable e) {
            hand(new Failed(e));
            return;
        }
        try {
            if (!hand(new Opened())) {
                return;
            }
            Chunks chunks = new Chunks();
            Handover last;
            try {
                counted = new Counted(in);
                last = new Done(reader.read(counted, format, chunks));
            } catch (Throwable e) {
                last = new Failed(e);
            }
            // what was read before a failure is handed over too, as the reader on the caller's thread would have
            if (chunks.flush()) {
                hand(last);
            }
        } finally {
            if (owned) {
                try {
                    in.close();
                } catch (IOException e) {
                    // read-only: nothing is lost, and the caller has what was read
                }
            }
        }
    }

    /** Queues {@code item}, waiting for room; false when the reader was stopped meanwhile. */
    private boolean hand(Handover item) {
        try {
            while (!stopped) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            // stopped
        }
        return false;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** What the reader hands over, in this order: the opening, chunks of observations, then the end or a failure. */
    private sealed interface Handover permits Opened, Chunk, Done, Failed {
    }

    private record Opened() implements Handover {
    }

    private record Chunk(List<Observation> observations) implements Handover {
    }

    private record Done(ReportReader.Outcome outcome) implements Handover {
    }

    private record Failed(Throwable failure) implements Handover {
    }

    /** Gathers observations into chunks and queues each full one. */
    private final class Chunks implements ObservationSink {
        private List<Observation> part = new ArrayList<>(chunk);

        @Override
        public void observation(Observation observation) {
            if (stopped) {
                throw new Stopped();
            }
            produced++;
            part.add(observation);
            if (part.size() == chunk && !flush()) {
                throw new Stopped();
            }
        }

        @Override
        public void warning(String message) {
            // the reader's outcome keeps every warning
        }

        boolean flush() {
            if (part.isEmpty()) {
                return !stopped;
            }
            List<Observation> full = part;
            part = new ArrayList<>(chunk);
            return hand(new Chunk(full));
        }
    }

    /** Ends the reading of a report nobody takes in any more. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the report is no longer wanted", null, false, false);
        }
    }

    /** Counts the bytes read (the import's log names them), and ends the reading once the reader is stopped. */
    private final class Counted extends ReportImport.CountingInputStream {

        Counted(InputStream in) {
            super(in);
        }

        @Override
        void beforeRead() throws InterruptedIOException {
            if (stopped) {
                throw new InterruptedIOException("the report is no longer wanted");
            }
        }
    }
}
