package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.report.json.DiscoveryJson;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ctem import --cycle KEY FILE...}: each file is one discovery run, read through the importer its content
 * names and recorded in one transaction (a rejected file stores nothing; a file the cycle already imported changes
 * nothing). Prints one JSON line per file and a JSON summary line; exits 2 when any file was rejected.
 */
final class ImportCommand {

    static final String USAGE = """
            ctem import --cycle KEY [--source-kind KIND] [--tool NAME] [--covers SURFACE[,SURFACE...]]
                        [--scanned-at TIME] [--format FORMAT] FILE...
                Imports scanner reports (any supported format, detected from the content; .gz accepted) into a
                cycle: one discovery run per file, deduplicated into findings and mapped to the cycle's surfaces;
                in-scope findings enter the cycle's register (logged).
                Prints one JSON line per file, then a JSON summary. --covers names the surfaces the scan covered
                (so findings it no longer sees there become fix candidates); --scanned-at (ISO date or instant)
                dates an older report; --source-kind and --tool name what an empty report cannot tell.""";

    private static final int MAX_PRINTED_WARNINGS = 100;

    private final CommandContext context;
    private final ImportLimits limits;

    ImportCommand(CommandContext context, ImportLimits limits) {
        this.context = context;
        this.limits = limits;
    }

    int run(List<String> words) {
        Arguments args = Arguments.parse(words,
                Set.of("cycle", "source-kind", "tool", "covers", "scanned-at", "format"), Set.of());
        String cycle = DiscoveryContext.requiredCycle(args);
        if (args.positional().isEmpty()) {
            throw new InvalidInputException("import", "needs at least one report file\n" + USAGE);
        }
        SourceKind sourceKind = DiscoveryContext.sourceKind("--source-kind", args.option("source-kind"));
        List<String> covers = args.option("covers") == null ? List.of()
                : Arrays.stream(args.option("covers").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Instant scannedAt = scannedAt(args.option("scanned-at"));
        ReportImport.Options options = new ReportImport.Options(cycle, sourceKind, args.option("tool"), covers,
                scannedAt, args.option("format"), context.actor);
        ReportImport imports = context.record().imports(limits);
        // the cycle, the declared surfaces and a forced format, checked before any file is read
        renamed(() -> {
            imports.check(options);
            return null;
        });

        Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        Totals totals = new Totals();
        for (String name : args.positional()) {
            context.out.println(gson.toJson(importFile(imports, Path.of(name), options, totals)));
        }
        context.out.println(gson.toJson(totals.toJson()));
        return totals.rejected > 0 ? Ctem.BAD_INPUT : Ctem.OK;
    }

    private JsonObject importFile(ReportImport imports, Path file, ReportImport.Options options, Totals totals) {
        JsonObject line = new JsonObject();
        line.addProperty("file", file.toString());
        totals.files++;
        try {
            ReportImport.Result result = imports.read(file, options);
            ImportSummary summary = result.summary();
            line.addProperty("format", result.format());
            DiscoveryJson.summary(summary).entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
            line.add("register", DiscoveryJson.intake(result.intake()));
            JsonArray messages = new JsonArray();
            result.warnings().stream().limit(MAX_PRINTED_WARNINGS).forEach(messages::add);
            line.add("warningMessages", messages);
            totals.add(summary);
        } catch (ImportException e) {
            line.addProperty("error", e.getMessage());
            totals.rejected++;
        } catch (InvalidInputException e) {
            line.addProperty("error", e.problems().stream().map(ImportCommand::optionProblem)
                    .collect(Collectors.joining("; ")));
            totals.rejected++;
        }
        return line;
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

    private static Instant scannedAt(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            Instant at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
            if (at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
                throw new InvalidInputException("--scanned-at", "'" + text + "' is out of range: a scan time lies"
                        + " after 0001-01-01");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--scanned-at", "'" + text + "' is not a date (2026-11-02) or an instant"
                    + " (2026-11-02T08:00:00Z)");
        }
    }

    /** What all files of one command added up to. */
    private static final class Totals {
        int files;
        int imported;
        int alreadyImported;
        int rejected;
        int observations;
        int newFindings;
        int merged;
        int outOfScope;
        int fixCandidates;
        int warnings;
        final List<Long> runs = new ArrayList<>();

        void add(ImportSummary summary) {
            if (summary.alreadyImported()) {
                alreadyImported++;
            } else {
                imported++;
                runs.add(summary.runId());
                newFindings += summary.counts().newFindings();
                merged += summary.counts().merged();
                outOfScope += summary.counts().outOfScope();
                fixCandidates += summary.counts().fixCandidates();
            }
            observations += summary.counts().observations();
            warnings += summary.counts().warnings();
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject();
            json.addProperty("files", files);
            json.addProperty("imported", imported);
            json.addProperty("alreadyImported", alreadyImported);
            json.addProperty("rejected", rejected);
            json.addProperty("observations", observations);
            json.addProperty("newFindings", newFindings);
            json.addProperty("merged", merged);
            json.addProperty("outOfScope", outOfScope);
            json.addProperty("fixCandidates", fixCandidates);
            json.addProperty("warnings", warnings);
            JsonArray runIds = new JsonArray();
            runs.forEach(runIds::add);
            json.add("runs", runIds);
            return json;
        }
    }
}
