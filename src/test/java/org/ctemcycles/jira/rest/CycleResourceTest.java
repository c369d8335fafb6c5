package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctemcycles.jira.admin.CtemSettings;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraAppRule;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The cycles REST resource over mocked Jira services and a real cycle service on H2. */
public class CycleResourceTest {

    private static final String VALID = """
            {"key":"CTEM-2026-Q3","name":"Q3 payments","objective":"Cut KEV exposure",
             "start":"2026-07-01","plannedEnd":"2026-09-30","checkpointIntervalDays":14}""";

    @Rule
    public final JiraAppRule app = new JiraAppRule(Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
    private final FakeJira jira = app.jira;
    private CycleResource resource;

    @Before
    public void setUp() {
        resource = new CycleResource(app.services(), app.permissions(), jira.authentication);
    }

    private int storedCycles() {
        return app.storedCycles();
    }

    private static JsonObject body(Response response) {
        return JsonParser.parseString((String) response.getEntity()).getAsJsonObject();
    }

    @Test
    public void securityLeadOpensListsAndShowsACycle() {
        jira.logIn(jira.lead);

        Response created = resource.create(VALID);
        assertEquals(201, created.getStatus());
        assertEquals("cycles/CTEM-2026-Q3", created.getLocation().toString());
        JsonObject cycle = body(created);
        assertEquals("CTEM-2026-Q3", cycle.get("key").getAsString());
        assertEquals("SCOPING", cycle.get("stage").getAsString());
        assertEquals(14, cycle.get("checkpointIntervalDays").getAsInt());
        assertEquals("JIRAUSER10100", cycle.get("createdBy").getAsString());
        assertEquals("2026-11-28T09:00:00Z", cycle.get("createdAt").getAsString());

        Response list = resource.list();
        assertEquals(200, list.getStatus());
        JsonArray cycles = body(list).getAsJsonArray("cycles");
        assertEquals(1, cycles.size());
        assertEquals(cycle, cycles.get(0));

        Response one = resource.get("ctem-2026-q3");
        assertEquals(200, one.getStatus());
        assertEquals(cycle, body(one));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, one.getMediaType());
    }

    @Test
    public void administratorMayOpenCyclesWithoutBeingInTheGroup() {
        jira.logIn(jira.admin);
        assertEquals(201, resource.create(VALID).getStatus());
    }

    @Test
    public void theConfiguredSecurityLeadGroupIsTheOneChecked() {
        new CtemSettings(jira.settingsFactory).setSecurityLeadGroup("appsec-leads");
        when(jira.groups.isUserInGroup(jira.engineer, "appsec-leads")).thenReturn(true);
        jira.logIn(jira.engineer);

        assertEquals(200, resource.list().getStatus());
        verify(jira.groups).isUserInGroup(eq(jira.engineer), eq("appsec-leads"));
        jira.logIn(jira.lead);
        assertEquals("the default group no longer grants access", 403, resource.list().getStatus());
    }

    @Test
    public void engineerIsForbiddenEverythingAndNothingIsStored() {
        jira.logIn(jira.engineer);
        for (Response response : new Response[]{resource.list(), resource.get("CTEM-2026-Q3"), resource.create(VALID)}) {
            assertEquals(403, response.getStatus());
            assertEquals("only security leads and Jira administrators may work with CTEM cycles",
                    body(response).get("message").getAsString());
        }
        assertEquals(0, storedCycles());
    }

    @Test
    public void anonymousRequestsAreAskedToLogIn() {
        jira.logIn(null);
        assertEquals(401, resource.list().getStatus());
        assertEquals(401, resource.get("X").getStatus());
        assertEquals(401, resource.create(VALID).getStatus());
        assertEquals(0, storedCycles());
    }

