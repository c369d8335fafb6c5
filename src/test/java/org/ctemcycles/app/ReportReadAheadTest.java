package org.ctemcycles.app;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A report read ahead on its own thread gives exactly what the reader gives on the caller's thread, in the same
 * order, with the same failures; it holds no more than its bound however slow the caller; and its thread ends
 * whenever the caller stops it, also in the middle of an endless report or a stream that blocks.
 */
public class ReportReadAheadTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Rule
    public final Timeout timeout = new Timeout(60, TimeUnit.SECONDS);

    private final Importers importers = Importers.standard();
    private final ImportLimits limits = ImportLimits.defaults();

    /** Everything one reading gave: observations in order and the outcome, or the failure. */
    private record Reading(List<Observation> observations, String format, String sha256, List<String> warnings,
                           boolean complete, String failure) {
    }

    private Reading sequential(Path file) throws IOException {
        List<Observation> observations = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ReportReader.Outcome outcome = new ReportReader(importers, limits).read(in, null, collecting(observations));
            return new Reading(observations, outcome.format(), outcome.sha256(), outcome.warnings(),
                    outcome.complete(), null);
        } catch (ImportException e) {
            return new Reading(observations, null, null, null, false, e.getMessage());
        }
    }

    private Reading readAhead(Path file, int chunk, int chunks) throws IOException {
        List<Observation> observations = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             ReportReadAhead ahead = ReportReadAhead.start(file.getFileName().toString(), in, null, importers, limits,
                     chunk, chunks)) {
            try {
                ReportReader.Outcome outcome = ahead.readInto(collecting(observations));
                return new Reading(observations, outcome.format(), outcome.sha256(), outcome.warnings(),
                        outcome.complete(), null);
            } catch (ImportException e) {
                return new Reading(observations, null, null, null, false, e.getMessage());
            } finally {
                ahead.close();
                assertFalse("the reader thread ends", ahead.alive());
            }
        }
    }

    private static ObservationSink collecting(List<Observation> observations) {
        return sink(observations::add);
    }

    /** A sink that gives each observation to {@code each} and drops the warnings (the outcome has them). */
    static ObservationSink sink(Consumer<Observation> each) {
        return new ObservationSink() {
            @Override
            public void observation(Observation observation) {
                each.accept(observation);
            }

            @Override
            public void warning(String message) {
            }
        };
    }

    private static List<Path> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(ReportReadAheadTest.class.getResource("/ingest").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
    }

    @Test
    public void everyCorpusReportReadsAheadAsItReadsInPlace() throws Exception {
        List<Path> corpus = corpus();
        assertTrue("the corpus is there: " + corpus.size(), corpus.size() > 40);
        int failures = 0;
        int observations = 0;
        for (Path file : corpus) {
            Reading inPlace = sequential(file);
            // chunks of 1 and 2 with a queue of 1: many hand-overs, the reader waiting on the caller most of the time
            assertEquals(file.toString(), inPlace, readAhead(file, 1, 1));
            assertEquals(file.toString(), inPlace, readAhead(file, 2, 1));
            assertEquals(file.toString(), inPlace, readAhead(file, ReportReadAhead.CHUNK, ReportReadAhead.CHUNKS));
            failures += inPlace.failure() == null ? 0 : 1;
            observations += inPlace.observations().size();
        }
        assertTrue("the corpus holds rejected reports too: " + failures, failures > 0);
        assertTrue("and many observations: " + observations, observations > 50);
    }

    /** A SARIF report of {@code results} results, each its own finding. */
    private static String sarif(int results) {
        StringBuilder text = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":"
                + "\"CodeQL\"}},\"results\":[");
        for (int i = 0; i < results; i++) {
            text.append(i == 0 ? "" : ",").append(result(i));
        }
        return text.append("]}]}").toString();
    }

    private static String result(int i) {
        return "{\"ruleId\":\"rule-" + i + "\",\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":"
                + "{\"artifactLocation\":{\"uri\":\"src/app.js\"},\"region\":{\"startLine\":" + (i + 1) + "}}}]}";
    }

    @Test
    public void aManyResultReportArrivesWholeAndInOrder() throws Exception {
        Path file = folder.getRoot().toPath().resolve("many.sarif");
        Files.writeString(file, sarif(5_000), StandardCharsets.UTF_8);
        Reading inPlace = sequential(file);
        assertEquals(5_000, inPlace.observations().size());
        assertEquals(inPlace, readAhead(file, 7, 3));
        assertEquals(inPlace, readAhead(file, ReportReadAhead.CHUNK, ReportReadAhead.CHUNKS));
    }

    @Test
    public void theReaderHoldsNoMoreThanItsBoundWhenTheCallerIsSlow() throws Exception {
        byte[] report = sarif(3_000).getBytes(StandardCharsets.UTF_8);
        try (ReportReadAhead ahead = ReportReadAhead.start("slow.sarif", new ByteArrayInputStream(report), null,
                importers, limits, 4, 2)) {
            assertEquals(16, ahead.bound());
            long[] consumed = {0};
            long[] mostHeld = {0};
            ReportReader.Outcome outcome = ahead.readInto(new ObservationSink() {
                @Override
                public void observation(Observation observation) {
                    consumed[0]++;
                    if (consumed[0] <= 300) {
                        pause(); // a slow caller: the reader has all the time it wants to run ahead
                    }
                    long held = ahead.produced() - consumed[0];
                    assertTrue("held " + held + " after " + consumed[0], held <= ahead.bound());
                    mostHeld[0] = Math.max(mostHeld[0], held);
                }

                @Override
                public void warning(String message) {
                }
            });
            assertEquals(3_000, outcome.observations());
            assertEquals(3_000, consumed[0]);
            assertTrue("the reader did run ahead, up to its bound: " + mostHeld[0], mostHeld[0] >= 12);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An endless SARIF report: a header, then results for ever. */
    static InputStream endlessSarif() {
        byte[] head = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},\"results\":["
                .getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
            private byte[] next = new byte[0];
            private int at;
            private int count;

            @Override
            public int read() {
                if (at == next.length) {
                    next = ((count == 0 ? "" : ",") + result(count++)).getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return next[at++] & 0xFF;
            }
        });
    }

    @Test
    public void closingStopsAReaderWaitingForRoomInAnEndlessReport() throws Exception {
        ReportReadAhead ahead = ReportReadAhead.start("endless.sarif", endlessSarif(), null, importers,
                new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 100_000, 64), 128, 8);
        while (ahead.produced() < 128 * 4) {
            Thread.sleep(5);
        }
        ahead.close();
        assertFalse("the reader thread ended", ahead.alive());
        long read = ahead.bytesRead();
        Thread.sleep(50);
        assertEquals("and reads no more", read, ahead.bytesRead());
    }

    @Test
    public void closingStopsAReaderInTheMiddleOfEndlessInput() throws Exception {
        // no observation ever: the reader is never waiting for room, only reading (whitespace before the format)
        InputStream blanks = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) ' ');
                return length;
            }
        };
        ReportReadAhead ahead = ReportReadAhead.start("blank.sarif", blanks, null, importers,
                new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 100_000, 64), 128, 8);
        while (ahead.bytesRead() < 1_000_000) {
            Thread.sleep(5);
        }
        ahead.close();
        assertFalse("the reader thread ended", ahead.alive());
    }

    /** A stream whose first read counts {@code reading} down and then waits until it is interrupted. */
    private static InputStream blocking(CountDownLatch reading) {
        CountDownLatch never = new CountDownLatch(1);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                reading.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted");
                }
                return -1;
            }
        };
    }

    @Test
    public void closingStopsAReaderBlockedInItsStream() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        ReportReadAhead ahead = ReportReadAhead.start("pipe.sarif", blocking(reading), null, importers, limits, 128, 8);
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        ahead.close();
        assertFalse("the reader thread ended", ahead.alive());
    }

    @Test
    public void whatTheReaderThrowsReachesTheCallerAsThrown() throws Exception {
        StackOverflowError deep = new StackOverflowError("too deep");
        IllegalStateException broken = new IllegalStateException("broken");
        for (Throwable thrown : List.<Throwable>of(deep, broken)) {
            InputStream failing = new SequenceInputStream(new ByteArrayInputStream(
                    sarif(300).substring(0, 4000).getBytes(StandardCharsets.UTF_8)), new InputStream() {
                        @Override
                        public int read() {
                            if (thrown instanceof Error e) {
                                throw e;
                            }
                            throw (RuntimeException) thrown;
                        }
                    });
            try (ReportReadAhead ahead = ReportReadAhead.start("failing.sarif", failing, null, importers, limits, 2,
                    1)) {
                try {
                    ahead.readInto(collecting(new ArrayList<>()));
                    fail("the failure reaches the caller");
                } catch (Throwable e) {
                    assertSame(thrown, e);
                }
                ahead.close();
                assertFalse(ahead.alive());
            }
        }
    }

    @Test
    public void aMalformedReportFailsWithTheMessageItFailsWithInPlace() throws Exception {
        Path file = folder.getRoot().toPath().resolve("cut.sarif");
        String whole = sarif(1_000);
        Files.writeString(file, whole.substring(0, whole.length() / 2) + "{{", StandardCharsets.UTF_8);
        Reading inPlace = sequential(file);
        assertTrue(inPlace.toString(), inPlace.failure() != null && !inPlace.observations().isEmpty());
        assertEquals(inPlace, readAhead(file, 3, 2));
    }

    @Test
    public void aMissingFileIsNamedBeforeAnythingIsRead() throws Exception {
        try (ReportReadAhead ahead = ReportReadAhead.start(folder.getRoot().toPath().resolve("none.sarif"), null,
                importers, limits)) {
            ahead.awaitOpen();
            fail("no such file");
        } catch (ImportException e) {
            assertEquals("no such file", e.getMessage());
        }
    }

    @Test
    public void aCallerInterruptedWhileWaitingStopsTheReaderAndKeepsItsInterrupt() throws Exception {
        ReportReadAhead ahead = ReportReadAhead.start("pipe.sarif", blocking(new CountDownLatch(1)), null, importers, limits, 128, 8);
        Thread.currentThread().interrupt();
        try {
            ahead.readInto(collecting(new ArrayList<>()));
            fail("an interrupted caller read on");
        } catch (ImportException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("cannot be read: the import was interrupted"));
            assertTrue("the caller keeps its interrupt", Thread.interrupted());
        }
        assertFalse("the reader thread ended", ahead.alive());
    }

    @Test
    public void aCallerFailingInTheMiddleLeavesAReaderThatCloseStops() throws Exception {
        ReportReadAhead ahead = ReportReadAhead.start("endless.sarif", endlessSarif(), null, importers,
                new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 100_000, 64), 128, 8);
        try (ahead) {
            ahead.readInto(sink(observation -> {
                throw new IllegalStateException("the plan failed");
            }));
            fail("the sink's failure was lost");
        } catch (IllegalStateException e) {
            assertEquals("the plan failed", e.getMessage());
        }
        assertFalse("the reader thread ended", ahead.alive());
    }
}
