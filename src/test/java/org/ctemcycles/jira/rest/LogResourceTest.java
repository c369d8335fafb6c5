package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/log} over real HTTP: the activity log by sequence and its verification. */
public class LogResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;

    @Before
    public void aScopedCycle() {
        record = new RecordApi(api).scoped();
    }

    @Test
    public void theLogIsReadBySequenceAndVerifies() {
        List<JsonObject> log = record.all(BASE + "/log", 2, 2);
        assertEquals(3, log.size());
        assertEquals(List.of(1L, 2L, 3L), log.stream().map(e -> e.get("sequence").getAsLong()).toList());
        assertEquals("CYCLE_OPENED", log.get(0).get("action").getAsString());
        assertEquals(RecordApi.LEAD_KEY, log.get(0).get("actor").getAsString());
        assertEquals(log.get(0).get("hash"), log.get(1).get("previousHash"));

        JsonObject verification = ok(200, api.get("auditor", BASE + "/log/verification"));
        assertTrue(verification.get("intact").getAsBoolean());
        assertEquals(3, verification.get("entries").getAsInt());
        assertTrue(verification.get("firstBreak").isJsonNull());
    }

    @Test
    public void anEditedEntryIsNamedByTheVerification() throws Exception {
        try (Connection c = api.database().database().dataSource().getConnection();
             Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE \"" + api.database().database().tablePrefix().value()
                    + "ACTIVITY_LOG\" SET \"ACTOR\" = 'mallory' WHERE \"CHAIN_LINK\" = 'CTEM-1#2'"));
        }
        JsonObject verification = ok(200, api.get("lead", BASE + "/log/verification"));
        assertFalse(verification.get("intact").getAsBoolean());
        JsonObject found = verification.getAsJsonObject("firstBreak");
        assertEquals("EDITED", found.get("kind").getAsString());
        assertEquals(2, found.get("sequence").getAsLong());
        assertEquals("entry 2 was edited: its content no longer matches its hash",
                found.get("description").getAsString());
        assertEquals("the API and the command line agree", api.services().record().log().verify(RecordApi.KEY),
                api.services().record().pages().verify(RecordApi.KEY));
    }

    @Test
    public void theLogIsEvidence() {
        record.assertEvidenceReadable(BASE + "/log");
        record.assertEvidenceReadable(BASE + "/log/verification");
        assertEquals(List.of("after"), RecordApi.fields(api.get("lead", BASE + "/log?after=-1")));
    }
}
