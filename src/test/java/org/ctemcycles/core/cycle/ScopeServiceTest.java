package org.ctemcycles.core.cycle;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Changing a surface field by field, rules written twice, too many rules, and carrying a scope over. */
public class ScopeServiceTest extends InMemoryRecordTest {

    public ScopeServiceTest() {
        super("2026-06-20");
    }

    @Before
    public void open() {
        fixture.openScoped("CTEM-1");
    }

    private Surface update(SurfaceDraft draft) {
        return record.scope().update("CTEM-1", draft, LEAD);
    }

    @Test
    public void eachFieldOfASurfaceChangesAlone() {
        Surface before = record.scope().list("CTEM-1").get(0);
        Surface named = update(new SurfaceDraft("pay-api", "Payments", null, null, null, null, null, null));
        assertEquals("Payments", named.name());
        assertEquals(before.kind(), named.kind());
        assertEquals(SurfaceKind.IDENTITY_SURFACE, update(new SurfaceDraft("PAY-API", null, "identity-surface", null,
                null, null, null, null)).kind());
        assertEquals(Exposure.INTERNAL, update(new SurfaceDraft("PAY-API", null, null, null, null, "internal", null,
                null)).exposure());
        assertEquals("no KEV", update(new SurfaceDraft("PAY-API", null, null, null, null, null, "no KEV", null))
                .successCriterion());
        Surface ruled = update(new SurfaceDraft("PAY-API", null, null, null, null, null, null,
                List.of("HOST:a.example.com", "host:A.example.com", "HOST:b.example.com")));
        assertEquals("a rule written twice is kept once", List.of(ScopeRule.parse("HOST:a.example.com"),
                ScopeRule.parse("HOST:b.example.com")), ruled.rules());
        Surface last = record.scope().list("CTEM-1").get(0);
        assertEquals("Payments", last.name());
        assertEquals(Criticality.CRITICAL, last.criticality());
        assertEquals("alice", last.businessOwner());
        assertEquals(5, logged("CTEM-1", LogAction.SURFACE_CHANGED).size());
    }

    @Test
    public void badChangesAreNamedAndNothingChanges() {
        Surface before = record.scope().list("CTEM-1").get(0);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) { // one more than the 100 allowed
            tooMany.add("HOST:h" + i + ".example.com");
        }
        try {
            update(new SurfaceDraft("PAY-API", " ", "mainframe", null, "severe", "dmz", null, tooMany));
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("name", "kind", "criticality", "exposure", "rules"),
                    e.problems().stream().map(Problem::field).toList());
        }
        assertEquals(List.of(before), record.scope().list("CTEM-1"));
        assertEquals(0, logged("CTEM-1", LogAction.SURFACE_CHANGED).size());
    }

    @Test
    public void aScopeCarriedOverAddsOnlyTheSurfacesTheNextCycleLacks() {
        fixture.open("CTEM-2");
        record.scope().add("CTEM-2", new SurfaceDraft("PAY-API", "kept", "business-process", "", null, null, "",
                List.of()), LEAD);
        record.scope().add("CTEM-1", new SurfaceDraft("IDP", "Identity", "identity-surface", "", null, null, "",
                List.of("HOST:idp.example.com")), LEAD);
        List<Surface> carried = record.scope().carryOver("CTEM-1", "CTEM-2", LEAD,
                Instant.parse("2026-06-20T10:00:00Z"));
        assertEquals(List.of("IDP"), carried.stream().map(Surface::key).toList());
        assertEquals("CTEM-2", carried.get(0).cycleKey());
        assertEquals(List.of("kept", "Identity"), record.scope().list("CTEM-2").stream().map(Surface::name).toList());
        assertTrue(logged("CTEM-2", LogAction.SURFACE_ADDED).stream()
                .anyMatch(e -> e.subject().equals("surface:IDP")));
    }
}
