package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

/** Test helper: reads fixtures from src/test/resources/ingest through an importer or through detection. */
public final class Reports {

    private Reports() {
    }

    /** What one read yielded; {@code skipped} are the warnings about records not read (empty: read whole). */
    public record Read(String format, List<Observation> observations, List<String> warnings, List<String> skipped) {

        public Read(String format, List<Observation> observations, List<String> warnings) {
            this(format, observations, warnings, List.of());
        }

        public boolean complete() {
            return skipped.isEmpty();
        }

        public Observation only(Predicate<Observation> which) {
            List<Observation> found = observations.stream().filter(which).toList();
            assertEquals("observations matching in " + observations, 1, found.size());
            return found.get(0);
        }

        public Observation rule(String ruleId) {
            return only(o -> o.ruleId().equals(ruleId));
        }

        public String allWarnings() {
            return String.join("\n", warnings);
        }
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Reports.class.getResourceAsStream("/ingest/" + resource)) {
            assertNotNull("fixture " + resource, in);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Read read(Importer importer, String resource) throws ImportException {
        return read(importer, bytes(resource), ImportLimits.defaults());
    }

    public static Read read(Importer importer, byte[] content, ImportLimits limits) throws ImportException {
        return read(importer, new ByteArrayInputStream(content), limits);
    }

    /** Reads a stream (a generated one, for hostile input too large to hold) through one importer. */
    public static Read read(Importer importer, InputStream content, ImportLimits limits) throws ImportException {
        List<Observation> observations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        importer.read(content, limits, sink(observations, warnings, skipped));
        return new Read(importer.format(), observations, warnings, skipped);
    }

    /** Detects the format and reads, as `ctem parse` and `ctem import` do (through {@link ReportReader}). */
    public static Read detect(byte[] content, ImportLimits limits) throws ImportException {
        return detect(new ByteArrayInputStream(content), null, limits);
    }

    /** Reads a stream through {@link ReportReader}, detecting the format unless {@code format} names one. */
    public static Read detect(InputStream content, String format, ImportLimits limits) throws ImportException {
        List<Observation> observations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ReportReader.Outcome outcome = new ReportReader(Importers.standard(), limits).read(content, format,
                sink(observations, warnings, skipped));
        assertEquals(observations.size(), outcome.observations());
        assertEquals(warnings, outcome.warnings());
        assertEquals(skipped, outcome.skipped());
        return new Read(outcome.format(), observations, warnings, skipped);
    }

    public static Read detect(String resource) throws ImportException {
        return detect(bytes(resource), ImportLimits.defaults());
    }

    /** The rejection message of reading the content, failing the test if it is accepted. */
    public static String rejection(Importer importer, byte[] content, ImportLimits limits) {
        return rejection(importer, new ByteArrayInputStream(content), limits);
    }

    /** The rejection message of reading a stream through one importer, failing the test if it is accepted. */
    public static String rejection(Importer importer, InputStream content, ImportLimits limits) {
        try {
            Read read = read(importer, content, limits);
            fail("accepted, with " + read.observations().size() + " observations"
                    + (read.observations().isEmpty() ? "" : ", the first titled '" + abbreviated(
                    read.observations().get(0).title()) + "'"));
            return null;
        } catch (ImportException e) {
            return e.getMessage();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    public static String rejection(byte[] content, ImportLimits limits) {
        try {
            Read read = detect(content, limits);
            fail("accepted as " + read.format() + ", with " + read.observations().size() + " observations");
            return null;
        } catch (ImportException e) {
            return e.getMessage();
        }
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ObservationSink sink(List<Observation> observations, List<String> warnings, List<String> skipped) {
        return new ObservationSink() {
            @Override
            public void observation(Observation observation) {
                observations.add(observation);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
            }

            @Override
            public void skipped(String message) {
                warnings.add(message);
                skipped.add(message);
            }
        };
    }
}
