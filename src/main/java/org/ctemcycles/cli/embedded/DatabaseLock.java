package org.ctemcycles.cli.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One process at a time on an embedded database file, and a plain answer for the others: an exclusive operating
 * system lock on {@code NAME.lock} beside the database, held while the database is open, with the holder's process id,
 * command and start time written into the file. The operating system releases the lock when its process ends however
 * it ends ({@code kill -9} included), so a lock is never left behind. A second process waits up to a limit for the
 * lock, then fails naming the holder.
 */
public final class DatabaseLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a database, waiting up to {@code wait} while another process holds it.
     *
     * @param database the database file without its extension (H2 appends {@code .mv.db})
     * @param holder   what to tell a waiting process about this one (e.g. the command line)
     * @throws DatabaseUnavailableException when another process still holds it after {@code wait}
     */
    public static DatabaseLock acquire(Path database, String holder, Duration wait, Clock clock) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        Instant deadline = clock.instant().plus(wait);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        String about = "pid " + ProcessHandle.current().pid() + ", " + holder + ", since "
                                + clock.instant() + "\n";
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap(about.getBytes(StandardCharsets.UTF_8)), 0);
                        return new DatabaseLock(file, channel, lock);
                    }
                    if (!clock.instant().isBefore(deadline)) {
                        throw new DatabaseUnavailableException("the database " + database + " is in use by another"
                                + " process (" + holderOf(file) + "); waited " + seconds(wait) + " s. Let that"
                                + " command finish, or stop it, and run this one again");
                    }
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new DatabaseUnavailableException("interrupted while waiting for the database " + database);
            } catch (RuntimeException | IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot lock the database " + database + " (" + file + "): "
                    + e.getMessage());
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? String.valueOf(wait.toSeconds())
                : String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this process (another open of the same file): wait for it like for any other
        }
    }

    /** What the holder wrote into the lock file (the lock is advisory: the file reads while it is held). */
    static String holderOf(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case; nothing is left to undo
        }
    }
}
