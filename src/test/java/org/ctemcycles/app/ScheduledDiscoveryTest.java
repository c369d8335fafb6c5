package org.ctemcycles.app;

import com.google.gson.Gson;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.store.AoSourceRepository;
import org.ctemcycles.store.SourceEntity;
import org.ctemcycles.testing.LocalHttpsServer;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Scheduled discovery sources against a real local HTTPS server (the JDK's HttpsServer with a self-signed
 * certificate made by keytool for this run), on H2 and PostgreSQL, with a clock the test moves: a source feeds the
 * cycle on its schedule, an unchanged report adds nothing, a redirect to another host, a host off the allow-list and
 * an oversized report are refused, the token is sent but never stored in the clear.
 */
@RunWith(Parameterized.class)
public class ScheduledDiscoveryTest {

    private static final String TOKEN = "s3cret-token-value";

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    @ClassRule
    public static final LocalHttpsServer SERVER = new LocalHttpsServer();

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private static SSLContext clientTls;
    private static int port;
    private static volatile byte[] report;
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private MutableClock clock;
    private CycleRecord record;
    private ScheduledDiscovery sources;
    private final TokenSeal seal = new TokenSeal(key());

    public ScheduledDiscoveryTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @BeforeClass
    public static void serve() {
        clientTls = SERVER.clientTls();
        port = SERVER.port();
        SERVER.serve("/report.jsonl", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            LocalHttpsServer.answer(exchange, 200, report);
        });
        SERVER.serve("/same-host", exchange -> LocalHttpsServer.redirect(exchange, "/report.jsonl"));
        SERVER.serve("/other-host", exchange -> LocalHttpsServer.redirect(exchange,
                "https://127.0.0.1:" + port + "/report.jsonl"));
        SERVER.serve("/big", exchange -> LocalHttpsServer.answer(exchange, 200, new byte[64 * 1024]));
    }

    @Before
    public void openRecord() {
        opened = testDatabase.open();
        clock = MutableClock.on("2026-07-02");
        record = CycleRecord.overStore(opened.database().activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> "lead".equals(user), clock);
        record.cycles().create(new CycleDraft("CTEM-1", "Q3", "Cut KEV exposure", "2026-07-01", "2026-09-30", "14"),
                "lead");
        record.scope().add("CTEM-1", new SurfaceDraft("WEB", "Web tier", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable KEV", List.of("host:*.corp.example")), "lead");
        sources = discovery(Set.of("localhost"));
        report = report("web1.corp.example", "web2.corp.example");
        AUTHORIZATIONS.clear();
    }

    @After
    public void closeRecord() throws Exception {
        record.close();
        opened.close();
    }

    private ScheduledDiscovery discovery(Set<String> allowed) {
        return new ScheduledDiscovery(new AoSourceRepository(opened.database().activeObjects()),
                record.imports(ImportLimits.defaults()), new ReportFetcher(allowed, 16 * 1024, Duration.ofSeconds(10),
                clientTls), seal, record.log(), clock);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] report(String... hosts) {
        StringBuilder lines = new StringBuilder("{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n");
        Gson gson = new Gson();
        for (String host : hosts) {
            lines.append(gson.toJson(ObservationBuilder.nessus().host(host).ruleId("r-" + host).build()))
                    .append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return SERVER.url(path);
    }

    private DiscoverySource add(String path) {
        return sources.add("ctem-1", "nightly scan", DiscoverySource.Kind.HTTPS, url(path), TOKEN,
                Duration.ofHours(1), List.of("WEB"), "ctem-jsonl", "lead");
    }

    @Test
    public void aSourceFeedsTheCycleOnItsScheduleAndAnUnchangedReportAddsNothing() {
        add("/report.jsonl");
        List<DiscoverySource> first = sources.runDue("scheduler");
        assertEquals(1, first.size());
        assertTrue(first.get(0).lastOutcome(), first.get(0).lastOutcome().startsWith("imported as run "));
        assertEquals(1, record.discovery().runs("CTEM-1").size());
        assertEquals(2, record.discovery().findings("CTEM-1").size());
        assertEquals(List.of("Bearer " + TOKEN), AUTHORIZATIONS);

        assertEquals("not due again within the hour", List.of(), sources.runDue("scheduler"));
        clock.advance(Duration.ofMinutes(59));
        assertEquals(List.of(), sources.runDue("scheduler"));
        clock.advance(Duration.ofMinutes(1));
        List<DiscoverySource> again = sources.runDue("scheduler");
        assertTrue(again.get(0).lastOutcome(), again.get(0).lastOutcome().startsWith("unchanged, run "));
        assertEquals("an unchanged report adds nothing", 1, record.discovery().runs("CTEM-1").size());

        report = report("web1.corp.example", "web2.corp.example", "web3.corp.example");
        clock.advance(Duration.ofHours(1));
        assertTrue(sources.runDue("scheduler").get(0).lastOutcome().startsWith("imported as run "));
        assertEquals(2, record.discovery().runs("CTEM-1").size());
        assertEquals(3, record.discovery().findings("CTEM-1").size());
        assertEquals(clock.instant(), sources.list().get(0).lastRunAt());
        List<LogEntry> ran = record.log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.SOURCE_RAN)).toList();
        assertEquals("each outcome in the cycle's log", 3, ran.size());
        assertTrue(ran.get(1).after(), ran.get(1).after().contains("unchanged, run "));
        assertFalse(ran.stream().anyMatch(e -> e.after().contains(TOKEN)));
    }

    @Test
    public void theTokenIsStoredOnlySealedAndOpensOnlyWithItsKey() {
        DiscoverySource added = add("/report.jsonl");
        SourceEntity[] rows = opened.database().activeObjects().find(SourceEntity.class);
        assertEquals(1, rows.length);
        assertFalse(rows[0].getSealedToken().contains(TOKEN));
        assertTrue(rows[0].getSealedToken().startsWith("v1:"));
        assertEquals(TOKEN, seal.open(added.sealedToken()));
        assertFalse(added.toString().contains(TOKEN));
        ScheduledDiscovery otherKey = new ScheduledDiscovery(new AoSourceRepository(opened.database()
                .activeObjects()), record.imports(ImportLimits.defaults()), new ReportFetcher(Set.of("localhost"),
                16 * 1024, Duration.ofSeconds(10), clientTls), new TokenSeal(key()), record.log(), clock);
        DiscoverySource ran = otherKey.run(added.id(), "scheduler");
        assertTrue(ran.lastOutcome(), ran.lastOutcome().startsWith("refused: token: the source's token cannot be"));
        assertEquals(List.of(), AUTHORIZATIONS);
        assertEquals(0, record.discovery().runs("CTEM-1").size());
    }

    @Test
    public void aRedirectIsFollowedOnlyOnTheSameHost() {
        DiscoverySource same = add("/same-host");
        assertTrue(sources.run(same.id(), "lead").lastOutcome().startsWith("imported as run "));
        DiscoverySource other = add("/other-host");
        String outcome = sources.run(other.id(), "lead").lastOutcome();
        assertEquals("refused: url: localhost redirected to https://127.0.0.1; a source follows redirects only to"
                + " https on the same host", outcome);
        assertEquals(1, AUTHORIZATIONS.size());
    }

    @Test
    public void aHostOffTheAllowListAndAnOversizedReportAreRefused() {
        try {
            sources.add("CTEM-1", "internal", DiscoverySource.Kind.HTTPS, "https://127.0.0.1:" + port
                    + "/report.jsonl", null, Duration.ofHours(1), List.of(), null, "lead");
            fail("127.0.0.1 is not allowed");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("host 127.0.0.1 is not on the administrator's"
                    + " allow-list of source hosts (localhost)"));
        }
        try {
            sources.add("CTEM-1", "plain", DiscoverySource.Kind.HTTPS, "http://localhost:" + port + "/report.jsonl",
                    null, Duration.ofHours(1), List.of(), null, "lead");
            fail("http is not allowed");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is not an https URL"));
        }
        assertEquals(List.of(), sources.list());

        DiscoverySource added = add("/report.jsonl");
        String refused = discovery(Set.of("ci.example.com")).run(added.id(), "lead").lastOutcome();
        assertTrue(refused, refused.startsWith("refused: url: host localhost is not on the administrator's"));
        assertEquals("the allow-list is checked before any connection", List.of(), AUTHORIZATIONS);

        DiscoverySource big = add("/big");
        String tooBig = sources.run(big.id(), "lead").lastOutcome();
        assertEquals("refused: url: the report at localhost is 65536 bytes, more than the limit of 16384", tooBig);
        assertEquals(0, record.discovery().runs("CTEM-1").size());
    }

    @Test
    public void aFolderSourceImportsEachReportOnceAndRemovingASourceStopsIt() throws Exception {
        Path folder = FOLDER.newFolder().toPath();
        Files.write(folder.resolve("a.jsonl"), report("web1.corp.example"));
        DiscoverySource source = sources.add("CTEM-1", "drop folder", DiscoverySource.Kind.FOLDER,
                folder.toString(), null, Duration.ofMinutes(30), List.of("WEB"), "ctem-jsonl", "lead");
        assertTrue(sources.runDue("scheduler").get(0).lastOutcome().startsWith("a.jsonl: imported as run "));
        Files.write(folder.resolve("b.jsonl"), report("web9.corp.example"));
        clock.advance(Duration.ofMinutes(30));
        String outcome = sources.runDue("scheduler").get(0).lastOutcome();
        assertTrue(outcome, outcome.startsWith("a.jsonl: unchanged, run ") && outcome.contains("; b.jsonl: imported"));
        assertEquals(2, record.discovery().runs("CTEM-1").size());
        Files.writeString(folder.resolve("c.jsonl"), "{\"password\":\"hunter2\"", StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(30));
        String partly = sources.runDue("scheduler").get(0).lastOutcome();
        assertTrue(partly, partly.contains("c.jsonl: rejected, nothing stored: "));
        LogEntry last = record.log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.SOURCE_RAN))
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(last.after(), last.after().contains("partly rejected"));
        assertFalse("a rejection's reason may quote the report; the chain does not keep it",
                last.after().contains("hunter2"));
        sources.remove(source.id(), "lead");
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), sources.runDue("scheduler"));
        List<LogEntry> setUp = record.log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.SOURCE_ADDED)
                || e.is(LogAction.SOURCE_REMOVED)).toList();
        assertEquals("who added and removed the source, and what it was, are in the cycle's log", 2, setUp.size());
        assertTrue(setUp.get(0).after(), setUp.get(0).after().contains("\"kind\":\"FOLDER\"")
                && setUp.get(0).after().contains("\"every\":\"30m\""));
        assertEquals("lead", setUp.get(1).actor());
        assertEquals(setUp.get(0).after(), setUp.get(1).before());
    }
}
