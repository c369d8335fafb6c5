package org.ctemcycles.jira.admin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.priority.PolicyJsonReader;
import org.ctemcycles.jira.PolicyVersions;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The prioritisation policy's versions on H2 and PostgreSQL, through the configuration page over HTTP: an
 * administrator saves an edited policy file and it becomes the next version (the old one unchanged), listed with its
 * diff to the one before and logged in the configuration's chain with the fields before and after; invalid input is
 * refused naming the field and stores nothing; a save needs the XSRF token and an administrator; a save over a
 * version that is no longer the newest is refused; and the REST API's prioritisation ranks with the newest version,
 * each decision naming it.
 */
@RunWith(Parameterized.class)
public class PolicyVersionsTest {

    private static final String SAVE = "admin/CtemConfiguration!savePolicy.jspa";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;
    private PageHarness pages;

    public PolicyVersionsTest(TestDatabase database) {
        api = new RestHarness(database, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    }

    @Before
    public void harness() {
        pages = new PageHarness(api);
        pages.startWebSudo("admin");
        pages.startWebSudo("lead");
    }

    private PolicyVersions versions() {
        return new PolicyVersions(api.services().record());
    }

    private List<LogEntry> chain() {
        return api.services().record().log().chain(LogRecord.CONFIGURATION_CHAIN);
    }

    /** The default policy's file with one value replaced: {@code section.name} set to the JSON {@code value}. */
    private static String edited(String section, String name, String value) {
        JsonObject json = JsonParser.parseString(PolicyVersions.text(PriorityPolicy.defaults())).getAsJsonObject();
        json.getAsJsonObject(section).add(name, JsonParser.parseString(value));
        return json.toString();
    }

    private HttpResponse<String> save(String user, int base, String text, boolean token) {
        return pages.post(user, SAVE, "policyBase=" + base + "&policyText="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + (token ? "&atl_token=" + pages.token() : ""));
    }

    /** Cycle CTEM-P with one finding, in its prioritisation stage. */
    private void aCycleInPrioritisation() {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"CTEM-P\",\"name\":\"Policy\",\"start\":"
                + "\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        assertEquals(201, api.post("lead", "/cycles/CTEM-P/surfaces", "{\"key\":\"PAY\",\"name\":\"Payments web\","
                + "\"kind\":\"customer-facing-system\",\"businessOwner\":\"payments-team\",\"criticality\":\"high\","
                + "\"exposure\":\"internet-facing\",\"successCriterion\":\"no KEV open\","
                + "\"rules\":[\"host:*.pay.example\"]}").status());
        String report = "{\"file\":\"probe.jsonl\",\"format\":\"nessus\"}\n" + new com.google.gson.Gson().toJson(
                org.ctemcycles.testing.ObservationBuilder.nessus().ruleId("rule-1").host("web1.pay.example").build());
        try {
            api.services().record().imports(org.ctemcycles.ingest.ImportLimits.defaults()).read("probe.jsonl",
                    new java.io.ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
                    new org.ctemcycles.app.ReportImport.Options("CTEM-P", null, null, List.of("PAY"), null, "ctem-jsonl",
                            "lead"));
        } catch (org.ctemcycles.ingest.ImportException e) {
            throw new AssertionError(e);
        }
        while (!api.get("lead", "/cycles/CTEM-P/stage").json().getAsJsonObject().get("stage").getAsString()
                .equalsIgnoreCase("prioritisation")) {
            assertEquals(200, api.post("lead", "/cycles/CTEM-P/stage",
                    "{\"override\":{\"reason\":\"set up by the test\"}}").status());
        }
    }

