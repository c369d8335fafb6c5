package org.ctemcycles.core.cadence;

import org.ctemcycles.core.finding.FindingStatus;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of a cycle at a checkpoint: its findings counted by stage reached (discovered, prioritised, validated,
 * mobilised, closed), by priority tier and by status; how many open findings are past their deadline (SLA
 * breaches); and coverage (scoped surfaces, and those a discovery run covered). {@link #encode()} writes it as
 * {@code name=value} lines, which {@link #decode} reads back.
 */
public record MetricsSnapshot(Map<String, Integer> byStage, Map<String, Integer> byTier,
                              Map<FindingStatus, Integer> byStatus, int slaBreaches, int surfacesInScope,
                              int surfacesCovered) {

    public static final String DISCOVERED = "discovered";
    public static final String PRIORITISED = "prioritised";
    public static final String VALIDATED = "validated";
    public static final String MOBILISED = "mobilised";
    public static final String CLOSED = "closed";
    /** The tier of findings that have no decision yet. */
    public static final String UNRANKED = "unranked";

    /** Zero counts are left out, so a snapshot equals itself read back from its text form. */
    public MetricsSnapshot {
        byStage = nonZero(byStage);
        byTier = nonZero(byTier);
        byStatus = nonZero(byStatus);
    }

    private static <K> Map<K, Integer> nonZero(Map<K, Integer> counts) {
        Map<K, Integer> kept = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (count != null && count != 0) {
                kept.put(key, count);
            }
        });
        return Map.copyOf(kept);
    }

    public int stage(String name) {
        return byStage.getOrDefault(name, 0);
    }

    public int status(FindingStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        for (String stage : new String[]{DISCOVERED, PRIORITISED, VALIDATED, MOBILISED, CLOSED}) {
            text.append("stage.").append(stage).append('=').append(stage(stage)).append('\n');
        }
        new TreeMap<>(byTier).forEach((tier, count) -> text.append("tier.").append(clean(tier)).append('=')
                .append(count).append('\n'));
        for (FindingStatus status : FindingStatus.values()) {
            text.append("status.").append(status.name()).append('=').append(status(status)).append('\n');
        }
        text.append("sla.breaches=").append(slaBreaches).append('\n');
        text.append("surfaces.inScope=").append(surfacesInScope).append('\n');
        text.append("surfaces.covered=").append(surfacesCovered).append('\n');
        return text.toString();
    }

    public static MetricsSnapshot decode(String text) {
        Map<String, Integer> stages = new LinkedHashMap<>();
        Map<String, Integer> tiers = new LinkedHashMap<>();
        Map<FindingStatus, Integer> statuses = new EnumMap<>(FindingStatus.class);
        int breaches = 0;
        int inScope = 0;
        int covered = 0;
        for (String line : (text == null ? "" : text).split("\n")) {
            int equals = line.lastIndexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = line.substring(0, equals);
            int value = Integer.parseInt(line.substring(equals + 1).trim());
            if (name.startsWith("stage.")) {
                stages.put(name.substring("stage.".length()), value);
            } else if (name.startsWith("tier.")) {
                tiers.put(name.substring("tier.".length()), value);
            } else if (name.startsWith("status.")) {
                statuses.put(FindingStatus.valueOf(name.substring("status.".length())), value);
            } else if (name.equals("sla.breaches")) {
                breaches = value;
            } else if (name.equals("surfaces.inScope")) {
                inScope = value;
            } else if (name.equals("surfaces.covered")) {
                covered = value;
            }
        }
        return new MetricsSnapshot(stages, tiers, statuses, breaches, inScope, covered);
    }

    private static String clean(String tier) {
        return tier.replace('\n', ' ').replace('=', '-');
    }
}
