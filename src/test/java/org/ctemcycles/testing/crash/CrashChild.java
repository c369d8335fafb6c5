package org.ctemcycles.testing.crash;

import org.ctemcycles.cli.Ctem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process the crash-safety test kills: the real {@code ctem} command, started in a JVM of its own, with one
 * fault prepared before it runs. {@code CrashChild MODE ARG -- CTEM-ARGS...}: {@code plain} runs ctem as it is (the
 * test kills it with SIGKILL or SIGTERM); {@code disk BYTES} registers a disk that is full after BYTES written (H2's
 * {@code jdbc:h2:fulldisk:} files); {@code memory MILLIS} exhausts the heap after MILLIS, so the import meets an
 * OutOfMemoryError wherever it is (with the launcher's JVM options the JVM then ends at once, ADR 041).
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        long value = Long.parseLong(args[1]);
        List<String> ctem = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
        switch (mode) {
            case "plain" -> { }
            case "disk" -> FullDiskFilePath.install(value);
            case "memory" -> exhaustMemoryAfter(value);
            default -> throw new IllegalArgumentException(mode);
        }
        Ctem.main(ctem.toArray(new String[0]));
    }

    /** Fills the heap and keeps it full, so the next allocation of the import fails. */
    private static void exhaustMemoryAfter(long millis) {
        Thread hog = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            List<long[]> held = new ArrayList<>();
            int size = 1 << 20;
            while (true) {
                try {
                    held.add(new long[size]);
                } catch (OutOfMemoryError full) {
                    if (size == 16) {
                        break;
                    }
                    size /= 2; // fill what is left in smaller pieces
                }
            }
            synchronized (held) {
                try {
                    held.wait(); // hold it until the process ends
                } catch (InterruptedException e) {
                    held.clear();
                }
            }
        }, "memory-hog");
        hog.setDaemon(true);
        hog.start();
    }
}
