package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.stream.IntStream;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A page of a large list reads about its own rows, wherever it starts, on H2 and PostgreSQL: a cycle of 1,200
 * findings (and register entries) is read through the API a page at a time while a wrapping DataSource counts the
 * rows the database hands back. A list cut from a whole in memory would read all 1,200 for every page.
 */
@RunWith(Parameterized.class)
public class RecordPagingTest {

    private static final int FINDINGS = 1_200;
    private static final int PAGE = 50;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final CountingDataSource counting = new CountingDataSource();
    private final TestDatabase database;
    @Rule
    public final RestHarness api;
    private RecordApi record;
    private List<String> findings;

    public RecordPagingTest(TestDatabase database) {
        this.database = database;
        api = new RestHarness(database, EmbeddedDatabase.Options.app().withDataSourceWrapper(counting::wrap),
                MutableClock.on("2026-07-02"));
    }

    @Before
    public void aLargeCycle() {
        record = new RecordApi(api).scoped();
        Observation[] observations = IntStream.rangeClosed(1, FINDINGS).mapToObj(i -> ObservationBuilder.nessus()
                .ruleId("10863").host(String.format("web%04d.corp.example", i)).build()).toArray(Observation[]::new);
        findings = record.imported("large.jsonl", observations);
        assertEquals(FINDINGS, findings.size());
        // the last few move on, so that a page of that status lies at the end of the register
        for (String finding : findings.subList(FINDINGS - 3, FINDINGS)) {
            ok(200, api.put("lead", BASE + "/register/" + finding + "/status", "{\"status\":\"in-progress\"}"));
        }
    }

    /** The rows the database handed back for one GET, and its answer. */
    private record Read(int rows, JsonObject page) {
    }

    private Read read(String path) {
        counting.reset();
        JsonObject page = ok(200, api.get("lead", path));
        return new Read(counting.rows(), page);
    }

    @Test
    public void aPageOfTheRegisterReadsItsOwnRowsWhereverItStarts() {
        Read first = read(BASE + "/register?limit=" + PAGE);
        assertEquals(PAGE, first.page().getAsJsonArray("items").size());
        String late = String.valueOf(first.page().get("next").getAsLong() + FINDINGS - 2 * PAGE);
        Read last = read(BASE + "/register?limit=" + PAGE + "&after=" + late);
        assertEquals(PAGE, last.page().getAsJsonArray("items").size());
        assertTrue("the last page says it is the last", last.page().get("next").isJsonNull());
        Read status = read(BASE + "/register?status=in-progress&limit=" + PAGE);
        assertEquals(3, status.page().getAsJsonArray("items").size());
        // the page's rows, one more to know whether more follow, and the cycle
        for (Read page : List.of(first, last)) {
            assertTrue(page.rows() + " rows read", page.rows() <= PAGE + 5);
        }
        assertTrue(status.rows() + " rows read", status.rows() <= 3 + 5);
        System.out.printf("[ctem] %s: register pages of %d of %d entries read %d, %d and %d (one status) rows%n",
                database, PAGE, FINDINGS, first.rows(), last.rows(), status.rows());
    }

    @Test
    public void aPageOfFindingsReadsItsOwnRowsAndTheirsWhereverItStarts() {
        Read first = read(BASE + "/findings?limit=" + PAGE);
        assertEquals(PAGE, first.page().getAsJsonArray("items").size());
        String late = String.valueOf(first.page().get("next").getAsLong() + FINDINGS - 2 * PAGE);
        Read last = read(BASE + "/findings?limit=" + PAGE + "&after=" + late);
        assertEquals(PAGE, last.page().getAsJsonArray("items").size());
        assertTrue(last.page().get("next").isJsonNull());
        // the findings (one beyond the page), their signals and register entries, and the cycle
        for (Read page : List.of(first, last)) {
            assertTrue(page.rows() + " rows read", page.rows() <= 3 * PAGE + 5);
        }
        System.out.printf("[ctem] %s: finding pages of %d of %d read %d and %d rows%n", database, PAGE,
                FINDINGS, first.rows(), last.rows());
    }
}
