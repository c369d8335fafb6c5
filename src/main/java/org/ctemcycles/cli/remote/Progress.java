package org.ctemcycles.cli.remote;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One line on standard error saying how far a transfer has come ({@code bytes sent of total}), rewritten in place
 * at most every {@value #EVERY_MILLIS} ms, so a long upload shows it is moving without flooding a CI log.
 */
public final class Progress {

    static final long EVERY_MILLIS = 250;

    private final PrintStream err;
    private final String what;
    private final long total;
    private final LongSupplier millis;
    private long done;
    private long shownAt = Long.MIN_VALUE;

    /**
     * @param what   what is moving, e.g. "uploading 3 files to https://jira.example.com"
     * @param millis the clock, in milliseconds
     */
    public Progress(PrintStream err, String what, long total, LongSupplier millis) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.millis = millis;
    }

    /** Counts {@code bytes} more; shows the line when the last one is old enough. */
    public synchronized void advance(long bytes) {
        done = Math.min(total, done + bytes);
        long now = millis.getAsLong();
        if (shownAt == Long.MIN_VALUE || now - shownAt >= EVERY_MILLIS) {
            shownAt = now;
            err.print("\r" + line());
            err.flush();
        }
    }

    /** Shows the final count and ends the line. */
    public synchronized void finish() {
        err.println("\r" + line());
    }

    private String line() {
        return String.format(Locale.ROOT, "ctem: %s: %s of %s (%d%%)", what, size(done), size(total),
                total == 0 ? 100 : done * 100 / total);
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
