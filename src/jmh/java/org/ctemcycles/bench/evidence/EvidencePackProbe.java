package org.ctemcycles.bench.evidence;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.mobilisation.InMemoryIssueTracker;
import org.ctemcycles.report.evidence.PackJson;
import org.ctemcycles.store.CycleRecordServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Times each step of assembling and writing a seeded cycle's pack once, with the heap used after each (diagnosis). */
public final class EvidencePackProbe {

    private EvidencePackProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = EvidencePackSeed.database(Integer.parseInt(args[0]));
        try (EmbeddedDatabase db = EmbeddedDatabase.open(EvidencePackSeed.url(file), "sa", "", "PUBLIC")) {
            CycleRecordServices record = CycleRecordServices.overStore(db.activeObjects(),
                    new InMemoryIssueTracker("BENCH"), EvidencePackSeed.LEAD::equals,
                    Clock.fixed(Instant.parse("2026-12-31T09:00:00Z"), ZoneOffset.UTC));
            long start = System.nanoTime();
            EvidencePack pack = record.evidence().assemble(EvidencePackSeed.CYCLE, EvidencePackSeed.LEAD);
            report("assemble", start);
            for (String section : new String[]{"findings", "queue", "validations", "register", "log"}) {
                start = System.nanoTime();
                Iterable<?> rows = switch (section) {
                    case "findings" -> pack.findings();
                    case "queue" -> pack.queue();
                    case "validations" -> pack.validations();
                    case "register" -> pack.register();
                    default -> pack.log();
                };
                int count = 0;
                for (Object ignored : rows) {
                    count++;
                }
                report(section + " " + count, start);
            }
            start = System.nanoTime();
            Path out = Files.createTempFile("pack", ".json");
            try (var writer = Files.newBufferedWriter(out)) {
                new PackJson().write(pack, writer);
            }
            report("json " + Files.size(out) / 1024 + " KiB", start);
            if (args.length > 1) {
                Thread.sleep(Long.parseLong(args[1]));
            }
        }
    }

    private static void report(String step, long start) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%-24s %6d ms  heap used after GC %d MB%n", step, (System.nanoTime() - start) / 1_000_000,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
