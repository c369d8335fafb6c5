package org.ctemcycles.bench.evidence;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.bench.discovery.Workload;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationDraft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Seeds the database {@link EvidencePackBenchmark} reports on: one cycle with the given number of findings (ten
 * discovery runs through the discovery service and the intake), every finding entered in the register and ranked
 * (one decision each), a thousand validations and a checkpoint (which commits a record digest of the register, the
 * findings and the decisions, so every pack verifies it). Runs in a heap large enough to rank everything at once, so
 * the benchmark's own fork can run in a small heap:
 * {@code scripts/benchmarks --main org.ctemcycles.bench.evidence.EvidencePackSeed 100000}.
 */
public final class EvidencePackSeed {

    static final String CYCLE = "BENCH-1";
    static final String LEAD = "lead";

    private EvidencePackSeed() {
    }

    static Path database(int findings) {
        return Path.of(System.getProperty("ctem.bench.dir", "target/bench-data")).resolve("evidence-" + findings);
    }

    public static void main(String[] args) throws Exception {
        int findings = Integer.parseInt(args[0]);
        Path file = database(findings);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".mv.db"));
        Clock clock = Clock.fixed(Instant.parse("2026-10-01T09:00:00Z"), ZoneOffset.UTC);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(EmbeddedDatabase.h2FileUrl(file), "sa", "", "PUBLIC")) {
            CycleRecord record = CycleRecord.overStore(db.activeObjects(),
                    new LocalIssueTracker("BENCH"), (user, cycle) -> LEAD.equals(user), clock);
            record.cycles().create(new CycleDraft(CYCLE, "Benchmark cycle", "Measure the evidence pack",
                    "2026-10-01", "2026-12-31", "14"), LEAD);
            record.cycles().recordScope(CYCLE, new ScopeDraft(null, "Bounded memory", null, null, null), LEAD);
            for (Surface s : Workload.surfaces(CYCLE)) {
                record.scope().add(CYCLE, new SurfaceDraft(s.key(), s.name(), s.kind().name(), "owner-" + s.key(),
                        "high", "internal", "Everything owned", s.rules().stream().map(Object::toString).toList()),
                        LEAD);
            }
            record.stages().advance(CYCLE, record.cycles().get(CYCLE).stage().next().orElseThrow(), null, LEAD);
            List<Observation> observations = Workload.observations(findings, 1, 42);
            int runs = 10;
            int per = findings / runs;
            for (int run = 0; run < runs; run++) {
                ImportPlan plan = record.discovery().plan(CYCLE, null, List.of());
                observations.subList(run * per, (run + 1) * per).forEach(plan::add);
                ImportSummary summary = record.discovery().record(plan, new RunRequest("bench", "run-" + run + ".json",
                        String.format("%064x", run + 1), null, null, null, null, LEAD, false, List.of()));
                record.intake().take(CYCLE, summary, LEAD);
            }
            long rankingStarted = System.nanoTime();
            int ranked = record.queue().prioritise(CYCLE, PriorityPolicy.defaults(), null, null, LEAD).queue().size();
            long rankingMillis = (System.nanoTime() - rankingStarted) / 1_000_000;
            List<String> keys = record.queue().queue(CYCLE).stream().limit(1000).map(d -> d.findingKey()).toList();
            for (String key : keys) {
                record.validation().record(CYCLE, key, new ValidationDraft("attack-path-analysis",
                        "exploitable-confirmed", "Reachable \"<script>alert(1)</script>\" =cmd", List.of("APA-1")),
                        LEAD);
            }
            long checkpointStarted = System.nanoTime();
            record.checkpoints().record(CYCLE, "benchmark checkpoint", LEAD);
            long checkpointMillis = (System.nanoTime() - checkpointStarted) / 1_000_000;
            System.out.printf("seeded %s: %d findings (%d in the register and ranked), %d validations; ranking took"
                            + " %d ms, the checkpoint with its record digest %d ms (%.2f of the ranking)%n", file,
                    record.discovery().findings(CYCLE).size(), ranked, keys.size(), rankingMillis, checkpointMillis,
                    (double) checkpointMillis / rankingMillis);
        }
    }
}
