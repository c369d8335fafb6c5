package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonIOException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;
import org.ctemcycles.report.json.ObservationJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code ctem parse FILE...}: reads scanner reports with the discovery importers (through {@link ReportReader}, the
 * reader {@code ctem import} uses too) and prints what they yield as JSON lines, without any database. Per file: a
 * header {@code {"file","format"}}, one object per observation, and a summary
 * {@code {"file","complete","observations","warnings","warningMessages"}}; a rejected file prints only
 * {@code {"file","error"}} (its observations are held back in a temporary file until the whole report is read, so a
 * report rejected half-way prints none) and the exit code becomes 2; a file read only in part makes it 10.
 */
final class ParseCommand {

    static final String USAGE = """
            ctem parse [--format NAME] [--max-bytes N] [--max-observations N] [--max-field-length N]
                       [--max-depth N] [--max-record-values N] FILE...
                Reads scanner reports (SARIF, Nessus, ZAP JSON/XML, Trivy, Nuclei, CycloneDX JSON/XML, CSV;
                gzip-compressed too; the format is detected from the content unless --format names it) and
                prints JSON lines: per file {"file","format"}, one object per observation, then
                {"file","complete","observations","warnings","warningMessages"}; a rejected file prints
                {"file","error"} and makes the exit code 2; a file read only in part ("complete":false: a
                record skipped, truncated or malformed) makes it 10. FILE "-" reads standard input. Needs no
                database.""";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final CommandContext context;
    private final Importers importers;

    ParseCommand(CommandContext context, Importers importers) {
        this.context = context;
        this.importers = importers;
    }

    int run(List<String> words) {
        Arguments arguments = Arguments.parse(words, LimitOptions.with(Set.of("format")), Set.of());
        if (arguments.positional().isEmpty()) {
            throw new InvalidInputException("parse", "needs at least one FILE (see ctem --help)");
        }
        String format = arguments.option("format");
        if (format != null && importers.byFormat(format).isEmpty()) {
            throw new InvalidInputException("--format", "'" + format + "' is not a supported format (one of "
                    + String.join(", ", importers.formats()) + ")");
        }
        ReportReader reader = new ReportReader(importers, LimitOptions.limits(arguments));
        boolean rejected = false;
        boolean partial = false;
        for (String file : arguments.positional()) {
            Boolean complete = parse(file, format, reader);
            rejected |= complete == null;
            partial |= Boolean.FALSE.equals(complete);
        }
        context.out.flush();
        return rejected ? Ctem.BAD_INPUT : partial ? Ctem.PARTIAL : Ctem.OK;
    }

    /** Parses one file; prints its lines; answers whether it was read whole, or null when it was rejected. */
    private Boolean parse(String file, String format, ReportReader reader) {
        Path spool = null;
        try {
            spool = Files.createTempFile("ctem-parse", ".jsonl");
            ReportReader.Outcome summary;
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
                 BufferedWriter lines = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                summary = reader.read(in, format, new ObservationSink() {
                    @Override
                    public void observation(Observation observation) {
                        // straight into the spool: no text of each line built first
                        write(lines, ObservationJson.toJson(observation));
                    }

                    @Override
                    public void warning(String message) {
                        // collected in the summary
                    }
                });
            }
            JsonObject header = new JsonObject();
            header.addProperty("file", file);
            header.addProperty("format", summary.format());
            context.out.println(GSON.toJson(header));
            try (var lines = Files.lines(spool, StandardCharsets.UTF_8)) {
                lines.forEach(context.out::println);
            }
            JsonObject end = new JsonObject();
            end.addProperty("file", file);
            end.addProperty("complete", summary.complete());
            end.addProperty("observations", summary.observations());
            end.addProperty("warnings", summary.warnings().size());
            JsonArray messages = new JsonArray();
            summary.warnings().forEach(messages::add);
            end.add("warningMessages", messages);
            context.out.println(GSON.toJson(end));
            return summary.complete();
        } catch (ImportException e) {
            return error(file, e.getMessage());
        } catch (NoSuchFileException e) {
            return error(file, "no such file");
        } catch (IOException e) {
            return error(file, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            return error(file, "cannot write the temporary spool file: " + e.getCause().getMessage());
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans its temporary folder
                }
            }
        }
    }

    private Boolean error(String file, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("file", file);
        error.addProperty("error", message);
        context.out.println(GSON.toJson(error));
        return null;
    }

    private static void write(Writer writer, JsonObject line) {
        try {
            GSON.toJson(line, writer);
            writer.write('\n');
        } catch (JsonIOException e) {
            throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
