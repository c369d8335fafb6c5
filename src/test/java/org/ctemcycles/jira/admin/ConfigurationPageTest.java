package org.ctemcycles.jira.admin;

import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.jira.fields.CtemField;
import org.ctemcycles.jira.fields.CtemFields;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.jira.tracker.TrackerConfig;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The configuration page over real HTTP ({@link PageHarness}: the real action, Velocity as Jira's, the record on H2):
 * only Jira administrators see and save it, in a secure administrator session (WebSudo); a post without the XSRF
 * token, or by anyone else, changes nothing; bad input names its field and stores nothing; every change is in the
 * configuration's chain of the activity log with the fields before and after; the feeds' freshness and the policy
 * are shown, with the feed upload form and the policy's editor (PolicyVersionsTest).
 */
public class ConfigurationPageTest {

    static final String PAGE = "admin/CtemConfiguration!default.jspa";
    private static final String ROLES = "admin/CtemConfiguration!saveRoles.jspa";
    private static final String TRACKER = "admin/CtemConfiguration!saveTracker.jspa";
    private static final String FIELDS = "admin/CtemConfiguration!repairFields.jspa";
    private static final String HOSTS = "admin/CtemConfiguration!saveSourceHosts.jspa";
    private static final String PLUGIN = "org.ctemcycles.ctem-cycles-jira:";

    /** The day after the demo's EPSS snapshot (fresh: 0 days old), 410 days after its KEV catalogue (stale). */
    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-10-10T09:00:00Z"), ZoneOffset.UTC));
    private PageHarness pages;
    private CtemSettings settings;
    private TrackerSettings tracker;

    @Before
    public void harness() {
        pages = new PageHarness(api);
        settings = new CtemSettings(api.jira.settingsFactory);
        tracker = new TrackerSettings(api.jira.settingsFactory, api.jiraIssues.api());
        // WebSudo is re-authentication: everyone here has done it, so what decides is the action's own check
        for (String user : List.of("admin", "lead", "auditor", "engineer", "outsider")) {
            pages.startWebSudo(user);
        }
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private List<LogEntry> changes() {
        return api.services().record().log().chain(LogRecord.CONFIGURATION_CHAIN);
    }

    private String rolesForm(String leads, String role, String auditors) {
        return form("securityLeadGroups", leads, "securityLeadRole", role, "auditorGroups", auditors,
                "atl_token", pages.token());
    }

    private String trackerForm(String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("project", "", "issueType",
                "CTEM Exposure", "grain", "finding", "priorityCritical", "Highest", "priorityHigh", "High",
                "priorityMedium", "Medium", "priorityLow", "Low", "statusMap", "", "resolutionMap",
                "Cannot Reproduce = lead-decision\nDuplicate = lead-decision\nWon't Do = lead-decision\n"
                        + "Won't Fix = lead-decision"));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        fields.put("atl_token", pages.token());
        return form(fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new));
    }

    @Test
    public void anAdministratorSeesBothFormsWithTheTokenAndHelpText() {
        HttpResponse<String> page = pages.get("admin", PAGE);
        assertEquals(page.body(), 200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<form class=\"aui\" id=\"ctem-roles\" method=\"post\" action=\"CtemConfiguration!saveRoles.jspa\""));
        assertTrue(html.contains("<form class=\"aui\" id=\"ctem-tracker\" method=\"post\" action=\"CtemConfiguration!saveTracker.jspa\""));
        assertEquals("the five forms posted to the page carry Jira's XSRF token (the feed upload goes to the REST"
                + " API)", 5,
                html.split("name=\"atl_token\" value=\"" + pages.token() + "\"", -1).length - 1);
        assertTrue(html, html.contains("name=\"securityLeadGroups\">ctem-security-leads</textarea>"));
        assertTrue(html.contains("name=\"auditorGroups\">ctem-auditors</textarea>"));
        assertTrue(html.contains("<option value=\"SEC\">SEC: Security</option>"));
        assertTrue(html.contains("id=\"ctem-priorityCritical\" name=\"priorityCritical\" value=\"Highest\""));
        assertTrue("help text from the bundle", html.contains("One line per workflow status read as another"));
        assertTrue(html.contains("id=\"ctem-no-changes\""));
        assertFalse("an empty configuration log is no broken one", html.contains("id=\"ctem-changes-broken\""));
        assertFalse("every word from the bundle", html.contains("ctem.config."));
    }

    @Test
    public void onlyAnAdministratorInASecureSessionGetsThePage() {
        for (String user : List.of("lead", "auditor", "engineer", "outsider")) {
            HttpResponse<String> refused = pages.get(user, PAGE);
            assertEquals(user, 403, refused.statusCode());
            assertTrue(user, refused.body().contains("id=\"permission-violation\""));
            assertFalse(user, refused.body().contains("ctem-roles"));
        }
        assertEquals("anonymous: sent to authenticate", 302, pages.get(null, PAGE).statusCode());
        pages.endWebSudo("admin");
        HttpResponse<String> unsure = pages.get("admin", PAGE);
        assertEquals(302, unsure.statusCode());
        assertEquals(PageHarness.WEBSUDO_LOGIN, unsure.headers().firstValue("Location").orElseThrow());
    }

    @Test
    public void onlyAnAdministratorSavesAndAForgedPostChangesNothing() {
        CtemSettings.Roles before = settings.roles();
        HttpResponse<String> byLead = pages.post("lead", ROLES, rolesForm("everyone", "", ""));
        assertEquals(403, byLead.statusCode());
        assertEquals(403, pages.post("auditor", TRACKER, trackerForm("grain", "vulnerability")).statusCode());

        String forged = form("securityLeadGroups", "everyone", "securityLeadRole", "", "auditorGroups", "");
        HttpResponse<String> noToken = pages.post("admin", ROLES, forged);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("id=\"xsrf-error\""));
        assertEquals(403, pages.post("admin", ROLES, forged + "&atl_token=guessed").statusCode());
        assertEquals(405, pages.send("admin", HttpRequest.newBuilder(URI.create(pages.url(ROLES + "?"
                + rolesForm("everyone", "", "")))).GET()).statusCode());

        assertEquals(before, settings.roles());
        assertEquals(TrackerConfig.builtIn(), tracker.defaults());
        assertTrue("nothing logged", changes().isEmpty());
    }

    @Test
    public void savedRolesAreLoggedWithTheFieldsBeforeAndAfter() {
        HttpResponse<String> saved = pages.post("admin", ROLES,
                rolesForm("  appsec-leads \r\nctem-security-leads\n\n", FakeJira.LEAD_ROLE, "ctem-auditors"));
        assertEquals(saved.body(), 302, saved.statusCode());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertEquals("/secure/admin/CtemConfiguration!default.jspa?saved=roles", location);
        assertEquals(new CtemSettings.Roles(List.of("appsec-leads", "ctem-security-leads"), FakeJira.LEAD_ROLE,
                List.of("ctem-auditors")), settings.roles());

        List<LogEntry> logged = changes();
        assertEquals(1, logged.size());
        LogEntry entry = logged.get(0);
        assertEquals("CONFIGURATION_CHANGED", entry.action());
        assertEquals(api.jira.admin.getKey(), entry.actor());
        assertEquals("configuration:roles", entry.subject());
        assertEquals("only the fields that changed", List.of(
                new StateText.Field("securityLeadGroups", "ctem-security-leads"),
                new StateText.Field("securityLeadRole", "")), StateText.fields(entry.before()));
        assertEquals(List.of(new StateText.Field("securityLeadGroups", "appsec-leads\nctem-security-leads"),
                new StateText.Field("securityLeadRole", FakeJira.LEAD_ROLE)), StateText.fields(entry.after()));
        assertTrue(api.services().record().configurationChanges().verify().intact());

        String page = pages.get("admin", location.substring("/secure/".length())).body();
        assertTrue(page, page.contains("id=\"ctem-config-saved\""));
        assertTrue(page.contains("<table class=\"aui\" id=\"ctem-changes\">"));
        assertTrue(page.contains("securityLeadRole: " + FakeJira.LEAD_ROLE));

        HttpResponse<String> again = pages.post("admin", ROLES,
                rolesForm("appsec-leads\nctem-security-leads", FakeJira.LEAD_ROLE, "ctem-auditors"));
        assertEquals("/secure/admin/CtemConfiguration!default.jspa?unchanged=roles",
                again.headers().firstValue("Location").orElseThrow());
        assertEquals("the same values change nothing and log nothing", 1, changes().size());
    }

    @Test
    public void badRolesNameTheirFieldAndStoreNothing() {
        CtemSettings.Roles before = settings.roles();
        HttpResponse<String> refused = pages.post("admin", ROLES, rolesForm(" ", "Security Leeds", "x".repeat(300)));
        assertEquals(200, refused.statusCode());
        String html = refused.body();
        assertTrue(html, html.contains("id=\"ctem-error-securityLeadGroups\">is required (the name of a Jira group)"));
        assertTrue(html.contains("id=\"ctem-error-auditorGroups\">"));
        assertTrue("the administrator's input is shown again", html.contains("value=\"Security Leeds\""));
        assertEquals(before, settings.roles());
        assertTrue(changes().isEmpty());

        HttpResponse<String> unknownRole = pages.post("admin", ROLES, rolesForm("appsec", "Security Leeds", ""));
        assertTrue(unknownRole.body(), unknownRole.body().contains(
                "id=\"ctem-error-securityLeadRole\">Jira has no project role named &#39;Security Leeds&#39;"));
        assertEquals(before, settings.roles());
        assertTrue(changes().isEmpty());
    }

    @Test
    public void savedTrackerDefaultsAreCheckedAgainstTheProjectAndLogged() {
        HttpResponse<String> saved = pages.post("admin", TRACKER, trackerForm("project", "SEC", "grain",
                "vulnerability", "priorityLow", "Lowest", "statusMap", "In Review = done"));
        assertEquals(saved.body(), 302, saved.statusCode());
        assertEquals("/secure/admin/CtemConfiguration!default.jspa?saved=tracker",
                saved.headers().firstValue("Location").orElseThrow());
        TrackerConfig defaults = tracker.defaults();
        assertEquals("SEC", defaults.projectKey());
        assertEquals(TrackerConfig.Grain.VULNERABILITY, defaults.grain());
        assertEquals("Lowest", defaults.priorities().get("LOW"));
        assertEquals(org.ctemcycles.core.mobilisation.TrackerStatus.DONE,
                defaults.category("In Review", org.ctemcycles.core.mobilisation.TrackerStatus.IN_PROGRESS));

        LogEntry entry = changes().get(0);
        assertEquals("configuration:tracker", entry.subject());
        Map<String, String> before = fields(entry.before());
        Map<String, String> after = fields(entry.after());
        assertEquals(List.of("project", "grain", "priorities", "statusMap"), List.copyOf(after.keySet()));
        assertEquals("", before.get("project"));
        assertEquals("SEC", after.get("project"));
        assertEquals("finding", before.get("grain"));
        assertEquals("vulnerability", after.get("grain"));
        assertTrue(after.get("priorities"), after.get("priorities").contains("LOW = Lowest"));
        assertEquals("In Review = done", after.get("statusMap"));

        String page = pages.get("admin", PAGE).body();
        assertTrue(page.contains("<option value=\"SEC\" selected=\"selected\">SEC: Security</option>"));
        assertTrue(page.contains("<option value=\"vulnerability\" selected=\"selected\">"));
    }

    @Test
    public void badTrackerDefaultsNameTheirFieldAndStoreNothing() {
        JsonObject stored = tracker.storedDefaults();
        String html = pages.post("admin", TRACKER, trackerForm("priorityCritical", "Urgentissimo", "statusMap",
                "nonsense", "grain", "sideways")).body();
        assertTrue(html, html.contains("id=\"ctem-error-statusMap\">line 1 (&#39;nonsense&#39;) is not"));
        assertTrue("the administrator's input is shown again", html.contains(">nonsense</textarea>"));

        html = pages.post("admin", TRACKER, trackerForm("grain", "sideways")).body();
        assertTrue(html, html.contains("id=\"ctem-error-grain\">&#39;sideways&#39; is not a grain"));

        html = pages.post("admin", TRACKER, trackerForm("priorityCritical", "Urgentissimo")).body();
        assertTrue(html, html.contains("id=\"ctem-error-priorities\">.CRITICAL: Jira has no priority"
                + " &#39;Urgentissimo&#39;"));

        html = pages.post("admin", TRACKER, trackerForm("project", "SEC", "issueType", "Story", "statusMap",
                "Parked = done")).body();
        assertTrue(html, html.contains("id=\"ctem-error-issueType\">project SEC has no issue type &#39;Story&#39;"));

        html = pages.post("admin", TRACKER, trackerForm("project", "SEC", "statusMap", "Parked = done")).body();
        assertTrue(html, html.contains("id=\"ctem-error-statusMap\">.Parked: the workflow"));

        html = pages.post("admin", TRACKER, trackerForm("project", "NOPE")).body();
        assertTrue(html, html.contains("id=\"ctem-error-project\">Jira has no project with key &#39;NOPE&#39;"));

        assertEquals(stored, tracker.storedDefaults());
        assertEquals(TrackerConfig.builtIn(), tracker.defaults());
        assertTrue(changes().isEmpty());
    }

    private String hostsForm(String hosts) {
        return form("sourceHosts", hosts, "atl_token", pages.token());
    }

    @Test
    public void savedSourceHostsAreStoredAsTheRestApiStoresThemAndLogged() {
        String empty = pages.get("admin", PAGE).body();
        assertTrue(empty, empty.contains("<form class=\"aui\" id=\"ctem-source-hosts\" method=\"post\""
                + " action=\"CtemConfiguration!saveSourceHosts.jspa\""));
        assertTrue(empty.contains("id=\"ctem-sourceHosts\" name=\"sourceHosts\"></textarea>"));
        assertTrue("help text from the bundle", empty.contains("fetch reports from these hosts only, over HTTPS only"));

        HttpResponse<String> saved = pages.post("admin", HOSTS, hostsForm(" CI.example.com \r\n\nscans.example.org\n"
                + "ci.example.com"));
        assertEquals(saved.body(), 302, saved.statusCode());
        assertEquals("/secure/admin/CtemConfiguration!default.jspa?saved=sourceHosts#ctem-source-hosts-heading",
                saved.headers().firstValue("Location").orElseThrow());
        assertEquals("lower case, blank lines and repeats dropped, as PUT /source-hosts stores them",
                List.of("ci.example.com", "scans.example.org"), settings.sourceHosts());
        assertEquals("the REST API reads what the page stored", List.of("ci.example.com", "scans.example.org"),
                api.sources().hosts());

        List<LogEntry> logged = changes();
        assertEquals(1, logged.size());
        LogEntry entry = logged.get(0);
        assertEquals("CONFIGURATION_CHANGED", entry.action());
        assertEquals(api.jira.admin.getKey(), entry.actor());
        assertEquals("configuration:source-hosts", entry.subject());
        assertEquals(List.of(new StateText.Field("sourceHosts", "")), StateText.fields(entry.before()));
        assertEquals(List.of(new StateText.Field("sourceHosts", "ci.example.com\nscans.example.org")),
                StateText.fields(entry.after()));
        assertTrue(api.services().record().configurationChanges().verify().intact());

        String page = pages.get("admin", PAGE + "?saved=sourceHosts").body();
        assertTrue(page, page.contains("id=\"ctem-config-saved\">\n        <p>The source hosts are saved.</p>"));
        assertTrue(page, page.contains("name=\"sourceHosts\">ci.example.com\nscans.example.org</textarea>"));

        HttpResponse<String> narrowed = pages.post("admin", HOSTS, hostsForm("scans.example.org"));
        assertEquals(302, narrowed.statusCode());
        assertEquals(List.of("scans.example.org"), settings.sourceHosts());
        assertEquals(new StateText.Field("sourceHosts", "ci.example.com\nscans.example.org"),
                StateText.fields(changes().get(1).before()).get(0));
        assertEquals(new StateText.Field("sourceHosts", "scans.example.org"),
                StateText.fields(changes().get(1).after()).get(0));

        HttpResponse<String> again = pages.post("admin", HOSTS, hostsForm("SCANS.example.org\n"));
        assertEquals("/secure/admin/CtemConfiguration!default.jspa?unchanged=sourceHosts#ctem-source-hosts-heading",
                again.headers().firstValue("Location").orElseThrow());
        assertEquals("the same hosts change nothing and log nothing", 2, changes().size());
    }

    @Test
    public void aSourceHostThatIsNotAHostNameIsNamedByItsLineAndNothingIsStored() {
        settings.setSourceHosts(List.of("ci.example.com"));
        for (String[] bad : new String[][]{
                {"scans.example.org\nhttps://ci.example.com/reports", "line 2: &#39;https://ci.example.com/reports&#39;"},
                {"ci.example.com:8443", "line 1: &#39;ci.example.com:8443&#39;"},
                {"ci.example.com\n\nci.example.com/path", "line 3: &#39;ci.example.com/path&#39;"},
                {"*.example.com", "line 1: &#39;*.example.com&#39;"}}) {
            HttpResponse<String> refused = pages.post("admin", HOSTS, hostsForm(bad[0]));
            assertEquals(bad[0], 200, refused.statusCode());
            String html = refused.body();
            assertTrue(html, html.contains("id=\"ctem-error-hosts\">" + bad[1] + " is not a host name"));
            assertTrue("the summary names the field", html.contains("<li>hosts: " + bad[1]));
            assertTrue("the administrator's input is shown again", html.contains("name=\"sourceHosts\">"
                    + bad[0].replace("&", "&amp;")));
            assertEquals(List.of("ci.example.com"), settings.sourceHosts());
        }
        assertTrue("nothing logged", changes().isEmpty());
    }

    @Test
    public void sourceHostsAreChangedOnlyByAnAdministratorWithTheToken() {
        settings.setSourceHosts(List.of("ci.example.com"));
        for (String user : List.of("lead", "auditor", "engineer", "outsider")) {
            HttpResponse<String> refused = pages.post(user, HOSTS, hostsForm("intranet.local"));
            assertEquals(user, 403, refused.statusCode());
            assertTrue(user, refused.body().contains("id=\"permission-violation\""));
        }
        HttpResponse<String> noToken = pages.post("admin", HOSTS, form("sourceHosts", "intranet.local"));
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("id=\"xsrf-error\""));
        assertEquals(403, pages.post("admin", HOSTS, form("sourceHosts", "intranet.local", "atl_token", "guessed"))
                .statusCode());
        assertEquals(405, pages.send("admin", HttpRequest.newBuilder(URI.create(pages.url(HOSTS + "?"
                + hostsForm("intranet.local")))).GET()).statusCode());
        assertEquals(List.of("ci.example.com"), settings.sourceHosts());
        assertTrue("nothing logged", changes().isEmpty());
    }

    @Test
    public void theFeedsFreshnessAndThePolicyInUseAreShown() throws IOException {
        String empty = pages.get("admin", PAGE).body();
        assertEquals("no feed loaded: both stale", 2, empty.split("No version loaded yet.", -1).length - 1);

        assertEquals(200, api.send("lead", api.request("/feeds/epss").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(read("demo/feeds/epss_scores-2026-10-09.csv"))))
                .status());
        assertEquals(200, api.send("lead", api.request("/feeds/kev").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(read("demo/feeds/known_exploited_vulnerabilities.json"))))
                .status());
        String html = pages.get("admin", PAGE).body();
        String epss = row(html, "EPSS");
        assertTrue(epss, epss.contains("<td>v2026.06.15</td>"));
        assertTrue(epss, epss.contains("<td>2026-10-09</td>"));
        assertTrue(epss, epss.contains(">Fresh</span> 0 days old; the policy allows 3"));
        String kev = row(html, "KEV");
        assertTrue(kev, kev.contains("<td>2025.08.25</td>"));
        assertTrue(kev, kev.contains(">Stale</span> 410 days old; the policy allows 30"));

        assertTrue(html, html.contains("<dd id=\"ctem-policy-id\">ctem-default</dd>"));
        assertTrue(html.contains("<dd id=\"ctem-policy-version\">1</dd>"));
        assertTrue(html.contains("CRITICAL 7, HIGH 30, MEDIUM 90, LOW 120"));
        assertTrue("the feed upload goes to the REST API's feeds, the one import path for feeds",
                html.contains("id=\"ctem-feed-form\" data-ctem-method=\"POST\" data-ctem-path=\"feeds/{kind}\""));
        assertTrue("the policy is edited by its own form (PolicyVersionsTest)",
                html.contains("action=\"CtemConfiguration!savePolicy.jspa\""));
    }

    /** On the real database: a store that fails takes its log entry with it (the entry is appended first). */
    @Test
    public void aChangeWhoseStoreFailsLeavesNoEntry() {
        try {
            api.services().record().configurationChanges().change("JIRAUSER10000", "configuration:roles",
                    () -> settings.roles().fields(), Map.of("securityLeadRole", FakeJira.LEAD_ROLE), () -> {
                        throw new IllegalStateException("plugin settings unavailable");
                    });
            org.junit.Assert.fail("the store's failure goes to the caller");
        } catch (IllegalStateException expected) {
            assertEquals("plugin settings unavailable", expected.getMessage());
        }
        assertTrue(changes().isEmpty());
        assertTrue(api.services().record().configurationChanges().verify().intact());
    }

    private static String row(String html, String feed) {
        int start = html.indexOf("<tr data-feed=\"" + feed + "\">");
        assertTrue(feed + " row", start >= 0);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static Map<String, String> fields(String state) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        StateText.fields(state).forEach(f -> fields.put(f.name(), f.value()));
        return fields;
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void anAdministratorSeesTheFieldsStateAndRepairsThemOnceLoggedBeforeAndAfter() {
        api.customFields.enable(Arrays.stream(CtemField.values()).map(f -> PLUGIN + f.moduleKey())
                .collect(Collectors.toSet()), Set.of(PLUGIN + "ctem-text-searcher",
                "com.atlassian.jira.plugin.system.customfieldtypes:numberrange",
                "com.atlassian.jira.plugin.system.customfieldtypes:daterange"));
        String html = pages.get("admin", PAGE).body();
        assertEquals(html, CtemField.values().length, html.split("data-field-state=\"missing\"", -1).length - 1);
        assertEquals(html, CtemField.values().length, html.split("data-field-lock=\"none\"", -1).length - 1);
        assertTrue(html.contains("<form class=\"aui\" id=\"ctem-fields-repair\" method=\"post\""
                + " action=\"CtemConfiguration!repairFields.jspa\""));
        assertTrue(html, html.contains("Issues waiting to be re-indexed after a change of the record: 0"));

        assertEquals("a lead may not", 403, pages.post("lead", FIELDS, form("atl_token", pages.token())).statusCode());
        assertEquals("no token, no repair", 403, pages.post("admin", FIELDS, "").statusCode());
        assertTrue("nothing was created by a refused post", api.customFields.created().isEmpty());

        HttpResponse<String> repaired = pages.post("admin", FIELDS, form("atl_token", pages.token()));
        String location = repaired.headers().firstValue("Location").orElseThrow();
        assertTrue(location, location.endsWith("CtemConfiguration!default.jspa?saved=fields"));
        assertEquals(CtemField.values().length, api.customFields.created().size());
        List<LogEntry> log = changes();
        assertEquals(1, log.size());
        assertEquals("configuration:fields", log.get(0).subject());
        assertEquals(new StateText.Field(CtemField.values()[0].fieldName(), "missing"),
                StateText.fields(log.get(0).before()).get(0));
        assertTrue(StateText.fields(log.get(0).after()).get(0).value().startsWith("customfield_"));
        assertTrue(StateText.fields(log.get(0).after()).get(0).value().endsWith(" locked"));

        html = pages.get("admin", location.substring("/secure/".length())).body();
        assertTrue(html, html.contains("The fields are repaired: each exists once."));
        assertEquals(CtemField.values().length, html.split("data-field-state=\"present\"", -1).length - 1);
        assertEquals(html, CtemField.values().length, html.split("data-field-lock=\"locked\"", -1).length - 1);
        assertFalse("every word from the bundle", html.contains("ctem.config."));

        HttpResponse<String> again = pages.post("admin", FIELDS, form("atl_token", pages.token()));
        assertTrue(again.headers().firstValue("Location").orElseThrow().endsWith("?unchanged=fields"));
        assertEquals("no second field", CtemField.values().length, api.customFields.created().size());
        assertEquals("nothing changed, nothing logged", 1, changes().size());

        // a field's lock released behind the app's back: the page says so, a repair locks it again and logs it
        String tierId = api.customFields.created().stream().filter(c -> c.field().getUntranslatedName()
                .equals("CTEM Tier")).findFirst().orElseThrow().field().getId();
        api.customFields.release(tierId);
        html = pages.get("admin", PAGE).body();
        assertEquals(html, 1, html.split("data-field-lock=\"unlocked\"", -1).length - 1);
        assertTrue(html, html.contains("not locked (repair locks it)"));
        HttpResponse<String> relocked = pages.post("admin", FIELDS, form("atl_token", pages.token()));
        assertTrue(relocked.headers().firstValue("Location").orElseThrow().endsWith("?saved=fields"));
        assertEquals(2, changes().size());
        assertEquals(new StateText.Field("CTEM Tier", tierId + " unlocked"), StateText.fields(changes().get(1)
                .before()).stream().filter(f -> f.name().equals("CTEM Tier")).findFirst().orElseThrow());
        html = pages.get("admin", PAGE).body();
        assertEquals(html, CtemField.values().length, html.split("data-field-lock=\"locked\"", -1).length - 1);

        // a cycle moved to a project: the repair re-scopes the fields in place and logs where they apply now
        String lead = api.jira.lead.getKey();
        api.services().cycles().create(new org.ctemcycles.core.cycle.CycleDraft("CTEM-9", "Payments", "Cut KEV",
                "2026-10-01", "2026-12-31", "14"), lead);
        api.services().cycles().moveToProject("CTEM-9", "SEC", lead);
        HttpResponse<String> rescoped = pages.post("admin", FIELDS, form("atl_token", pages.token()));
        assertTrue(rescoped.headers().firstValue("Location").orElseThrow().endsWith("?saved=fields"));
        assertEquals(3, changes().size());
        assertEquals(new StateText.Field("CTEM Tier", tierId + " locked, re-scoped to CTEM Exposure in SEC"),
                StateText.fields(changes().get(2).after()).stream().filter(f -> f.name().equals("CTEM Tier"))
                        .findFirst().orElseThrow());
    }

    @Test
    public void everyStateAndKindOfAFieldHasItsWords() {
        PropertiesI18n i18n = new PropertiesI18n();
        for (CtemFields.State state : CtemFields.State.values()) {
            i18n.getText(new FieldStateView(new CtemFields.FieldState(CtemField.values()[0], null, state, null,
                    CtemFields.Lock.NONE)).getStateKey());
        }
        for (CtemField field : CtemField.values()) {
            i18n.getText(new FieldStateView(new CtemFields.FieldState(field, null, CtemFields.State.MISSING, null,
                    CtemFields.Lock.NONE)).getKindKey());
        }
        for (CtemFields.Lock lock : CtemFields.Lock.values()) {
            i18n.getText(new FieldStateView(new CtemFields.FieldState(CtemField.values()[0], null,
                    CtemFields.State.PRESENT, null, lock)).getLockKey());
        }
        // the description Jira shows beside a locked field comes from the app's bundle
        i18n.getText("ctem.fields.locked.description");
    }
}
