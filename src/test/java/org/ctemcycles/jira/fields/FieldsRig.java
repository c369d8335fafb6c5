package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.Issue;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.tracker.JiraIssueTracker;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The app inside Jira for the fields' tests: the record over a statement-counting database, Jira's issues as the test
 * doubles of {@link FakeJiraIssues} (so mobilised issues have Jira ids), and cycle {@code CTEM-1} of project SEC.
 */
final class FieldsRig implements AutoCloseable {

    static final String CYCLE = "CTEM-1";

    final CountingDataSource counting = new CountingDataSource();
    final TestDatabase.Opened opened;
    final FakeJira jira = new FakeJira();
    final FakeJiraIssues issues = new FakeJiraIssues(jira);
    final MutableClock clock = MutableClock.on("2026-10-10");
    final String lead = jira.lead.getKey();
    final CtemServices services;

    FieldsRig(TestDatabase database) {
        opened = database.open(EmbeddedDatabase.Options.app().withDataSourceWrapper(counting::wrap));
        var ao = opened.database().activeObjects();
        JiraIssueTracker tracker = new JiraIssueTracker(issues.api(), new TrackerSettings(jira.settingsFactory,
                issues.api()), ao, clock);
        services = new CtemServices(ao, (user, cycle) -> lead.equals(user), tracker, clock);
        services.cycles().create(new CycleDraft(CYCLE, "Payments", "Cut KEV exposure", "2026-10-01", "2026-12-31",
                "14"), lead);
        services.cycles().moveToProject(CYCLE, "SEC", lead);
    }

    /**
     * Discovery of the Log4Shell finding (in KEV) and {@code others} more on surface PAY, ranked with the demo's
     * feeds; returns the queue's finding keys in rank order.
     */
    List<String> discoverAndRank(int others) throws Exception {
        var record = services.record();
        record.scope().add(CYCLE, new SurfaceDraft("PAY", "Payments", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable critical", List.of("host:*.pay.example.com")), lead);
        ImportPlan plan = record.discovery().plan(CYCLE, null, List.of("PAY"));
        plan.add(ObservationBuilder.nessus().host("api.pay.example.com").ruleId("156032")
                .cves("CVE-2021-44228").vectors("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                .title("Log4Shell").build());
        for (int i = 0; i < others; i++) {
            plan.add(ObservationBuilder.nessus().host("h" + i + ".pay.example.com").ruleId("2000" + i % 5)
                    .title("Finding " + i).build());
        }
        record.intake().take(CYCLE, record.discovery().record(plan, new RunRequest("nessus", "weekly.nessus",
                String.format("%064x", others), null, null, null, null, lead, true, List.of())), lead);
        rank();
        return record.queue().queue(CYCLE).stream().map(d -> d.findingKey()).toList();
    }

    void rank() throws Exception {
        services.record().queue().prioritise(CYCLE, PriorityPolicy.defaults(), epss(), kev(), lead);
    }

    RegisterEntry mobilise(String findingKey, String deadline) {
        return services.record().mobilisation().mobilise(CYCLE, findingKey, new MobilisationDraft(
                jira.engineer.getKey(), deadline, "", "", "rescan"), lead);
    }

    /** Jira's issue of a register entry, as Jira hands it to a field type. */
    Issue issueOf(RegisterEntry entry) {
        return issues.issueManager.getIssueObject(Long.valueOf(entry.trackerIssueId()));
    }

    private static EpssFeed epss() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/epss_scores-2026-10-09.csv"))) {
            return new EpssCsvReader().read(in, "epss_scores-2026-10-09.csv", Instant.parse("2026-10-10T00:00:00Z"));
        }
    }

    private static KevCatalog kev() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/known_exploited_vulnerabilities.json"))) {
            return new KevJsonReader().read(in, "known_exploited_vulnerabilities.json",
                    Instant.parse("2026-10-10T00:00:00Z"));
        }
    }

    @Override
    public void close() throws Exception {
        services.close();
        opened.close();
    }
}
