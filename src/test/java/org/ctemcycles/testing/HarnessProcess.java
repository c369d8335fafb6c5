package org.ctemcycles.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP harness in a JVM of its own, so that a test can give the server a heap of a known (small) size and send
 * it more than that: prints {@code READY <port> <max heap bytes>}, serves until a line arrives on standard input,
 * then prints {@code HEAP <highest heap use sampled> <peak of the old generation>} (bytes) and stops.
 */
public final class HarnessProcess {

    private HarnessProcess() {
    }

    public static void main(String[] args) throws Exception {
        RestHarness harness = new RestHarness(TestDatabase.h2(), Clock.systemUTC());
        harness.before();
        AtomicLong highest = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                highest.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        System.out.println("READY " + harness.jiraUrl().getPort() + " " + Runtime.getRuntime().maxMemory());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        sampler.interrupt();
        long oldPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Tenured")
                    || pool.getName().contains("Old"))) {
                oldPeak = Math.max(oldPeak, pool.getPeakUsage().getUsed());
            }
        }
        System.out.println("HEAP " + highest.get() + " " + oldPeak);
        System.out.flush();
        harness.after();
        System.exit(0);
    }
}
