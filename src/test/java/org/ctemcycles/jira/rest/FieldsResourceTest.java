package org.ctemcycles.jira.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ctemcycles.jira.fields.CtemField;
import org.ctemcycles.testing.FakeCustomFields;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code /rest/ctem/1.0/fields} over HTTP: Jira administrators see the app's custom fields and repair them; a repair
 * creates each field once, scoped to the CTEM issue type with the app's searcher, keeps the ids it recorded, finds
 * a field whose id was lost by its type, recreates only a deleted one, and two nodes repairing at once still make
 * one field each. Nobody else may look; a form-like POST without Jira's XSRF header is refused.
 */
public class FieldsResourceTest {

    private static final String PLUGIN = "org.ctemcycles.ctem-cycles-jira:";
    /** Jira's own date range searcher, which the deadline's type names (docs/adr/104). */
    private static final String JIRA_DATE_SEARCHER = "com.atlassian.jira.plugin.system.customfieldtypes:daterange";
    /** Jira's own number range searcher, which the rank's and score's types name. */
    private static final String JIRA_NUMBER_SEARCHER = "com.atlassian.jira.plugin.system.customfieldtypes:numberrange";

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-10-10"));

    @Before
    public void theAppsModulesAreEnabled() {
        enable(CtemField.values());
    }

    private void enable(CtemField... types) {
        api.customFields.enable(Arrays.stream(types).map(f -> PLUGIN + f.moduleKey()).collect(Collectors.toSet()),
                Set.of(PLUGIN + "ctem-text-searcher", JIRA_NUMBER_SEARCHER, JIRA_DATE_SEARCHER));
    }

    private static Map<String, JsonObject> byKey(JsonObject answer) {
        return answer.getAsJsonArray("fields").asList().stream().map(JsonElement::getAsJsonObject)
                .collect(Collectors.toMap(f -> f.get("key").getAsString(), Function.identity()));
    }

    private static JsonObject ok(RestHarness.Reply reply) {
        assertEquals(reply.toString(), 200, reply.status());
        return reply.json().getAsJsonObject();
    }

    private static Set<String> states(JsonObject answer) {
        return byKey(answer).values().stream().map(f -> f.get("state").getAsString()).collect(Collectors.toSet());
    }

    @Test
    public void aRepairCreatesEachFieldOnceScopedToTheExposureIssueTypeWithJirasSearcher() {
        JsonObject before = ok(api.get("admin", "/fields"));
        assertEquals(Set.of("missing"), states(before));
        assertEquals(0, before.getAsJsonObject("index").get("pending").getAsInt());

        JsonObject repaired = ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals(Set.of("created"), states(repaired));
        JsonObject rank = byKey(repaired).get("ctem-rank-field");
        assertEquals("CTEM Rank", rank.get("name").getAsString());
        assertEquals("number", rank.get("kind").getAsString());
        assertEquals("no project configured yet", "CTEM Exposure in all projects", rank.get("scope").getAsString());
        assertEquals(CtemField.values().length, api.customFields.created().size());
        for (FakeCustomFields.Created created : api.customFields.created()) {
            assertEquals(List.of("CTEM Exposure"), created.issueTypes().stream().map(t -> t.getName()).toList());
            assertEquals(new FakeCustomFields.Scope(Set.of(), Set.of(api.jira.exposure.getId())),
                    api.customFields.scopeOf(created.field().getId()));
            String name = created.field().getUntranslatedName();
            String searcher = String.valueOf(created.searcher());
            if (name.equals("CTEM Rank") || name.equals("CTEM Score")) {
                assertEquals(name, JIRA_NUMBER_SEARCHER, searcher);
            } else if (name.equals("CTEM Deadline")) {
                assertEquals("Jira's date range searcher", JIRA_DATE_SEARCHER, searcher);
            } else {
                assertEquals(name, PLUGIN + "ctem-text-searcher", searcher);
            }
        }

        JsonObject again = ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals(Set.of("present"), states(again));
        assertEquals("no second field", CtemField.values().length, api.customFields.created().size());
        assertEquals(rank.get("fieldId"), byKey(again).get("ctem-rank-field").get("fieldId"));
        assertEquals(Set.of("present"), states(ok(api.get("admin", "/fields"))));
    }

    /** Cycle key in project, as a lead moves a cycle to a Jira project. */
    private void cycleIn(String cycle, String project) {
        String lead = api.jira.lead.getKey();
        api.services().cycles().create(new org.ctemcycles.core.cycle.CycleDraft(cycle, "Payments", "Cut KEV exposure",
                "2026-10-01", "2026-12-31", "14"), lead);
        api.services().cycles().moveToProject(cycle, project, lead);
    }

    private Long projectId(String key) {
        return api.jira.projectManager.getProjectByCurrentKey(key).getId();
    }