    @Test
    public void invalidCycleIsRejectedWithEveryProblemNamedAndNothingStored() {
        jira.logIn(jira.lead);
        Response response = resource.create("""
                {"key":"CTEM-1","name":"","start":"2026-09-30","plannedEnd":"2026-07-01"}""");
        assertEquals(400, response.getStatus());
        JsonObject body = body(response);
        assertEquals("the cycle was not created: 2 problems", body.get("message").getAsString());
        JsonArray errors = body.getAsJsonArray("errors");
        assertEquals("name", errors.get(0).getAsJsonObject().get("field").getAsString());
        assertEquals("is required", errors.get(0).getAsJsonObject().get("message").getAsString());
        assertEquals("plannedEnd", errors.get(1).getAsJsonObject().get("field").getAsString());
        assertEquals(0, storedCycles());
    }

    @Test
    public void duplicateKeyIsABadRequestNamingTheKey() {
        jira.logIn(jira.lead);
        assertEquals(201, resource.create(VALID).getStatus());
        Response again = resource.create(VALID);
        assertEquals(400, again.getStatus());
        JsonObject error = body(again).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals("key", error.get("field").getAsString());
        assertEquals("a cycle with key 'CTEM-2026-Q3' already exists", error.get("message").getAsString());
        assertEquals(1, storedCycles());
    }

    @Test
    public void malformedJsonIsRejectedWithWhereItBroke() {
        jira.logIn(jira.lead);
        Response response = resource.create("{\"key\": \"CTEM-1\", \"name\": ");
        assertEquals(400, response.getStatus());
        JsonObject error = body(response).getAsJsonArray("errors").get(0).getAsJsonObject();
        assertEquals("body", error.get("field").getAsString());
        assertTrue(error.get("message").getAsString(), error.get("message").getAsString().matches(
                "is not valid JSON: .*line 1 column \\d+.*"));
        assertEquals(0, storedCycles());
    }

    @Test
    public void unknownAndWronglyTypedFieldsAreNamed() {
        jira.logIn(jira.lead);
        Response response = resource.create("""
                {"key":"CTEM-1","nmae":"typo","name":["a"],"start":"2026-07-01","plannedEnd":"2026-09-30"}""");
        assertEquals(400, response.getStatus());
        JsonArray errors = body(response).getAsJsonArray("errors");
        assertEquals("nmae", errors.get(0).getAsJsonObject().get("field").getAsString());
        assertTrue(errors.get(0).getAsJsonObject().get("message").getAsString().startsWith("is not a field of a cycle"));
        assertEquals("name", errors.get(1).getAsJsonObject().get("field").getAsString());
        assertEquals("must be a string or a number, not an array",
                errors.get(1).getAsJsonObject().get("message").getAsString());
    }

    @Test
    public void emptyNonObjectAndOversizedBodiesAreRejected() {
        jira.logIn(jira.lead);
        assertEquals(400, resource.create("").getStatus());
        assertEquals("body", body(resource.create("[1,2]")).getAsJsonArray("errors").get(0).getAsJsonObject()
                .get("field").getAsString());
        String huge = "{\"name\":\"" + "x".repeat(CycleResource.MAX_BODY_CHARS) + "\"}";
        assertTrue(body(resource.create(huge)).toString().contains("characters long"));
        assertEquals(0, storedCycles());
    }

    @Test
    public void unknownCycleIsNotFound() {
        jira.logIn(jira.lead);
        Response response = resource.get("NOPE");
        assertEquals(404, response.getStatus());
        assertEquals("no CTEM cycle with key 'NOPE'", body(response).get("message").getAsString());
    }

    /** Jira's REST XSRF check lets through only what a cross-site form cannot send: JSON, never form encodings. */
    @Test
    public void writesAcceptJsonOnlyAndAreNotExcludedFromXsrfProtection() throws Exception {
        Method create = CycleResource.class.getMethod("create", String.class);
        assertTrue(create.isAnnotationPresent(POST.class));
        assertArrayEquals(new String[]{MediaType.APPLICATION_JSON}, create.getAnnotation(Consumes.class).value());
        for (Annotation annotation : concat(CycleResource.class.getAnnotations(), create.getAnnotations())) {
            assertFalse(annotation.toString(), annotation.annotationType().getSimpleName().contains("XsrfProtectionExcluded"));
        }
    }

    private static Annotation[] concat(Annotation[] a, Annotation[] b) {
        Annotation[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