    @Test
    public void aSaveIsANewVersionWithItsDiffLoggedAndTheRankingUsesIt() {
        assertEquals(1, versions().versions().size());
        String page = pages.get("admin", ConfigurationPageTest.PAGE).body();
        assertTrue("the editor holds the policy in use", page.contains("id=\"ctem-policyText\"")
                && page.contains("&quot;id&quot;: &quot;ctem-default&quot;,\n"));
        assertTrue(page, page.contains("id=\"ctem-policy-diff-none\""));

        HttpResponse<String> saved = save("admin", 1, edited("tiers", "CRITICAL", "85"), true);
        assertEquals(saved.body(), 302, saved.statusCode());
        List<PolicyVersions.Version> all = versions().versions();
        assertEquals(2, all.size());
        assertEquals("version 1 is kept as it was", PriorityPolicy.defaults(), all.get(0).policy());
        assertEquals(2, all.get(1).policy().version());
        assertEquals(0, new java.math.BigDecimal("85").compareTo(all.get(1).policy().tierThresholds()
                .get(org.ctemcycles.core.priority.Tier.CRITICAL)));
        LogEntry entry = chain().get(chain().size() - 1);
        assertEquals(PolicyVersions.SUBJECT, entry.subject());
        assertEquals("CONFIGURATION_CHANGED", entry.action());
        assertTrue(entry.before(), entry.before().contains("tiers.CRITICAL") && entry.before().contains("80"));
        assertTrue(entry.after(), entry.after().contains("tiers.CRITICAL") && entry.after().contains("85"));
        assertTrue(api.services().record().configurationChanges().verify().intact());

        String listed = pages.get("admin", ConfigurationPageTest.PAGE + "?diff=2").body();
        assertTrue(listed, listed.contains("data-policy-version=\"2\"") && listed.contains("data-policy-version=\"1\""));
        assertTrue(listed, listed.contains("<tr data-policy-field=\"tiers.CRITICAL\">"));
        assertTrue(listed, listed.contains("id=\"ctem-policy-version\">2<"));
        assertFalse("every word from the bundle", listed.contains("ctem.config."));

        aCycleInPrioritisation();
        RestHarness.Reply ranked = api.post("lead", "/cycles/CTEM-P/queue", "{}");
        assertEquals(ranked.toString(), 200, ranked.status());
        JsonObject policy = ranked.json().getAsJsonObject().getAsJsonObject("policy");
        assertEquals(ranked.toString(), "ctem-default", policy.get("id").getAsString());
        assertEquals("the ranking names the version it used", 2, policy.get("version").getAsInt());
    }

