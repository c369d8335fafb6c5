package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.app.ReportReadAhead;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.report.json.ImportJson;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ctem import --cycle KEY FILE...}: each file is one discovery run, read through the importer its content
 * names and recorded in one transaction (a rejected file stores nothing; a file the cycle already imported completely
 * changes nothing; a file read only in part is a partial run). Prints one JSON line per file and a JSON summary line;
 * exits 2 when any file was rejected, else 10 when any was read only in part.
 */
final class ImportCommand {

    static final String USAGE = """
            ctem import --cycle KEY [--source-kind KIND] [--tool NAME] [--covers SURFACE[,SURFACE...]]
                        [--scanned-at TIME] [--format FORMAT] [--max-bytes N] [--max-observations N]
                        [--max-field-length N] [--max-depth N] [--max-record-values N] FILE...
                Imports scanner reports (any supported format, detected from the content; .gz accepted) into a
                cycle: one discovery run per file, deduplicated into findings and mapped to the cycle's surfaces;
                in-scope findings enter the cycle's register (logged).
                Prints one JSON line per file, then a JSON summary. --covers names the surfaces the scan covered
                (so findings it no longer sees there become fix candidates); --scanned-at (ISO date or instant)
                dates an older report; --source-kind and --tool name what an empty report cannot tell.
                A file read only in part (a record skipped, truncated, malformed or over a limit) is a partial
                run ("complete":false, exit 10): its findings are recorded, but it covers no surface, verifies
                nothing, and the file can be imported again once fixed (or with a limit raised).""";

    private final CommandContext context;

    ImportCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        Arguments args = Arguments.parse(words,
                LimitOptions.with(Set.of("cycle", "source-kind", "tool", "covers", "scanned-at", "format")), Set.of());
        ImportLimits limits = LimitOptions.limits(args);
        String cycle = DiscoveryContext.requiredCycle(args);
        if (args.positional().isEmpty()) {
            throw new InvalidInputException("import", "needs at least one report file\n" + USAGE);
        }
        ReportImport.Options options = renamed(() -> ReportImport.Options.parse(cycle, args.option("source-kind"),
                args.option("tool"), args.option("covers") == null ? List.of() : List.of(args.option("covers")),
                args.option("scanned-at"), args.option("format"), context.actor));
        // the first report is read on a thread of its own while the database opens and the run is planned (ADR 037)
        try (ReportReadAhead first = readAhead(args.positional().get(0), options, limits)) {
            ReportImport imports = context.record().imports(limits);
            // the cycle, the declared surfaces and a forced format, checked before any file is taken in
            renamed(() -> {
                imports.check(options);
                return null;
            });

            Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
            ImportJson.Totals totals = new ImportJson.Totals();
            for (int i = 0; i < args.positional().size(); i++) {
                String name = args.positional().get(i);
                ReportReadAhead ahead = i == 0 ? first : null;
                context.out.println(gson.toJson(importFile(file -> ahead == null ? imports.read(file, options)
                        : imports.read(ahead, options), Path.of(name), totals)));
            }
            context.out.println(gson.toJson(totals.toJson()));
            return totals.rejected() > 0 ? Ctem.BAD_INPUT : totals.partial() > 0 ? Ctem.PARTIAL : Ctem.OK;
        }
    }

    /**
     * The first report read ahead, or null when it is not worth it or not safe: a forced format that does not exist
     * (the check rejects it), a name that is no path (its import says so, as for any other file), or no regular
     * file (opening a named pipe waits for its writer, and a wrong option must not wait for that).
     */
    private static ReportReadAhead readAhead(String name, ReportImport.Options options, ImportLimits limits) {
        Importers importers = Importers.standard();
        if (options.format() != null && importers.byFormat(options.format()).isEmpty()) {
            return null;
        }
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return ReportReadAhead.start(file, options.format(), importers, limits);
    }

    /** How one file is imported. */
    private interface FileImport {
        ReportImport.Result read(Path file) throws ImportException;
    }

    private JsonObject importFile(FileImport imports, Path file, ImportJson.Totals totals) {
        try {
            ReportImport.Result result = imports.read(file);
            totals.add(result.summary());
            return ImportJson.imported(file.toString(), result.format(), result.summary(), result.intake(),
                    result.warnings());
        } catch (ImportException e) {
            totals.addRejected();
            return ImportJson.rejected(file.toString(), e.getMessage());
        } catch (InvalidInputException e) {
            totals.addRejected();
            return ImportJson.rejected(file.toString(), e.problems().stream().map(ImportCommand::optionProblem)
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Runs {@code work}, naming the command's options in the problems it reports. */
    private static <T> T renamed(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> new Problem(optionName(p.field()), p.message())).toList());
        }
    }

    private static String optionName(String field) {
        return switch (field) {
            case "sourceKind" -> "--source-kind";
            case "scannedAt" -> "--scanned-at";
            case "format" -> "--format";
            default -> field;
        };
    }

    private static String optionProblem(Problem problem) {
        return switch (problem.field()) {
            case "sourceKind", "scannedAt" -> optionName(problem.field()) + ": " + problem.message();
            default -> problem.toString();
        };
    }
}
