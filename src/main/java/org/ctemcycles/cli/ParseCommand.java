package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.ImportSummary;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
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
 * {@code ctem parse FILE...}: reads scanner reports with the discovery importers and prints what they yield as JSON
 * lines, without any database. Per file: a header {@code {"file","format"}}, one object per observation, and a
 * summary {@code {"file","observations","warnings","warningMessages"}}; a rejected file prints only
 * {@code {"file","error"}} (its observations are held back in a temporary file until the whole report is read, so a
 * report rejected half-way prints none) and the exit code becomes 2.
 */
final class ParseCommand {

    static final String USAGE = """
            ctem parse [--format NAME] [--max-bytes N] [--max-observations N] [--max-field-length N]
                       [--max-depth N] FILE...
                Reads scanner reports (SARIF, Nessus, ZAP JSON/XML, Trivy, Nuclei, CycloneDX JSON/XML, CSV;
                gzip-compressed too; the format is detected from the content unless --format names it) and
                prints JSON lines: per file {"file","format"}, one object per observation, then
                {"file","observations","warnings","warningMessages"}; a rejected file prints {"file","error"}
                and makes the exit code 2. FILE "-" reads standard input. Needs no database.""";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final CommandContext context;
    private final Importers importers;

    ParseCommand(CommandContext context, Importers importers) {
        this.context = context;
        this.importers = importers;
    }

    int run(List<String> words) {
        Arguments arguments = Arguments.parse(words,
                Set.of("format", "max-bytes", "max-observations", "max-field-length", "max-depth"), Set.of());
        if (arguments.positional().isEmpty()) {
            throw new InvalidInputException("parse", "needs at least one FILE (see ctem --help)");
        }
        String format = arguments.option("format");
        if (format != null && importers.byFormat(format).isEmpty()) {
            throw new InvalidInputException("--format", "'" + format + "' is not a supported format (one of "
                    + String.join(", ", importers.formats()) + ")");
        }
        ImportLimits defaults = ImportLimits.defaults();
        ImportLimits limits = new ImportLimits(
                number(arguments, "max-bytes", defaults.maxBytes()),
                (int) number(arguments, "max-observations", defaults.maxObservations()),
                (int) number(arguments, "max-field-length", defaults.maxFieldLength()),
                (int) number(arguments, "max-depth", defaults.maxDepth()));
        int status = Ctem.OK;
        for (String file : arguments.positional()) {
            if (!parse(file, format, limits)) {
                status = Ctem.BAD_INPUT;
            }
        }
        context.out.flush();
        return status;
    }

    private static long number(Arguments arguments, String name, long fallback) {
        String text = arguments.option(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 1 || (!name.equals("max-bytes") && value > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + name, "needs a positive whole number, not '" + text + "'");
        }
    }

    /** Parses one file; prints its lines; answers whether it was accepted. */
    private boolean parse(String file, String format, ImportLimits limits) {
        Path spool = null;
        try {
            spool = Files.createTempFile("ctem-parse", ".jsonl");
            String detected;
            ImportSummary summary;
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
                 BufferedWriter lines = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                Importers.OpenedReport report = importers.open(in, limits, format);
                detected = report.format();
                summary = report.read(limits, new ObservationSink() {
                    @Override
                    public void observation(Observation observation) {
                        write(lines, GSON.toJson(ObservationJson.toJson(observation)));
                    }

                    @Override
                    public void warning(String message) {
                        // collected in the summary
                    }
                });
            }
            JsonObject header = new JsonObject();
            header.addProperty("file", file);
            header.addProperty("format", detected);
            context.out.println(GSON.toJson(header));
            try (var lines = Files.lines(spool, StandardCharsets.UTF_8)) {
                lines.forEach(context.out::println);
            }
            JsonObject end = new JsonObject();
            end.addProperty("file", file);
            end.addProperty("observations", summary.observations());
            end.addProperty("warnings", summary.warnings().size());
            JsonArray messages = new JsonArray();
            summary.warnings().forEach(messages::add);
            end.add("warningMessages", messages);
            context.out.println(GSON.toJson(end));
            return true;
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

    private boolean error(String file, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("file", file);
        error.addProperty("error", message);
        context.out.println(GSON.toJson(error));
        return false;
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
