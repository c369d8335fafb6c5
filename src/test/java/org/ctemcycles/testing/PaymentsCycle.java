package org.ctemcycles.testing;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A prioritised cycle of project SEC for the issue view's and JQL's tests: cycle {@value #CYCLE} with the critical,
 * internet-facing surface PAY, Log4Shell on api.pay.example.com (CVE-2021-44228, in the demo's KEV feed) and
 * {@code others} findings without a CVE, imported and ranked with the demo's EPSS and KEV feeds of 2026-10-10.
 */
public final class PaymentsCycle {

    public static final String CYCLE = "CTEM-2026-Q4";

    private PaymentsCycle() {
    }

    /** Opens, scopes, imports and ranks the cycle as {@code lead}; the queue, Log4Shell first. */
    public static List<Decision> prioritised(CycleRecord record, String lead, String log4shellTitle, int others)
            throws Exception {
        record.cycles().create(new CycleDraft(CYCLE, "Q4 payments", "Cut KEV exposure", "2026-10-01",
                "2026-12-31", "14", "SEC"), lead);
        record.cycles().recordScope(CYCLE, new ScopeDraft(null, "No KEV past due", null, null, null), lead);
        record.scope().add(CYCLE, new SurfaceDraft("PAY", "Payments", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable critical", List.of("host:*.pay.example.com")), lead);
        ImportPlan plan = record.discovery().plan(CYCLE, null, List.of("PAY"));
        plan.add(ObservationBuilder.nessus().host("api.pay.example.com").ruleId("156032")
                .cves("CVE-2021-44228").vectors("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                .title(log4shellTitle).build());
        for (int i = 0; i < others; i++) {
            plan.add(ObservationBuilder.nessus().host("h" + i + ".pay.example.com").ruleId("2000" + i % 5)
                    .title("Finding " + i).build());
        }
        record.intake().take(CYCLE, record.discovery().record(plan, new RunRequest("nessus", "weekly.nessus",
                String.format("%064x", others), null, null, null, null, lead, true, List.of())), lead);
        record.queue().prioritise(CYCLE, PriorityPolicy.defaults(), epss(), kev(), lead);
        return record.queue().queue(CYCLE);
    }

    public static EpssFeed epss() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/epss_scores-2026-10-09.csv"))) {
            return new EpssCsvReader().read(in, "epss_scores-2026-10-09.csv", Instant.parse("2026-10-10T00:00:00Z"));
        }
    }

    public static KevCatalog kev() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/known_exploited_vulnerabilities.json"))) {
            return new KevJsonReader().read(in, "known_exploited_vulnerabilities.json",
                    Instant.parse("2026-10-10T00:00:00Z"));
        }
    }
}
