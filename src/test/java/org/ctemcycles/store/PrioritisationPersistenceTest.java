package org.ctemcycles.store;

import org.ctemcycles.report.json.DecisionJson;
import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.PriorityInput;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Feeds and decisions on real Active Objects, on H2 and on PostgreSQL. */
@RunWith(Parameterized.class)
public class PrioritisationPersistenceTest {

    private static final Instant NOW = Instant.parse("2025-09-01T09:00:00Z");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;
    private AoFeedStore feeds;

    public PrioritisationPersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        ao = opened.database().activeObjects();
        feeds = new AoFeedStore(ao);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    private static EpssFeed epss(String model, String date, int rows, double base) throws Exception {
        StringBuilder text = new StringBuilder("#model_version:" + model + ",score_date:" + date + "\ncve,epss,percentile\n");
        for (int i = 0; i < rows; i++) {
            text.append("CVE-2024-").append(10000 + i).append(',').append(String.format("%.5f", base + i / 1e7))
                    .append(',').append(String.format("%.5f", i / (double) rows)).append('\n');
        }
        text.append("CVE-2021-44228,0.94358,0.99957\n");
        return new EpssCsvReader().read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                "epss_scores-" + date.substring(0, 10) + ".csv.gz", NOW);
    }

    @Test
    public void anEpssFeedIsStoredAndReadBackByEveryNodeInBatchedLookups() throws Exception {
        EpssFeed feed = epss("v2025.03.14", "2025-08-31T12:55:00Z", 12_000, 0.00042);
        feeds.loadEpss(feed);

        EpssLookup stored = feeds.activeEpss().orElseThrow();
        assertEquals(feed.info(), stored.info());
        assertEquals(Optional.of(new EpssScore("CVE-2021-44228", 0.94358, 0.99957)), stored.find("CVE-2021-44228"));
        List<String> cves = new ArrayList<>();
        for (int i = 0; i < 12_000; i += 7) {
            cves.add("CVE-2024-" + (10000 + i));
        }
        cves.add("CVE-1999-0001");
        Map<String, EpssScore> found = stored.findAll(cves);
        assertEquals(cves.size() - 1, found.size());
        assertEquals(feed.find("CVE-2024-10007").orElseThrow(), found.get("CVE-2024-10007"));
        assertEquals(12_001, ao.count(EpssScoreEntity.class));
    }

    @Test
    public void aNewFeedReplacesTheOldOneOnlyWhenCompleteAndTheOldRowsGo() throws Exception {
        feeds.loadEpss(epss("v2025.03.14", "2025-08-30T12:55:00Z", 500, 0.001));
        feeds.loadEpss(epss("v2026.06.15", "2026-09-26T12:00:22Z", 700, 0.002));

        EpssLookup active = feeds.activeEpss().orElseThrow();
        assertEquals("v2026.06.15", active.info().modelVersion());
        assertEquals(701, ao.count(EpssScoreEntity.class));
        assertEquals(List.of("v2026.06.15 ACTIVE", "v2025.03.14 RETIRED"), feeds.versions(FeedKind.EPSS));
    }

    @Test
    public void aLoadThatFailsHalfwayLeavesTheGoodFeedActiveAndNothingOfItself() throws Exception {
        feeds.loadEpss(epss("v2025.03.14", "2025-08-30T12:55:00Z", 500, 0.001));
        EpssFeed next = epss("v2026.06.15", "2026-09-26T12:00:22Z", 12_000, 0.002);
        ActiveObjects failing = FailingAfter.wrap(ao, 1);
        try {
            new AoFeedStore(failing).loadEpss(next);
            fail("the second batch fails");
        } catch (FeedLoadException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(
                    "EPSS feed v2026.06.15 was not stored (the active feed is unchanged): "));
        }
        assertEquals("v2025.03.14", feeds.activeEpss().orElseThrow().info().modelVersion());
        assertEquals(501, ao.count(EpssScoreEntity.class));
        assertEquals(List.of("v2026.06.15 FAILED", "v2025.03.14 ACTIVE"), feeds.versions(FeedKind.EPSS));
    }

    @Test
    public void theKevCatalogueRoundTripsWithEveryFieldAndQuirk() throws Exception {
        KevCatalog catalog = new KevJsonReader().read(getClass().getResourceAsStream(
                "/kev/known_exploited_vulnerabilities.json.gz"), "kev.json", NOW);
        feeds.loadKev(catalog);
        KevCatalog stored = feeds.activeKev().orElseThrow();
        assertEquals(catalog.info(), stored.info());
        assertEquals(catalog.entries(), stored.entries());

        KevCatalog fromCsv = new KevCsvReader().read(getClass().getResourceAsStream(
                "/kev/known_exploited_vulnerabilities.csv.gz"), "kev.csv", NOW);
        feeds.loadKev(fromCsv);
        assertEquals(KevCsvReader.TITLE, feeds.activeKev().orElseThrow().info().title());
        assertEquals(1404, ao.count(KevEntryEntity.class));
    }

    @Test
    public void decisionsAreAppendedAndReprioritisingKeepsTheOldOne() throws Exception {
        feeds.loadEpss(epss("v2025.03.14", "2025-08-31T12:55:00Z", 100, 0.001));
        feeds.loadKev(new KevJsonReader().read(getClass().getResourceAsStream(
                "/kev/known_exploited_vulnerabilities.json.gz"), "kev.json", NOW));
        PriorityEngine engine = PriorityEngine.of(PriorityPolicy.defaults());
        AoDecisionRepository repository = new AoDecisionRepository(ao, new DecisionJson());
        List<PriorityInput> inputs = List.of(
                finding("log4shell@app-1").cve("CVE-2021-44228").cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                        .on(Criticality.CRITICAL, Exposure.INTERNET_FACING).control("WAF", "-5", "CHG-77 \u2018rule\u2019").build(),
                finding("lib@svc").cve("CVE-2024-10005").cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")
                        .on(Criticality.LOW, Exposure.INTERNAL).firstSeen("2025-08-01").build());
        List<Decision> first = engine.prioritise(inputs, feeds.activeEpss().orElseThrow(),
                feeds.activeKev().orElseThrow(), NOW);
        repository.append("run-1", first);
        assertEquals(first, repository.run("run-1"));

        List<PriorityInput> later = List.of(inputs.get(0), finding("lib@svc").cve("CVE-2024-10005")
                .cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").on(Criticality.LOW, Exposure.INTERNAL)
                .firstSeen("2025-08-01").validated(ValidationOutcome.NOT_EXPLOITABLE).build());
        List<Decision> second = engine.prioritise(later, feeds.activeEpss().orElseThrow(),
                feeds.activeKev().orElseThrow(), NOW.plusSeconds(3600));
        repository.append("run-2", second);

        List<Decision> history = repository.history("lib@svc");
        assertEquals(2, history.size());
        assertEquals(first.get(1), history.get(0));
        assertEquals(second.get(1), history.get(1));
        assertTrue(history.get(1).score() < history.get(0).score());
        assertEquals(Optional.of(second.get(1)), repository.latest("lib@svc"));
        assertEquals(4, ao.count(DecisionEntity.class));
        assertFalse(repository.latest("nope").isPresent());
    }

    @Test
    public void aFailedAppendStoresNothingOfTheRun() {
        PriorityEngine engine = PriorityEngine.of(PriorityPolicy.defaults());
        List<PriorityInput> inputs = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            inputs.add(finding("F-" + i).build());
        }
        List<Decision> decisions = engine.prioritise(inputs, null, null, NOW);
        try {
            new AoDecisionRepository(FailingAfter.wrap(ao, 2), new DecisionJson()).append("run-x", decisions);
            fail();
        } catch (RuntimeException expected) {
            // the third batch fails
        }
        assertEquals(0, ao.count(DecisionEntity.class));
        new AoDecisionRepository(ao, new DecisionJson()).append("run-y", decisions);
        assertEquals(2500, ao.count(DecisionEntity.class));
        assertEquals("F-0", new AoDecisionRepository(ao, new DecisionJson()).run("run-y").get(0).findingKey());
    }
}