    @Test
    public void fieldsAreScopedToTheCtemIssueTypeOfTheConfiguredProjectsAndReScopedInPlaceWhenTheyChange() {
        cycleIn("CTEM-1", "SEC");
        Map<String, JsonObject> created = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("CTEM Exposure in SEC", created.get("ctem-tier-field").get("scope").getAsString());
        FakeCustomFields.Scope sec = new FakeCustomFields.Scope(Set.of(projectId("SEC")),
                Set.of(api.jira.exposure.getId()));
        for (FakeCustomFields.Created field : api.customFields.created()) {
            assertEquals(field.field().getUntranslatedName(), sec, api.customFields.scopeOf(field.field().getId()));
        }
        // nothing changed: a repair leaves the contexts alone
        Map<String, JsonObject> again = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals(0, api.customFields.scopeUpdates());
        assertTrue(again.values().stream().allMatch(f -> f.get("scope").isJsonNull()));

        // a second cycle in another project: every field is re-scoped in place, its id and lock kept
        cycleIn("CTEM-2", "OPS");
        Map<String, JsonObject> rescoped = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals(CtemField.values().length, api.customFields.scopeUpdates());
        assertEquals("no field made again", CtemField.values().length, api.customFields.created().size());
        for (JsonObject field : rescoped.values()) {
            assertEquals("present", field.get("state").getAsString());
            assertEquals("locked", field.get("lock").getAsString());
            assertEquals("CTEM Exposure in OPS, SEC", field.get("scope").getAsString());
            assertEquals(created.get(field.get("key").getAsString()).get("fieldId"), field.get("fieldId"));
            assertEquals(new FakeCustomFields.Scope(Set.of(projectId("SEC"), projectId("OPS")),
                    Set.of(api.jira.exposure.getId())), api.customFields.scopeOf(field.get("fieldId").getAsString()));
        }
        ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals("re-scoped once", CtemField.values().length, api.customFields.scopeUpdates());
    }

    @Test
    public void whereFindingsAreSubTasksTheSubTaskTypeIsACtemIssueTypeToo() {
        JsonObject defaults = new JsonObject();
        defaults.addProperty("project", "SEC");
        defaults.addProperty("grain", "vulnerability");
        new org.ctemcycles.jira.tracker.TrackerSettings(api.jira.settingsFactory, api.jiraIssues.api())
                .saveDefaults(defaults);
        Map<String, JsonObject> created = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("CTEM Exposure, Sub-task in SEC", created.get("ctem-rank-field").get("scope").getAsString());
        assertEquals(new FakeCustomFields.Scope(Set.of(projectId("SEC")), Set.of(api.jira.exposure.getId(),
                api.jira.subTask.getId())), api.customFields.scopeOf(created.get("ctem-rank-field").get("fieldId")
                .getAsString()));

        // back to one issue per finding: the sub-task type leaves the fields' scope, in place
        defaults.addProperty("grain", "finding");
        new org.ctemcycles.jira.tracker.TrackerSettings(api.jira.settingsFactory, api.jiraIssues.api())
                .saveDefaults(defaults);
        Map<String, JsonObject> rescoped = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("CTEM Exposure in SEC", rescoped.get("ctem-rank-field").get("scope").getAsString());
        assertEquals(created.get("ctem-rank-field").get("fieldId"), rescoped.get("ctem-rank-field").get("fieldId"));
        assertEquals(new FakeCustomFields.Scope(Set.of(projectId("SEC")), Set.of(api.jira.exposure.getId())),
                api.customFields.scopeOf(rescoped.get("ctem-rank-field").get("fieldId").getAsString()));
    }

    private static Set<String> locks(JsonObject answer) {
        return byKey(answer).values().stream().map(f -> f.get("lock").getAsString()).collect(Collectors.toSet());
    }

    @Test
    public void everyFieldIsLockedWhenCreatedAndARepairLocksAgainOnlyWhatIsNotLocked() {
        assertEquals("no field, no lock", Set.of("none"), locks(ok(api.get("admin", "/fields"))));
        JsonObject repaired = ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals(Set.of("locked"), locks(repaired));
        for (FakeCustomFields.Created created : api.customFields.created()) {
            var item = api.customFields.managedItem(created.field().getId());
            assertTrue(created.field().getId(), item.isManaged());
            assertEquals(com.atlassian.jira.config.managedconfiguration.ConfigurationItemAccessLevel.LOCKED,
                    item.getConfigurationItemAccessLevel());
            assertEquals("the app's words beside the field in Jira", "ctem.fields.locked.description",
                    item.getDescriptionI18nKey());
        }
        long updates = api.customFields.managedUpdates();
        assertEquals(CtemField.values().length, updates);

        // locked already: a look and a repair write nothing to Jira
        assertEquals(Set.of("locked"), locks(ok(api.get("admin", "/fields"))));
        assertEquals(Set.of("locked"), locks(ok(api.post("admin", "/fields/repair", "{}"))));
        assertEquals(updates, api.customFields.managedUpdates());

        // a lock released behind the app's back is shown, and locked again by the next repair only
        String score = byKey(repaired).get("ctem-score-field").get("fieldId").getAsString();
        api.customFields.release(score);
        assertEquals("unlocked", byKey(ok(api.get("admin", "/fields"))).get("ctem-score-field").get("lock")
                .getAsString());
        assertEquals(updates, api.customFields.managedUpdates());
        assertEquals(Set.of("locked"), locks(ok(api.post("admin", "/fields/repair", "{}"))));
        assertEquals(updates + 1, api.customFields.managedUpdates());
        assertEquals(score, byKey(ok(api.get("admin", "/fields"))).get("ctem-score-field").get("fieldId")
                .getAsString());
    }

