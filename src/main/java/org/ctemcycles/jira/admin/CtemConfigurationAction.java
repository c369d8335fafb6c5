package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.websudo.WebSudoRequired;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.inject.Inject;
import org.ctemcycles.core.audit.ConfigurationChanges;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.PolicyVersions;
import org.ctemcycles.jira.fields.CtemFields;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.jira.sources.JiraSources;
import org.ctemcycles.jira.tracker.TrackerConfig;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The app's configuration page in Jira administration ({@code /secure/admin/CtemConfiguration!default.jspa}), for
 * Jira administrators only: who holds which role (the security-lead groups, the lead project role, the auditor
 * groups) and the tracker defaults (default project and issue type for exposures, grain, the priority of each tier,
 * the status and resolution maps), each form saved by an XSRF-checked POST, checked whole before anything is stored
 * and logged with before and after in the configuration's chain of the activity log ({@link ConfigurationChanges});
 * the CTEM custom fields' state, repaired on request (each field made to exist once: docs/adr/102); the feeds with
 * their freshness, and an upload form that sends a feed file to the REST API (the one import path for feeds); the
 * allow-list of the hosts discovery sources may fetch from, saved through {@link JiraSources#setHostLines} as the REST
 * API's {@code PUT /source-hosts} (docs/adr/094); and the prioritisation policy, edited as its policy file, every save a new version with the diff to the one before
 * ({@link PolicyVersions}, docs/adr/087).
 *
 * <p>WebSudo (Jira's secure administrator session) asks an administrator to authenticate again before the page
 * opens; it is re-authentication, not authorisation, and an instance may turn it off, so every command checks the
 * administrator permission itself. A user who is not one gets Jira's permission page.
 */
@WebSudoRequired
public class CtemConfigurationAction extends JiraWebActionSupport {

    static final String PAGE = "CtemConfiguration!default.jspa";
    static final String ROLES_SUBJECT = "configuration:roles";
    static final String TRACKER_SUBJECT = "configuration:tracker";
    static final String FIELDS_SUBJECT = "configuration:fields";
    /** How many of the newest configuration changes the page lists. */
    static final int LISTED_CHANGES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(CtemConfigurationAction.class);
    private static final List<Tier> TIERS = List.of(Tier.CRITICAL, Tier.HIGH, Tier.MEDIUM, Tier.LOW);

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final CtemSettings settings;
    private final TrackerSettings tracker;
    private final CtemFields fields;
    private final JiraSources sources;
    private final JiraAuthenticationContext authentication;

    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private final Map<String, String> priorities = new LinkedHashMap<>();
    private String securityLeadGroups;
    private String securityLeadRole;
    private String auditorGroups;
    private String project;
    private String issueType;
    private String grain;
    private String statusMap;
    private String resolutionMap;
    private String sourceHosts;
    private String saved;
    private String done;
    private String unchanged;
    private String policyText;
    private long policyBase;
    private long diff;
    private PolicyVersions.Version shown;
    private List<PolicyVersions.Version> versions;

    @Inject
    public CtemConfigurationAction(CtemServices services, CtemPermissions permissions, CtemSettings settings,
                                   TrackerSettings tracker, CtemFields fields, JiraSources sources,
                                   @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.settings = settings;
        this.tracker = tracker;
        this.fields = fields;
        this.sources = sources;
        this.authentication = authentication;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        if (!permissions.isAdministrator(user())) {
            return denied("see the CTEM configuration");
        }
        showRoles();
        showTracker();
        return INPUT;
    }

    /** Saves who holds which role; logged with the fields that changed, before and after. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSaveRoles() {
        if (!permissions.isAdministrator(user())) {
            return denied("change the CTEM roles");
        }
        showTracker();
        try {
            List<Problem> problems = new ArrayList<>();
            CtemSettings.Roles roles = null;
            try {
                roles = settings.checkRoles(lines(securityLeadGroups), securityLeadRole, lines(auditorGroups));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            if (roles != null && !roles.securityLeadRole().isEmpty()
                    && !permissions.projectRoleExists(roles.securityLeadRole())) {
                problems.add(new Problem("securityLeadRole", "Jira has no project role named '"
                        + roles.securityLeadRole() + "'"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            CtemSettings.Roles checked = roles;
            boolean changed = changes().change(user().getKey(), ROLES_SUBJECT, () -> settings.roles().fields(),
                    checked.fields(), () -> settings.store(checked));
            LOG.info("CTEM configuration: {} saves the roles ({})", user().getKey(), changed ? "changed" : "unchanged");
            return getRedirect(PAGE + (changed ? "?saved=roles" : "?unchanged=roles"));
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
    }

    /**
     * Makes every CTEM field exist once (under the fields' cluster lock); the Jira ids that changed are logged
     * before and after, as a configuration change.
     */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doRepairFields() {
        if (!permissions.isAdministrator(user())) {
            return denied("repair the CTEM fields");
        }
        showRoles();
        showTracker();
        try {
            Map<String, String> before = fieldIds(fields.state());
            Map<String, String> after = fieldIds(fields.ensure());
            boolean changed = changes().change(user().getKey(), FIELDS_SUBJECT, () -> before, after, () -> { });
            LOG.info("CTEM configuration: {} repairs the CTEM fields ({})", user().getKey(),
                    changed ? "changed" : "unchanged");
            return getRedirect(PAGE + (changed ? "?saved=fields" : "?unchanged=fields"));
        } catch (ConflictException e) {
            fieldErrors.put("fields", e.getMessage());
            return INPUT;
        }
    }

    /**
     * Each field's Jira id and lock by the field's name ("customfield_10200 locked"; "missing" for none), and the
     * scope a repair moved it to, so that a repair that only locks or re-scopes a field is logged too.
     */
    private static Map<String, String> fieldIds(List<CtemFields.FieldState> states) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (CtemFields.FieldState state : states) {
            boolean rescoped = state.scope() != null && state.state() != CtemFields.State.CREATED;
            ids.put(state.field().fieldName(), state.fieldId() == null ? "missing"
                    : state.fieldId() + " " + state.lock().name().toLowerCase(java.util.Locale.ROOT)
                    + (rescoped ? ", re-scoped to " + state.scope() : ""));
        }
        return ids;
    }

    /** Saves the tracker defaults, checked against Jira as a cycle would use them; logged before and after. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSaveTracker() {
        if (!permissions.isAdministrator(user())) {
            return denied("change the CTEM tracker defaults");
        }
        showRoles();
        try {
            List<Problem> problems = new ArrayList<>();
            JsonObject form = trackerForm(problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            TrackerConfig current = tracker.defaults();
            JsonObject fields = tracker.storedDefaults();
            form.entrySet().forEach(field -> fields.add(field.getKey(), field.getValue()));
            Set<String> changedFields = new LinkedHashSet<>();
            JsonObject now = current.toJson();
            form.entrySet().stream().filter(f -> !f.getValue().equals(now.get(f.getKey())))
                    .forEach(f -> changedFields.add(f.getKey()));
            TrackerConfig wanted = tracker.checkDefaults(fields, changedFields);
            boolean changed = changes().change(user().getKey(), TRACKER_SUBJECT,
                    () -> trackerFields(tracker.defaults()), trackerFields(wanted),
                    () -> tracker.storeDefaults(wanted, fields));
            LOG.info("CTEM configuration: {} saves the tracker defaults ({})", user().getKey(),
                    changed ? "changed" : "unchanged");
            return getRedirect(PAGE + (changed ? "?saved=tracker" : "?unchanged=tracker"));
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
    }

    /**
     * Saves the allow-list of source hosts, one a line, through the same check, store and log as the REST API's
     * {@code PUT /source-hosts}: a line that is not a host name is named with its number, and nothing is stored.
     */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSaveSourceHosts() {
        if (!permissions.isAdministrator(user())) {
            return denied("change the CTEM source hosts");
        }
        showRoles();
        showTracker();
        try {
            List<String> before = sources.hosts();
            boolean changed = !before.equals(sources.setHostLines(sourceHosts, user().getKey()));
            LOG.info("CTEM configuration: {} saves the source hosts ({})", user().getKey(),
                    changed ? "changed" : "unchanged");
            return getRedirect(PAGE + (changed ? "?saved=sourceHosts" : "?unchanged=sourceHosts")
                    + "#ctem-source-hosts-heading");
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
    }

    /**
     * Saves the edited prioritisation policy as a new version (never over an old one), checked whole first: each
     * problem names its field by its path in the policy file, and nothing is stored. The change is logged with the
     * fields before and after; a save over a version that is no longer the newest is refused.
     */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSavePolicy() {
        if (!permissions.isAdministrator(user())) {
            return denied("change the CTEM prioritisation policy");
        }
        showRoles();
        showTracker();
        try {
            int version = policyVersions().save(user().getKey(), (int) policyBase, policyText);
            LOG.info("CTEM configuration: {} saves the prioritisation policy ({})", user().getKey(),
                    version == 0 ? "unchanged" : "version " + version);
            return getRedirect(PAGE + (version == 0 ? "?unchanged=policy" : "?saved=policy&diff=" + version)
                    + "#ctem-policy-heading");
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        } catch (ConflictException e) {
            fieldErrors.put("policy", e.getMessage());
            return INPUT;
        }
    }

    /** The tracker form as the configuration's JSON fields; lines that are not "name = value" are problems. */
    private JsonObject trackerForm(List<Problem> problems) {
        JsonObject json = new JsonObject();
        json.addProperty("project", project == null ? "" : project.trim().toUpperCase(Locale.ROOT));
        json.addProperty("issueType", issueType == null ? "" : issueType.trim());
        json.addProperty("grain", grain == null ? "" : grain.trim().toLowerCase(Locale.ROOT));
        JsonObject tiers = new JsonObject();
        for (Tier tier : TIERS) {
            String name = priorities.getOrDefault(tier.name(), "");
            tiers.addProperty(tier.name(), name == null ? "" : name.trim());
        }
        json.add("priorities", tiers);
        json.add("statusMap", pairs("statusMap", statusMap, "status", "category", problems));
        json.add("resolutionMap", pairs("resolutionMap", resolutionMap, "resolution", "meaning", problems));
        return json;
    }

    private static JsonArray pairs(String field, String text, String keyName, String valueName,
                                   List<Problem> problems) {
        JsonArray pairs = new JsonArray();
        int number = 0;
        for (String line : text == null ? new String[0] : text.split("\r?\n|\r")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add(new Problem(field, "line " + number + " ('" + line.strip() + "') is not '" + keyName
                        + " = " + valueName + "'"));
                continue;
            }
            JsonObject pair = new JsonObject();
            pair.addProperty(keyName, line.substring(0, equals).strip());
            pair.addProperty(valueName, line.substring(equals + 1).strip());
            pairs.add(pair);
        }
        return pairs;
    }

    /** The fields of the tracker defaults this page edits, as text (maps one entry a line), for the log. */
    static Map<String, String> trackerFields(TrackerConfig config) {
        JsonObject json = config.toJson();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", config.projectKey());
        fields.put("issueType", config.issueType());
        fields.put("grain", config.grain().name().toLowerCase(Locale.ROOT));
        List<String> tiers = new ArrayList<>();
        for (Tier tier : TIERS) {
            tiers.add(tier.name() + " = " + config.priorities().getOrDefault(tier.name(), ""));
        }
        fields.put("priorities", String.join("\n", tiers));
        fields.put("statusMap", lines(json.getAsJsonArray("statusMap"), "status", "category"));
        fields.put("resolutionMap", lines(json.getAsJsonArray("resolutionMap"), "resolution", "meaning"));
        return fields;
    }

    private static String lines(JsonArray pairs, String keyName, String valueName) {
        List<String> lines = new ArrayList<>();
        for (JsonElement pair : pairs) {
            lines.add(pair.getAsJsonObject().get(keyName).getAsString() + " = "
                    + pair.getAsJsonObject().get(valueName).getAsString());
        }
        return String.join("\n", lines);
    }

    private String denied(String what) {
        ApplicationUser user = user();
        LOG.info("CTEM permission denied: user {} may not {}", user == null ? "(anonymous)" : user.getKey(), what);
        return PERMISSION_VIOLATION_RESULT;
    }

    private void showRoles() {
        CtemSettings.Roles roles = settings.roles();
        securityLeadGroups = String.join("\n", roles.securityLeadGroups());
        securityLeadRole = roles.securityLeadRole();
        auditorGroups = String.join("\n", roles.auditorGroups());
    }

    private void showTracker() {
        Map<String, String> fields = trackerFields(tracker.defaults());
        TrackerConfig config = tracker.defaults();
        project = config.projectKey();
        issueType = config.issueType();
        grain = fields.get("grain");
        for (Tier tier : TIERS) {
            priorities.put(tier.name(), config.priorities().getOrDefault(tier.name(), ""));
        }
        statusMap = fields.get("statusMap");
        resolutionMap = fields.get("resolutionMap");
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).toList();
    }

    private void record(InvalidInputException e) {
        for (Problem problem : e.problems()) {
            fieldErrors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
        }
    }

    private ConfigurationChanges changes() {
        return services.record().configurationChanges();
    }

    private ApplicationUser user() {
        return authentication.getLoggedInUser();
    }

    // ----- read by templates/admin/configuration.vm (each getter is on the velocity allowlist) -----

    public boolean hasErrors() {
        return !fieldErrors.isEmpty();
    }

    /**
     * The problem with one form field, or null; a problem with a part of a field (priorities.CRITICAL,
     * statusMap.Review) counts for the field.
     */
    public String getFieldError(String field) {
        List<String> found = new ArrayList<>();
        fieldErrors.forEach((name, message) -> {
            if (name.equals(field) || name.startsWith(field + ".") || name.startsWith(field + "[")) {
                found.add(name.equals(field) ? message : name.substring(field.length()) + ": " + message);
            }
        });
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** Every problem of the last submit as "field: message", in form order. */
    public List<String> getErrorSummary() {
        return fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    public String getSaved() {
        return saved;
    }

    public String getUnchanged() {
        return unchanged;
    }

    public String getSecurityLeadGroups() {
        return securityLeadGroups;
    }

    public String getSecurityLeadRole() {
        return securityLeadRole;
    }

    public String getAuditorGroups() {
        return auditorGroups;
    }

    /** Every Jira project, for the default project's choice. */
    public List<ProjectChoice> getProjects() {
        return permissions.projectsToOpenCyclesIn(user()).stream().map(ProjectChoice::new).toList();
    }

    public String getProject() {
        return project;
    }

    public String getIssueType() {
        return issueType;
    }

    public String getGrain() {
        return grain;
    }

    /** The Jira priority named for a decision tier (CRITICAL, HIGH, MEDIUM, LOW), "" for none. */
    public String getPriority(String tier) {
        return priorities.getOrDefault(tier, "");
    }

    public String getStatusMap() {
        return statusMap;
    }

    public String getResolutionMap() {
        return resolutionMap;
    }

    /** The allowed source hosts one a line: as submitted when they were refused, else as stored. */
    public String getSourceHosts() {
        return sourceHosts != null && hasErrors() ? sourceHosts : String.join("\n", sources.hosts());
    }

    /** EPSS and KEV: the active version of each, how old its data is and whether the policy calls it stale. */
    public List<FeedStatusView> getFeeds() {
        PriorityPolicy policy = policy();
        Instant now = services.record().clock().instant();
        return List.of(
                new FeedStatusView(FeedKind.EPSS, services.record().feeds().activeVersion(FeedKind.EPSS).orElse(null),
                        policy.epssMaxAge(), now),
                new FeedStatusView(FeedKind.KEV, services.record().feeds().activeVersion(FeedKind.KEV).orElse(null),
                        policy.kevMaxAge(), now));
    }

    /** The CTEM custom fields as Jira has them now (nothing is changed by reading). */
    public List<FieldStateView> getCustomFields() {
        return fields.state().stream().map(FieldStateView::new).toList();
    }

    /** Re-index requests waiting for the fields' job. */
    public int getReindexPending() {
        return fields.indexQueue().pending();
    }

    public PolicyView getPolicy() {
        return new PolicyView(policy());
    }

    /** The policy in the editor: as submitted when it was refused, else the newest version's policy file. */
    public String getPolicyText() {
        return policyText != null && hasErrors() ? policyText : PolicyVersions.text(policy());
    }

    /**
     * The version the editor edits (a save over an older one is refused): the submitted one when the editor shows
     * refused text, so that a save refused because another version came since is refused again, not taken over it.
     */
    public int getPolicyBase() {
        return policyText != null && hasErrors() ? (int) policyBase : versions().get(versions().size() - 1).number();
    }

    /** The newest version when its log entry cannot be read (rankings are refused until a save), else null. */
    public PolicyVersionView getPolicyUnreadable() {
        PolicyVersions.Version newest = versions().get(versions().size() - 1);
        return newest.readable() ? null : new PolicyVersionView(newest, true, false);
    }

    /** Every version of the policy, newest first, each with a link to its diff. */
    public List<PolicyVersionView> getPolicyVersions() {
        List<PolicyVersionView> views = new ArrayList<>();
        int newest = versions().get(versions().size() - 1).number();
        for (PolicyVersions.Version version : versions()) {
            views.add(0, new PolicyVersionView(version, version.number() == newest,
                    version.number() == shownVersion().number()));
        }
        return views;
    }

    /** The version whose diff the page shows: the one asked for ({@code diff}), else the newest. */
    public PolicyVersionView getPolicyDiff() {
        return new PolicyVersionView(shownVersion(), false, true);
    }

    private PolicyVersions.Version shownVersion() {
        if (shown == null) {
            shown = versions().stream().filter(v -> v.number() == diff).findFirst()
                    .orElse(versions().get(versions().size() - 1));
        }
        return shown;
    }

    private List<PolicyVersions.Version> versions() {
        if (versions == null) {
            versions = policyVersions().versions();
        }
        return versions;
    }

    private PolicyVersions policyVersions() {
        return new PolicyVersions(services.record());
    }

    /** The newest configuration changes, newest first. */
    public List<ConfigurationChangeView> getChanges() {
        return changes().recent(LISTED_CHANGES).stream().map(ConfigurationChangeView::new).toList();
    }

    public boolean isAnyChange() {
        return !changes().recent(1).isEmpty();
    }

    /** Whether the configuration's log verifies (its hash chain and, with a key, its keyed anchor). */
    public boolean isChangesIntact() {
        return changes().verify().intact();
    }

    /**
     * The policy in use: its newest version (the REST API's prioritisation ranks with it); the newest that reads when
     * the newest does not (the page says so, and the editor starts from it).
     */
    private PriorityPolicy policy() {
        return PolicyVersions.newestReadable(versions()).policy();
    }

    // ----- form parameters, bound by webwork -----

    /** The edited policy file (the policy form). */
    public void setPolicyText(String policyText) {
        this.policyText = policyText;
    }

    /** The version the edit started from (the policy form's hidden field). */
    public void setPolicyBase(long policyBase) {
        this.policyBase = policyBase;
    }

    /** The policy version whose diff to the one before is shown. */
    public void setDiff(long diff) {
        this.diff = diff;
    }

    /** Which upload the page follows (set by the page's script after the API answered: {@code feed}). */
    public void setDone(String done) {
        this.done = done;
    }

    /** Whether the page follows a feed loaded by its upload form (the feeds' table shows the new version). */
    public boolean isFeedLoaded() {
        return "feed".equals(done);
    }

    public void setSaved(String saved) {
        this.saved = saved;
    }

    public void setUnchanged(String unchanged) {
        this.unchanged = unchanged;
    }

    public void setSecurityLeadGroups(String securityLeadGroups) {
        this.securityLeadGroups = securityLeadGroups;
    }

    public void setSecurityLeadRole(String securityLeadRole) {
        this.securityLeadRole = securityLeadRole;
    }

    public void setAuditorGroups(String auditorGroups) {
        this.auditorGroups = auditorGroups;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public void setIssueType(String issueType) {
        this.issueType = issueType;
    }

    public void setGrain(String grain) {
        this.grain = grain;
    }

    public void setPriorityCritical(String priority) {
        priorities.put(Tier.CRITICAL.name(), priority);
    }

    public void setPriorityHigh(String priority) {
        priorities.put(Tier.HIGH.name(), priority);
    }

    public void setPriorityMedium(String priority) {
        priorities.put(Tier.MEDIUM.name(), priority);
    }

    public void setPriorityLow(String priority) {
        priorities.put(Tier.LOW.name(), priority);
    }

    public void setStatusMap(String statusMap) {
        this.statusMap = statusMap;
    }

    public void setResolutionMap(String resolutionMap) {
        this.resolutionMap = resolutionMap;
    }

    /** The source hosts form's textarea, one host a line. */
    public void setSourceHosts(String sourceHosts) {
        this.sourceHosts = sourceHosts;
    }
}
