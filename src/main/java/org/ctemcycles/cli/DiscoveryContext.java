package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.finding.SourceKind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The discovery service of the command's cycle record, and the option parsing discovery commands share. */
final class DiscoveryContext {

    private DiscoveryContext() {
    }

    static DiscoveryService discovery(CommandContext context) {
        return context.record().discovery();
    }

    /** A source kind written in any case with hyphens (external-scan) or underscores; null when absent. */
    static SourceKind sourceKind(String option, String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (SourceKind kind : SourceKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException(option, "'" + raw + "' is not a source kind: use one of " + sourceKinds());
    }

    static String sourceKinds() {
        return Arrays.stream(SourceKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    static String requiredCycle(Arguments args) {
        String cycle = args.option("cycle");
        if (cycle == null || cycle.isBlank()) {
            throw new InvalidInputException("--cycle", "is required (the key of the cycle, e.g. CTEM-2026-Q3)");
        }
        return cycle;
    }
}
