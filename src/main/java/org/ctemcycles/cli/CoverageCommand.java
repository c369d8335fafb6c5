package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.report.json.DiscoveryJson;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code ctem coverage} (surface x source kind: covered, stale, never) and {@code ctem runs} (the discovery runs). */
final class CoverageCommand {

    static final String USAGE = """
            ctem coverage --cycle KEY [--stale-after DAYS] [--json]
                The coverage matrix: for each surface and source kind, whether a run covered it in the last DAYS
                days (default 30), only earlier (stale), or never.
            ctem runs --cycle KEY [--json]
                The cycle's discovery runs, newest scan first.""";

    static final int DEFAULT_STALE_AFTER_DAYS = 30;

    private final CommandContext context;

    CoverageCommand(CommandContext context) {
        this.context = context;
    }

    int coverage(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("cycle", "stale-after"), Set.of("json"));
        int days = DEFAULT_STALE_AFTER_DAYS;
        if (args.option("stale-after") != null) {
            try {
                days = Integer.parseInt(args.option("stale-after").trim());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > 3650) {
                throw new InvalidInputException("--stale-after", "'" + args.option("stale-after")
                        + "' is not a whole number of days from 1 to 3650");
            }
        }
        CoverageMatrix matrix = DiscoveryContext.discovery(context).coverage(DiscoveryContext.requiredCycle(args),
                Duration.ofDays(days));
        if (args.flag("json")) {
            context.out.println(DiscoveryJson.coverage(matrix));
            return Ctem.OK;
        }
        context.out.printf("Coverage of %s as of %s (stale after %d days)%n", matrix.cycleKey(),
                matrix.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), days);
        StringBuilder header = new StringBuilder(String.format("%-20s", "SURFACE"));
        for (SourceKind kind : SourceKind.values()) {
            header.append(String.format(" %-14s", abbreviation(kind)));
        }
        context.out.println(header.toString().stripTrailing());
        for (CoverageMatrix.Row row : matrix.rows()) {
            StringBuilder line = new StringBuilder(String.format("%-20s", row.surfaceKey()));
            for (CoverageMatrix.Cell cell : row.cells()) {
                line.append(String.format(" %-14s", cell.state().label()
                        + (cell.lastCoveredAt() == null ? "" : " " + cell.lastCoveredAt().toString().substring(5, 10))));
            }
            context.out.println(line.toString().stripTrailing());
        }
        if (matrix.rows().isEmpty()) {
            context.out.println("(the cycle has no surface yet)");
        }
        return Ctem.OK;
    }

    int runs(List<String> words) {
        Arguments args = Arguments.parse(words, Set.of("cycle"), Set.of("json"));
        List<DiscoveryRun> runs = DiscoveryContext.discovery(context).runs(DiscoveryContext.requiredCycle(args));
        if (args.flag("json")) {
            runs.forEach(run -> context.out.println(DiscoveryJson.run(run)));
            return Ctem.OK;
        }
        String format = "%-6s %-20s %-20s %-12s %-7s %-7s %-7s %s%n";
        context.out.printf(format, "RUN", "SCANNED AT", "SOURCE KIND", "TOOL", "OBS.", "NEW", "FIX C.", "COVERED");
        for (DiscoveryRun run : runs) {
            context.out.printf(format, run.id(), run.scannedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    run.sourceKind().label(), run.tool(),
                    run.counts().observations(), run.counts().newFindings(), run.counts().fixCandidates(),
                    run.partial() ? "(partial run: none)" : String.join(",", run.coveredSurfaces()));
        }
        return Ctem.OK;
    }

    private static String abbreviation(SourceKind kind) {
        return switch (kind) {
            case EXTERNAL_SCAN -> "EXTERNAL";
            case AUTHENTICATED_SCAN -> "AUTHENTIC.";
            case CODE_SCAN -> "CODE";
            case CONFIGURATION_REVIEW -> "CONFIG";
            case IDENTITY_REVIEW -> "IDENTITY";
            case MANUAL_TEST -> "MANUAL";
            case THIRD_PARTY -> "THIRD PARTY";
        };
    }
}
