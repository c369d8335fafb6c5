package org.ctemcycles.cli;

import org.ctemcycles.app.FrozenReports;
import org.ctemcycles.cli.html.HtmlPackWriter;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.report.view.ReportContext;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;
import org.ctemcycles.report.evidence.PackCsv;
import org.ctemcycles.report.evidence.PackJson;
import org.ctemcycles.report.evidence.PackVex;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * {@code ctem report --cycle KEY --out DIR}: assembles a cycle's evidence pack from the live record and writes every
 * rendering into DIR: HTML (read it, print it to PDF), JSON (documented schema), one CSV per register, and a
 * CycloneDX VEX of the validated findings; with {@code --frozen}, the JSON and HTML frozen at the cycle's closure,
 * byte for byte (ADR 083). Each file is written beside its final name and moved into place when
 * complete, so a failed run never leaves a half-written pack behind a complete-looking name.
 */
final class ReportCommand {

    static final String USAGE = """
            ctem report --cycle KEY --out DIR [--frozen]
                Writes the cycle's evidence pack into DIR (created if missing): evidence-pack.html,
                evidence-pack.json (schema: docs/evidence-pack.schema.json), vex.cdx.json (CycloneDX 1.6 VEX
                of the validated findings) and csv/ (one file per register). Prints which evidence items the pack
                holds and which are missing. With --frozen, writes instead the pack as frozen at the cycle's
                closure, the stored bytes exactly: evidence-pack.json and evidence-pack.html, with their SHA-256.""";

    static final String HTML = "evidence-pack.html";
    static final String JSON = "evidence-pack.json";
    static final String VEX = "vex.cdx.json";
    static final String CSV = "csv";

    private final CommandContext context;
    private final String version;

    ReportCommand(CommandContext context, String version) {
        this.context = context;
        this.version = version;
    }

    int run(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("cycle", "out"), Set.of("frozen"));
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("report", "does not take '" + args.positional().get(0) + "'");
        }
        String cycle = DiscoveryContext.requiredCycle(args);
        if (args.option("out") == null || args.option("out").isBlank()) {
            throw new InvalidInputException("--out", "is required: the folder to write the evidence pack into");
        }
        Path out = Path.of(args.option("out"));
        if (args.flag("frozen")) {
            return frozen(cycle, out);
        }
        EvidencePack pack = context.record().evidence().assemble(cycle, context.actor);
        try {
            Files.createDirectories(out.resolve(CSV));
        } catch (IOException e) {
            throw new InvalidInputException("--out", "cannot create " + out.resolve(CSV) + ": " + e.getMessage());
        }
        write(pack, new ReportContext.ChartFacts(context.record().pages().findingsBySurface(pack.cycle().key()),
                context.record().pages().scoreDeciles(pack.cycle().key())), out);
        describe(context.out, pack.cycle().key(), out, pack.items().stream()
                .map(i -> new Item(i.item().title(), i.present(), i.note())).toList());
        long met = pack.controls().stream().filter(ControlCoverage::objectiveMet).count();
        context.out.printf("Control objectives met: %d of %d%n", met, pack.controls().size());
        for (ControlCoverage control : pack.controls()) {
            if (!control.objectiveMet()) {
                context.out.printf("  %s: %s %s: %s%n", control.outcome().verdict(), control.control().framework(),
                        control.control().id(), control.outcome().figures());
            }
        }
        return Ctem.OK;
    }

    /** Writes the renderings frozen at closure, byte for byte, and says what the closure committed for each. */
    private int frozen(String cycleKey, Path out) {
        String key = context.record().cycles().get(cycleKey).key();
        FrozenReports frozen = context.record().frozenReports();
        List<FrozenReport> reports = frozen.list(key);
        if (reports.isEmpty()) {
            throw new InvalidInputException("--frozen", "cycle " + key + " has no evidence pack frozen at closure"
                    + " (it is not closed, or it was closed before packs were frozen): leave --frozen out for the"
                    + " live record");
        }
        try {
            Files.createDirectories(out);
            for (FrozenReport report : reports) {
                Path file = out.resolve(FrozenReport.HTML.equals(report.rendering()) ? HTML : JSON);
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    frozen.copy(key, report.rendering(), stream);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException("--out", "cannot write the frozen evidence pack into " + out + ": "
                    + e.getMessage());
        }
        context.out.printf("Evidence pack of %s as frozen at closure on %s written to %s%n", key,
                reports.get(0).frozenAt(), out.toAbsolutePath());
        for (FrozenReport report : reports) {
            context.out.printf("  %-22s SHA-256 %s (%d bytes)%n",
                    FrozenReport.HTML.equals(report.rendering()) ? HTML : JSON, report.sha256(), report.bytes());
        }
        return Ctem.OK;
    }

    /** An evidence item as the summary names it. */
    record Item(String title, boolean present, String note) {
    }

    /** Says where the pack's files are and which evidence items it holds (locally and from a Jira alike). */
    static void describe(PrintStream out, String cycleKey, Path folder, List<Item> items) {
        out.printf("Evidence pack of %s written to %s%n", cycleKey, folder.toAbsolutePath());
        out.printf("  %-22s the report to read, print or save as PDF%n", HTML);
        out.printf("  %-22s the same content as JSON (docs/evidence-pack.schema.json)%n", JSON);
        out.printf("  %-22s CycloneDX 1.6 VEX of the validated findings%n", VEX);
        out.printf("  %-22s one CSV per register: %s%n", CSV + "/", String.join(", ", PackCsv.FILES));
        out.printf("Evidence items present: %d of %d%n", items.stream().filter(Item::present).count(), items.size());
        for (Item item : items) {
            if (!item.present()) {
                out.printf("  missing: %s: %s%n", item.title(), item.note());
            }
        }
    }

    /** Writes every rendering of the pack into {@code out} (which exists, with its csv folder). */
    void write(EvidencePack pack, ReportContext.ChartFacts facts, Path out) {
        try {
            atomically(out.resolve(HTML), writer -> new HtmlPackWriter().write(pack, facts, writer));
            atomically(out.resolve(JSON), writer -> new PackJson().write(pack, writer));
            atomically(out.resolve(VEX), writer -> new PackVex(version).write(pack, writer));
            long start = System.nanoTime();
            new PackCsv().write(pack, out.resolve(CSV));
            progress(CSV + "/", start);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the evidence pack into " + out + ": " + e.getMessage(), e);
        }
    }

    private interface Rendering {
        void write(Writer out) throws IOException;
    }

    private void atomically(Path file, Rendering rendering) throws IOException {
        long start = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            rendering.write(writer);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        progress(file.getFileName() + String.format(" (%.1f MB)", Files.size(file) / 1048576.0), start);
    }

    /** A large cycle takes a while per rendering: say each one as it completes (on stderr, so stdout stays clean). */
    private void progress(String what, long startNanos) {
        wrote(context.err, what, startNanos);
    }

    static void wrote(PrintStream err, String what, long startNanos) {
        err.printf("ctem: wrote %s in %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
}
