package org.ctemcycles.jira.sources;

import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import com.google.gson.Gson;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.store.SourceEntity;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.TestScheduler;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Scheduled discovery sources inside Jira, on H2 and PostgreSQL: the job lives with the app and is scheduled once
 * per cluster under a stable id; a run takes the cluster lock (a run finding it held leaves the work); a due folder
 * source under the shared home feeds the cycle through the one import path and an unchanged report adds nothing; a
 * failing source is tried again with a growing pause and each outcome is in the cycle's log; the key that seals
 * tokens is a file under the shared home, owner-only; folders outside the shared home's ctem/sources and hosts an
 * administrator did not allow are refused.
 */
@RunWith(Parameterized.class)
public class SourceJobsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final OpenDatabase db;
    @Rule
    public final TemporaryFolder home = new TemporaryFolder();

    private final FakeJira jira = new FakeJira();
    private final FakeJiraIssues issues = new FakeJiraIssues(jira);
    private final MutableClock clock = MutableClock.on("2026-07-02");
    private final TestScheduler scheduler = new TestScheduler();
    private final TestClusterLocks locks = new TestClusterLocks();
    private final List<Long> pauses = new ArrayList<>();
    private CtemServices services;
    private CtemSettings settings;
    private JiraSources sources;

    public SourceJobsTest(TestDatabase database) {
        db = new OpenDatabase(database);
    }

    @Before
    public void setUp() {
        issues.sharedHome = home.getRoot().toPath();
        services = new CtemServices(db.ao(), (user, cycle) -> "lead".equals(user), new LocalIssueTracker("SEC"),
                clock);
        services.cycles().create(new CycleDraft("CTEM-1", "Q3", "Cut KEV exposure", "2026-07-01", "2026-09-30",
                "14"), "lead");
        services.record().scope().add("CTEM-1", new SurfaceDraft("WEB", "Web tier", "customer-facing system",
                "alice", "critical", "internet-facing", "No exploitable KEV", List.of("host:*.corp.example")), "lead");
        settings = new CtemSettings(jira.settingsFactory);
        sources = new JiraSources(db.ao(), services, settings, issues.applicationProperties,
                defaultTls());
    }

    private static javax.net.ssl.SSLContext defaultTls() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourceJobs node(String name) {
        SourceJobs jobs = new SourceJobs(scheduler.node(name), issues.events, locks.node(name), sources, pauses::add);
        jobs.start();
        return jobs;
    }

    private Path folder(String name, String... hosts) throws IOException {
        Path folder = Files.createDirectories(sources.folderRoot().resolve(name));
        StringBuilder lines = new StringBuilder("{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n");
        for (String host : hosts) {
            lines.append(new Gson().toJson(ObservationBuilder.nessus().host(host).ruleId("r-" + host).build()))
                    .append('\n');
        }
        Files.writeString(folder.resolve("scan.jsonl"), lines, StandardCharsets.UTF_8);
        return folder;
    }

    private List<LogEntry> ran() {
        return services.record().log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.SOURCE_RAN)).toList();
    }

    @Test
    public void theJobRunsDueSourcesOncePerClusterUnderALock() throws IOException {
        folder("nightly", "web1.corp.example", "web2.corp.example");
        DiscoverySource nightly = sources.add("CTEM-1", "nightly", DiscoverySource.Kind.FOLDER, "nightly", null,
                Duration.ofHours(1), List.of("WEB"), "ctem-jsonl", "lead");
        assertEquals(sources.folderRoot().resolve("nightly").toString(), nightly.location());
        SourceJobs one = node("node-1");
        SourceJobs two = node("node-2");
        issues.events.publish(new PluginEnabledEvent(() -> SourceJobs.PLUGIN_KEY));
        issues.events.publish(new PluginEnabledEvent(() -> SourceJobs.PLUGIN_KEY));
        assertEquals("a stable id: scheduling again replaces the job", 1, scheduler.jobCount());
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, scheduler.job(SourceJobs.SOURCES_JOB).getRunMode());

        var held = locks.node("node-2").getLockForName(SourceJobs.LOCK);
        assertTrue(held.tryLock());
        assertEquals(RunOutcome.ABORTED, scheduler.trigger(SourceJobs.SOURCES_JOB).get(0).getRunOutcome());
        assertEquals("nothing ran while another node held the lock", 0, ran().size());
        held.unlock();

        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(SourceJobs.SOURCES_JOB).get(0).getRunOutcome());
        assertEquals(1, services.record().discovery().runs("CTEM-1").size());
        assertEquals(2, services.record().discovery().findings("CTEM-1").size());
        String outcome = sources.list("CTEM-1").get(0).lastOutcome();
        assertTrue(outcome, outcome.contains("imported as run"));

        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(SourceJobs.SOURCES_JOB).get(0).getRunOutcome());
        assertEquals("not due again within the hour", 1, ran().size());
        clock.advance(Duration.ofHours(1));
        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(SourceJobs.SOURCES_JOB).get(0).getRunOutcome());
        assertTrue(sources.list("CTEM-1").get(0).lastOutcome(),
                sources.list("CTEM-1").get(0).lastOutcome().contains("unchanged"));
        assertEquals("an unchanged report adds nothing", 1, services.record().discovery().runs("CTEM-1").size());
        assertEquals(2, ran().size());
        assertEquals("nothing failed, nothing waited", List.of(), pauses);
        one.stop();
        two.stop();
        assertFalse(scheduler.hasRunner("node-1", SourceJobs.SOURCES));
    }

    @Test
    public void aFailingSourceIsTriedAgainWithAGrowingPauseAndStaysDue() throws IOException {
        settings.setSourceHosts(List.of("localhost"));
        // port 1 on this machine refuses connections: every fetch fails at once
        sources.add("CTEM-1", "ci export", DiscoverySource.Kind.HTTPS, "https://localhost:1/report.jsonl",
                "s3cret-token", Duration.ofHours(1), List.of("WEB"), "ctem-jsonl", "lead");
        node("node-1");
        issues.events.publish(new PluginEnabledEvent(() -> SourceJobs.PLUGIN_KEY));
        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(SourceJobs.SOURCES_JOB).get(0).getRunOutcome());
        assertEquals(List.of(2000L, 4000L), pauses);
        List<LogEntry> ran = ran();
        assertEquals("each attempt's outcome in the log", 3, ran.size());
        assertTrue(ran.get(2).after(), ran.get(2).after().contains("failed"));
        assertFalse("the token is never logged", ran.stream().anyMatch(e -> e.after().contains("s3cret-token")));
        assertEquals(0, services.record().discovery().runs("CTEM-1").size());

        // the sealing key lives under the shared home, owner-only; the database holds only the sealed token
        Path key = home.getRoot().toPath().resolve("ctem").resolve("sources.key");
        assertTrue(Files.isRegularFile(key));
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        SourceEntity[] rows = db.ao().find(SourceEntity.class);
        assertEquals(1, rows.length);
        assertTrue(rows[0].getSealedToken().startsWith("v1:"));
        assertFalse(rows[0].getSealedToken().contains("s3cret-token"));
    }

    /**
     * The back-off across runs, with the clock the test moves: a source whose folder went away fails; each failed
     * job run (three attempts) doubles the wait before the next, up to a day; another node (a restart: a new
     * JiraSources and job over the same database) keeps to the stored wait; a run that works resets it.
     */
    @Test
    public void aFailingSourceBacksOffAcrossRunsOnEveryNodeAndARunThatWorksResetsIt() throws IOException {
        Path folder = folder("drop", "web1.corp.example");
        sources.add("CTEM-1", "drop", DiscoverySource.Kind.FOLDER, "drop", null, Duration.ofHours(1),
                List.of("WEB"), "ctem-jsonl", "lead");
        Path away = Files.move(folder, folder.resolveSibling("away"));
        SourceJobs first = node("node-1");
        SourceJobs restarted = new SourceJobs(scheduler.node("node-2"), issues.events, locks.node("node-2"),
                new JiraSources(db.ao(), services, settings, issues.applicationProperties, defaultTls()),
                pauses::add);
        java.time.Instant start = clock.instant();

        assertEquals(RunOutcome.SUCCESS, first.run().getRunOutcome());
        DiscoverySource failed = sources.list("CTEM-1").get(0);
        assertTrue(failed.lastOutcome(), failed.lastOutcome().startsWith("failed: NoSuchFileException"));
        assertEquals(1, failed.failures());
        assertEquals("three attempts, 2 s and 4 s apart", List.of(2000L, 4000L), pauses);
        assertEquals("each attempt is a run of its own", 3, sources.runs(failed).size());
        assertEquals("the interval doubled", start.plus(Duration.ofHours(2)), failed.nextRunAt());

        // the other node, as after a restart, reads the wait from the database and keeps to it
        clock.advance(Duration.ofHours(1));
        restarted.run();
        assertEquals("not due within the doubled interval", 3, ran().size());
        List<Duration> waits = new ArrayList<>();
        for (int run = 2; run <= 6; run++) {
            clock.set(sources.list("CTEM-1").get(0).nextRunAt().minusSeconds(1));
            (run % 2 == 0 ? restarted : first).run();
            assertEquals("not a second early", 3 * (run - 1), ran().size());
            clock.advance(Duration.ofSeconds(1));
            (run % 2 == 0 ? restarted : first).run();
            DiscoverySource now = sources.list("CTEM-1").get(0);
            assertEquals(run, now.failures());
            waits.add(now.nextWait());
        }
        assertEquals("doubled per failed run, capped at a day", List.of(Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(16), Duration.ofHours(24), Duration.ofHours(24)), waits);
        assertEquals(0, services.record().discovery().runs("CTEM-1").size());

        Files.move(away, folder);
        clock.set(sources.list("CTEM-1").get(0).nextRunAt());
        restarted.run();
        DiscoverySource working = sources.list("CTEM-1").get(0);
        assertTrue(working.lastOutcome(), working.lastOutcome().startsWith("scan.jsonl: imported as run"));
        assertEquals("a run that works resets the back-off", 0, working.failures());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), working.nextRunAt());
        assertEquals(1, sources.runs(working).get(0).observations());
        assertEquals("the newest runs are kept", 10, sources.runs(working).size());
        assertEquals(1, services.record().discovery().runs("CTEM-1").size());
    }

    @Test
    public void foldersOutsideTheSharedHomesSourcesAndHostsNotAllowedAreRefused() throws IOException {
        folder("nightly");
        for (String outside : List.of("../elsewhere", "/etc", "nightly/../..", "")) {
            try {
                sources.add("CTEM-1", "x", DiscoverySource.Kind.FOLDER, outside, null, Duration.ofHours(1),
                        List.of("WEB"), null, "lead");
                fail("accepted folder '" + outside + "'");
            } catch (InvalidInputException e) {
                assertEquals(outside, "folder", e.problems().get(0).field());
            }
        }
        settings.setSourceHosts(List.of("reports.example.com"));
        try {
            sources.add("CTEM-1", "x", DiscoverySource.Kind.HTTPS, "https://internal.example.net/r.json", null,
                    Duration.ofHours(1), List.of("WEB"), null, "lead");
            fail("accepted a host not on the allow-list");
        } catch (InvalidInputException e) {
            assertEquals("url", e.problems().get(0).field());
        }
        try {
            settings.setSourceHosts(List.of("https://reports.example.com/"));
            fail("accepted a URL as a host");
        } catch (InvalidInputException e) {
            assertEquals("hosts", e.problems().get(0).field());
        }
        assertEquals(List.of("reports.example.com"), settings.sourceHosts());
        assertEquals(List.of(), sources.list("CTEM-1"));
    }
}
