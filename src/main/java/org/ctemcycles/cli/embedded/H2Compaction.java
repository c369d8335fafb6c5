package org.ctemcycles.cli.embedded;

import org.h2.mvstore.MVStoreTool;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded database compacts itself: H2 writes changed pages to new places and leaves the old ones behind, so
 * after large changes most of the file can be dead space. When a command closes a database whose file is mostly dead
 * space, the live data is copied into a new file beside it, which then replaces the old one by an atomic rename.
 * Nothing is moved inside the file in use: a process stopped while compacting leaves the old file whole and a
 * partial copy, which the next open deletes.
 */
final class H2Compaction {

    /**
     * Less dead space than this is left where it is: H2 writes new chunks into it, and copying the live data costs a
     * command about as long as it took to write (0.3 to 0.4 s for a cycle of 14,219 findings, ADR 039).
     */
    static final long MIN_DEAD_BYTES = 64L << 20;
    /** Compact when less than this share of the file (in percent) is live data. */
    static final int MAX_FILL_PERCENT = 50;
    private static final String PARTIAL_SUFFIX = ".compacting";

    private H2Compaction() {
    }

    /** Deletes what a compaction stopped half-way left behind (the database file itself was not touched). */
    static void cleanUp(Path dataFile) {
        try {
            Files.deleteIfExists(partial(dataFile));
        } catch (IOException e) {
            // the next compaction overwrites it
        }
    }

    /**
     * Whether the open database's file is large and mostly dead space, by H2's own statistics of its store: the share
     * of its pages that are live ({@code info.PAGE_COUNT_LIVE} of {@code info.PAGE_COUNT}), which drops as soon as
     * rows are deleted or a large transaction's undo log is dropped (the chunks' fill rate follows only later, and
     * the file's fill rate stays high while emptied chunks remain in it).
     *
     * @param grew whether the file grew while the command had it open: then H2 may not yet count what the command's
     *             transactions left behind as dead (a 1,000,000-result import closed its 571 MB file as mostly live,
     *             for the next command to copy, 4.7 s), so a file that looks mostly live is judged again after a
     *             checkpoint; a command that only read stores nothing more
     */
    static boolean worthwhile(DataSource dataSource, boolean grew) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<String, Long> statistics = statistics(s);
            if (statistics.getOrDefault("info.FILE_SIZE", 0L) < MIN_DEAD_BYTES) {
                return false;
            }
            if (!mostlyDead(statistics) && grew) {
                s.execute("CHECKPOINT");
                statistics = statistics(s);
            }
            return mostlyDead(statistics);
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /** Less than {@link #MAX_FILL_PERCENT} live, and at least {@link #MIN_DEAD_BYTES} of dead space. */
    private static boolean mostlyDead(Map<String, Long> statistics) {
        long size = statistics.getOrDefault("info.FILE_SIZE", 0L);
        long pages = statistics.getOrDefault("info.PAGE_COUNT", 0L);
        long live = statistics.getOrDefault("info.PAGE_COUNT_LIVE", 0L);
        if (pages <= 0 || live * 100 >= pages * MAX_FILL_PERCENT) {
            return false;
        }
        return size - size * live / pages >= MIN_DEAD_BYTES;
    }

    /** H2's statistics of the store: the file's size in bytes, its pages, its live pages. */
    private static Map<String, Long> statistics(Statement s) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.PAGE_COUNT', 'info.PAGE_COUNT_LIVE', 'info.FILE_SIZE')")) {
            while (rs.next()) {
                out.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
        }
        return out;
    }

    /**
     * Copies the live data of a closed database into a new file and puts it in the old one's place.
     *
     * @return whether the file was replaced (false: it was left as it was)
     */
    static boolean compact(Path dataFile) {
        Path copy = partial(dataFile);
        try {
            Files.deleteIfExists(copy);
            MVStoreTool.compact(dataFile.toString(), copy.toString(), false);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true); // the copy is on disk before it takes the old file's name
            }
            try {
                Files.move(copy, dataFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(copy);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            cleanUp(dataFile);
            return false;
        }
    }

    private static Path partial(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + PARTIAL_SUFFIX);
    }
}