    @Test
    public void invalidInputIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = chain().size();
        HttpResponse<String> refused = save("admin", 1, edited("tiers", "CRITICAL", "\"very\""), true);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("id=\"ctem-error-policy\""));
        assertTrue(refused.body(), refused.body().contains("tiers.CRITICAL"));
        assertTrue("the submitted text stays in the editor", refused.body().contains("&quot;very&quot;"));
        HttpResponse<String> notJson = save("admin", 1, "{\"id\": ", true);
        assertTrue(notJson.body(), notJson.body().contains("id=\"ctem-error-policy\"")
                && notJson.body().contains("not valid JSON"));
        assertEquals("nothing stored", before, chain().size());
        assertEquals(1, versions().versions().size());

        assertEquals("no token, no save", 403, save("admin", 1, edited("tiers", "CRITICAL", "85"), false)
                .statusCode());
        assertEquals("a lead may not", 403, save("lead", 1, edited("tiers", "CRITICAL", "85"), true).statusCode());
        assertEquals(before, chain().size());
    }

    @Test
    public void anUnchangedSaveStoresNothingAndASaveOverAnOlderVersionIsRefused() {
        assertEquals(0, versions().save("admin", 1, PolicyVersions.text(PriorityPolicy.defaults())));
        assertTrue(chain().isEmpty());
        assertEquals(2, versions().save("admin", 1, edited("kev", "points", "40")));
        try {
            versions().save("admin", 1, edited("kev", "points", "45"));
            fail("a save over version 1 after version 2");
        } catch (ConflictException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("version 2"));
        }
        HttpResponse<String> page = save("admin", 1, edited("kev", "points", "50"), true);
        assertEquals(200, page.statusCode());
        assertTrue("the refused editor keeps the version it was opened on, so a second save is refused too",
                page.body().contains("name=\"policyBase\" value=\"1\""));
        assertEquals(2, versions().versions().size());
        assertEquals(3, versions().save("admin", 2, edited("kev", "points", "45")));
        List<PolicyVersions.Version> all = versions().versions();
        assertEquals(List.of(1, 2, 3), all.stream().map(PolicyVersions.Version::number).toList());
        assertEquals(0, new java.math.BigDecimal("40").compareTo(all.get(1).policy().kevPoints()));
        assertEquals(0, new java.math.BigDecimal("45").compareTo(all.get(2).policy().kevPoints()));
        assertNull(all.get(0).change());
    }

    /** The shipped default policy with other values: what a later release of the app could ship. */
    private static PriorityPolicy otherDefaults() {
        JsonObject json = JsonParser.parseString(PolicyVersions.text(PriorityPolicy.defaults())).getAsJsonObject();
        json.getAsJsonObject("kev").addProperty("points", 99);
        json.getAsJsonObject("tiers").addProperty("CRITICAL", 70);
        json.getAsJsonObject("epss").addProperty("maxAge", "P9D");
        json.addProperty("description", "the defaults of a later release");
        try {
            return new PolicyJsonReader().read(new StringReader(json.toString()));
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, List<String>> diff(PolicyVersions.Version version) {
        Map<String, List<String>> diff = new LinkedHashMap<>();
        version.changes().forEach(c -> diff.put(c.field(), List.of(c.before(), c.after())));
        return diff;
    }

    @Test
    public void everyVersionIsStoredWholeAndReadsTheSameWhateverTheCodesDefaults() {
        assertEquals(2, versions().save("admin", 1, edited("tiers", "CRITICAL", "85")));
        String three = JsonParser.parseString(edited("kev", "points", "40")).getAsJsonObject().toString();
        JsonObject v3 = JsonParser.parseString(three).getAsJsonObject();
        v3.getAsJsonObject("tiers").addProperty("CRITICAL", 85);
        assertEquals(3, versions().save("admin", 2, v3.toString()));
        List<PolicyVersions.Version> shipped = versions().versions();

        LogEntry entry = chain().get(chain().size() - 1);
        Map<String, String> after = new LinkedHashMap<>();
        StateText.fields(entry.after()).forEach(f -> after.put(f.name(), f.value()));
        assertEquals(entry.after(), "whole policy", after.get(PolicyVersions.MARKER));
        assertEquals("every field of the version, changed or not", "\"PT72H\"", after.get("epss.maxAge"));
        assertTrue(entry.after(), after.containsKey("deadlines.slaDays.LOW") && after.containsKey("description"));
        assertEquals("before: only what changed, as it was", Set.of("version", "kev.points"),
                StateText.fields(entry.before()).stream().map(StateText.Field::name).collect(Collectors.toSet()));

        // the same log read by a release whose default policy differs: every version reads as it was saved
        List<PolicyVersions.Version> later = new PolicyVersions(api.services().record(), otherDefaults()).versions();
        assertEquals(3, later.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("version " + (i + 1), shipped.get(i).policy(), later.get(i).policy());
            assertEquals("version " + (i + 1), diff(shipped.get(i)), diff(later.get(i)));
        }
        assertEquals("version 1 is the default policy of its time, kept by the first save",
                PriorityPolicy.defaults(), later.get(0).policy());
        assertEquals(Map.of("version", List.of("1", "2"), "tiers.CRITICAL", List.of("80", "85")), diff(later.get(1)));
        assertEquals(Map.of("version", List.of("2", "3"), "kev.points", List.of(
                PriorityPolicy.defaults().kevPoints().toString(), "40")), diff(later.get(2)));
        assertEquals(0, new java.math.BigDecimal("40").compareTo(later.get(2).policy().kevPoints()));
        assertEquals(PriorityPolicy.defaults().epssMaxAge(), later.get(2).policy().epssMaxAge());
    }

    @Test
    public void aVersionStoredTheOldWayStillReadsAndTheNextSaveIsWhole() {
        // before ADR 051 a save logged only the fields that changed, as every other configuration change does
        api.services().record().configurationChanges().change("admin", PolicyVersions.SUBJECT,
                () -> Map.of("version", "1", "kev.points", PriorityPolicy.defaults().kevPoints().toString()),
                Map.of("version", "2", "kev.points", "40"), () -> { });
        PolicyVersions.Version two = versions().versions().get(1);
        assertTrue(two.readable());
        assertEquals(0, new java.math.BigDecimal("40").compareTo(two.policy().kevPoints()));
        assertEquals(Map.of("version", List.of("1", "2"), "kev.points",
                List.of(PriorityPolicy.defaults().kevPoints().toString(), "40")), diff(two));

        JsonObject edited = JsonParser.parseString(PolicyVersions.text(two.policy())).getAsJsonObject();
        edited.getAsJsonObject("tiers").addProperty("CRITICAL", 85);
        assertEquals(3, versions().save("admin", 2, edited.toString()));
        PolicyVersions.Version three = versions().versions().get(2);

        List<PolicyVersions.Version> later = new PolicyVersions(api.services().record(), otherDefaults()).versions();
        assertEquals("an old-way version is read over the running code's defaults (it never stored the rest)",
                otherDefaults().epssMaxAge(), later.get(1).policy().epssMaxAge());
        assertEquals(0, new java.math.BigDecimal("40").compareTo(later.get(1).policy().kevPoints()));
        assertEquals("a version saved whole reads as it was saved", three.policy(), later.get(2).policy());
        assertEquals(Map.of("version", List.of("2", "3"), "tiers.CRITICAL", List.of("80", "85")), diff(later.get(2)));
    }

    @Test
    public void anEntryThatNoLongerReadsIsShownUnreadableAndTheRankingSaysWhichUntilANewSave() {
        aCycleInPrioritisation();
        // an entry naming a field this release does not know (written by a later one), then one of another shape
        api.services().record().configurationChanges().change("admin", PolicyVersions.SUBJECT,
                () -> Map.of("version", "1"), Map.of("version", "2", "tiers.SUPER", "90"), () -> { });
        LogEntry unknown = chain().get(chain().size() - 1);
        LogEntry shape = api.services().record().log().append(new LogRecord(LogRecord.CONFIGURATION_CHAIN,
                Instant.parse("2026-11-02T09:00:00Z"), "admin", LogAction.CONFIGURATION_CHANGED,
                PolicyVersions.SUBJECT, "", "{\"tiers\":{\"CRITICAL\":85},\"version\":3}"));
        assertTrue("the chain itself is intact", api.services().record().configurationChanges().verify().intact());

        List<PolicyVersions.Version> all = versions().versions();
        assertEquals(List.of(true, false, false), all.stream().map(PolicyVersions.Version::readable).toList());
        assertTrue(all.get(1).problem(), all.get(1).problem().contains("tiers.SUPER"));

        HttpResponse<String> page = pages.get("admin", ConfigurationPageTest.PAGE);
        assertEquals(page.body(), 200, page.statusCode());
        String html = page.body();
        assertTrue(html, html.contains("id=\"ctem-policy-unreadable\""));
        for (LogEntry entry : List.of(unknown, shape)) {
            assertTrue(html, html.contains("data-policy-unreadable=\"" + entry.sequence() + "\""));
            assertTrue(html, html.contains("configuration log entry " + entry.sequence() + ", hash " + entry.hash()));
        }
        assertTrue("the editor starts from the newest version that reads",
                html.contains("&quot;id&quot;: &quot;ctem-default&quot;,\n") && html.contains("id=\"ctem-policy-version\">1<"));
        assertTrue(html.contains("name=\"policyBase\" value=\"3\""));
        assertFalse("every word from the bundle", html.contains("ctem.config."));
        String diff = pages.get("admin", ConfigurationPageTest.PAGE + "?diff=3").body();
        assertTrue(diff, diff.contains("id=\"ctem-policy-diff-unreadable\"") && diff.contains(shape.hash()));

        RestHarness.Reply refused = api.post("lead", "/cycles/CTEM-P/queue", "{}");
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.toString(), refused.toString().contains("configuration log entry " + shape.sequence()
                + ", hash " + shape.hash()));

        HttpResponse<String> saved = save("admin", 3, edited("tiers", "CRITICAL", "85"), true);
        assertEquals(saved.body(), 302, saved.statusCode());
        RestHarness.Reply ranked = api.post("lead", "/cycles/CTEM-P/queue", "{}");
        assertEquals(ranked.toString(), 200, ranked.status());
        assertEquals("a whole version needs nothing before it", 4,
                ranked.json().getAsJsonObject().getAsJsonObject("policy").get("version").getAsInt());
        assertFalse(pages.get("admin", ConfigurationPageTest.PAGE).body().contains("id=\"ctem-policy-unreadable\""));
    }
}