    @Test
    public void aLockJiraRefusesIsSaidAndTheNextRepairTriesAgain() {
        api.customFields.refuseManagedUpdates("managed configuration store unavailable");
        JsonObject refused = ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals("the fields exist all the same", Set.of("created"), states(refused));
        assertEquals(Set.of("failed"), locks(refused));
        assertEquals(Set.of("unlocked"), locks(ok(api.get("admin", "/fields"))));

        api.customFields.refuseManagedUpdates(null);
        JsonObject again = ok(api.post("admin", "/fields/repair", "{}"));
        assertEquals(Set.of("present"), states(again));
        assertEquals(Set.of("locked"), locks(again));
    }

    @Test
    public void idsSurviveALostSettingAndOnlyADeletedFieldIsMadeAgain() {
        Map<String, JsonObject> first = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        // an upgrade that lost the recorded id of one field: found by its type, under the same id
        api.jira.settingsFactory.createGlobalSettings().remove("org.ctemcycles.fields.ctem-tier-field");
        assertEquals("found", byKey(ok(api.get("admin", "/fields"))).get("ctem-tier-field").get("state")
                .getAsString());
        Map<String, JsonObject> repaired = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("found", repaired.get("ctem-tier-field").get("state").getAsString());
        assertEquals(first.get("ctem-tier-field").get("fieldId"), repaired.get("ctem-tier-field").get("fieldId"));
        assertEquals(CtemField.values().length, api.customFields.created().size());

        // an administrator deleted the deadline field: only it is made again, under a new id
        api.customFields.delete(first.get("ctem-deadline-field").get("fieldId").getAsString());
        assertEquals("missing", byKey(ok(api.get("admin", "/fields"))).get("ctem-deadline-field").get("state")
                .getAsString());
        Map<String, JsonObject> after = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("created", after.get("ctem-deadline-field").get("state").getAsString());
        assertNotEquals(first.get("ctem-deadline-field").get("fieldId"), after.get("ctem-deadline-field")
                .get("fieldId"));
        assertEquals(List.of("created"), after.values().stream().map(f -> f.get("state").getAsString())
                .filter(s -> !s.equals("present")).toList());
    }

    @Test
    public void aTypeJiraHasNotEnabledIsSaidAndNoFieldIsMadeForIt() {
        api.customFields.disable(PLUGIN + "ctem-deadline-field");
        Map<String, JsonObject> fields = byKey(ok(api.post("admin", "/fields/repair", "{}")));
        assertEquals("type-not-enabled", fields.get("ctem-deadline-field").get("state").getAsString());
        assertTrue(fields.get("ctem-deadline-field").get("fieldId").isJsonNull());
        assertEquals(CtemField.values().length - 1, api.customFields.created().size());
    }

    @Test
    public void twoNodesRepairingAtOnceMakeOneFieldEach() throws Exception {
        RestHarness second = api.secondNode(org.ctemcycles.cli.embedded.EmbeddedDatabase.Options.app());
        try {
            CompletableFuture<RestHarness.Reply> one = CompletableFuture.supplyAsync(
                    () -> api.post("admin", "/fields/repair", "{}"));
            CompletableFuture<RestHarness.Reply> two = CompletableFuture.supplyAsync(
                    () -> second.post("admin", "/fields/repair", "{}"));
            ok(one.get());
            ok(two.get());
            assertEquals(CtemField.values().length, api.customFields.created().size());
            assertEquals(Set.of("present"), states(ok(second.get("admin", "/fields"))));
        } finally {
            second.close();
        }
    }

    @Test
    public void onlyAdministratorsMayLookOrRepairAndAFormPostNeedsTheXsrfHeader() {
        for (String user : List.of("lead", "auditor", "engineer", "outsider")) {
            assertEquals(user, 403, api.get(user, "/fields").status());
            assertEquals(user, 403, api.post(user, "/fields/repair", "{}").status());
        }
        assertEquals(401, api.get(null, "/fields").status());
        assertEquals(0, api.customFields.created().size());
        RestHarness.Reply form = api.send("admin", api.request("/fields/repair")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
        assertEquals(403, form.status());
        assertEquals("xsrf-check-failed", form.code());
        assertEquals(0, api.customFields.created().size());
        RestHarness.Reply withHeader = api.send("admin", api.request("/fields/repair")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));
        assertEquals(withHeader.toString(), 200, withHeader.status());
        assertTrue(api.customFields.created().size() > 0);
    }
}
