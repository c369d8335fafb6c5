package org.ctemcycles.jira.fields;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.bc.ServiceOutcome;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.managedconfiguration.ConfigurationItemAccessLevel;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItem;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItemBuilder;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItemService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.context.GlobalIssueContext;
import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.CustomFieldUtils;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.tracker.TrackerConfig;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ofbiz.core.entity.GenericEntityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The app's custom fields in Jira ({@link CtemField}): created when the app is enabled, once for the cluster, and
 * kept under the same ids across upgrades. Each field's id is kept in the app's settings; a field is looked up by
 * that id first, then among Jira's fields by its type ("plugin key:module key"), and created only when neither finds
 * it, so an upgrade, a second node or a repeated enable never makes a second field. Creation runs under a cluster
 * lock (the nodes of a cluster are enabled together). A field is scoped to the CTEM issue types (the tracker's issue
 * type, "CTEM Exposure" by default, and its sub-task type where findings are sub-tasks) of the configured projects
 * (the tracker default's project and every cycle's), all projects while none is configured; a field whose one
 * context no longer matches is re-scoped in place, under the same id (docs/adr/107). Each field found or made is
 * locked with Jira's managed configuration (nobody may edit it in Jira's administration; docs/adr/105), on enable
 * and on every repair.
 */
@Component
public class CtemFields {

    static final String PLUGIN_KEY = "org.ctemcycles.ctem-cycles-jira";
    static final String LOCK = PLUGIN_KEY + ":fields";
    static final String SETTINGS_PREFIX = "org.ctemcycles.fields.";
    static final long LOCK_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(CtemFields.class);

    /** What became of a field: present (under its stored id), found (by its type, id stored now), created, or why not. */
    public enum State { PRESENT, FOUND, CREATED, MISSING, TYPE_NOT_ENABLED, FAILED }

    /**
     * Jira's managed-configuration lock of a field: locked (nobody may edit it in Jira's administration), unlocked
     * (not managed, or managed at a level administrators may still change), none (no field), or failed (Jira
     * refused to lock it; the next repair tries again).
     */
    public enum Lock { LOCKED, UNLOCKED, NONE, FAILED }

    /** The i18n key of the description Jira shows beside a locked field, from the app's i18n resource. */
    static final String LOCK_DESCRIPTION_KEY = "ctem.fields.locked.description";

    /**
     * One field's state.
     *
     * @param fieldId Jira's id ("customfield_10200"), or null when the field does not exist
     * @param scope   for a field created or re-scoped now, where it applies now ("CTEM Exposure in SEC, OPS",
     *                "all issue types in all projects"); null otherwise
     * @param lock    the field's managed-configuration lock
     */
    public record FieldState(CtemField field, String fieldId, State state, String scope, Lock lock) {
    }

    private final CustomFieldManager fields;
    private final ManagedConfigurationItemService managed;
    private final FieldConfigSchemeManager schemes;
    private final ProjectManager projects;
    private final IssueTypeManager issueTypes;
    private final PluginSettingsFactory settingsFactory;
    private final ClusterLockService locks;
    private final EventPublisher events;
    private final TrackerSettings tracker;
    private final CtemServices services;
    private final Function<List<Long>, List<JiraContextNode>> contexts;

    @Inject
    public CtemFields(@ComponentImport CustomFieldManager fields,
                      @ComponentImport ManagedConfigurationItemService managed,
                      @ComponentImport FieldConfigSchemeManager schemes, @ComponentImport ProjectManager projects,
                      @ComponentImport IssueTypeManager issueTypes,
                      @ComponentImport PluginSettingsFactory settingsFactory,
                      @ComponentImport ClusterLockService locks, @ComponentImport EventPublisher events,
                      TrackerSettings tracker, CtemServices services) {
        this(fields, managed, schemes, projects, issueTypes, settingsFactory, locks, events, tracker, services,
                ids -> ids.isEmpty() ? List.of(GlobalIssueContext.getInstance())
                        : CustomFieldUtils.buildJiraIssueContexts(false, ids.toArray(new Long[0]), projects));
    }

    /**
     * @param contexts Jira's contexts of these projects (the global context for none), as a field is created or
     *                 re-scoped in them
     */
    public CtemFields(CustomFieldManager fields, ManagedConfigurationItemService managed,
                      FieldConfigSchemeManager schemes, ProjectManager projects, IssueTypeManager issueTypes,
                      PluginSettingsFactory settingsFactory, ClusterLockService locks, EventPublisher events,
                      TrackerSettings tracker, CtemServices services,
                      Function<List<Long>, List<JiraContextNode>> contexts) {
        this.contexts = contexts;
        this.fields = fields;
        this.managed = managed;
        this.schemes = schemes;
        this.projects = projects;
        this.issueTypes = issueTypes;
        this.settingsFactory = settingsFactory;
        this.locks = locks;
        this.events = events;
        this.tracker = tracker;
        this.services = services;
    }

    /**
     * The re-index queue: requests waiting, and when the oldest was made (null when none waits).
     */
    public record IndexQueue(int pending, Instant oldestRequestedAt) {
    }

    /** How far Jira's index of the fields is behind the record. */
    public IndexQueue indexQueue() {
        return new IndexQueue(services.reindexQueue().pending(),
                services.reindexQueue().oldestRequestedAtMillis().map(Instant::ofEpochMilli).orElse(null));
    }

    @PostConstruct
    public void start() {
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
    }

    @EventListener
    public void onPluginEnabled(PluginEnabledEvent event) {
        if (event.getPlugin() == null || !PLUGIN_KEY.equals(event.getPlugin().getKey())) {
            return;
        }
        try {
            List<FieldState> states = ensure();
            states.stream().filter(s -> s.state() != State.PRESENT).forEach(s -> LOG.info("CTEM: field {} {}",
                    s.field().fieldName(), s.state()));
        } catch (RuntimeException e) {
            LOG.error("CTEM: the CTEM fields could not be set up ({}); an administrator can repair them", e.toString());
        }
    }

    /** Every field as it is now, changing nothing. */
    public List<FieldState> state() {
        PluginSettings settings = settingsFactory.createGlobalSettings();
        List<FieldState> states = new ArrayList<>();
        for (CtemField field : CtemField.values()) {
            CustomField stored = byStoredId(settings, field);
            CustomField existing = stored != null ? stored : byType(field);
            State state = stored != null ? State.PRESENT : existing != null ? State.FOUND : State.MISSING;
            states.add(new FieldState(field, existing == null ? null : existing.getId(), state, null,
                    existing == null ? Lock.NONE : lockOf(existing)));
        }
        return states;
    }

    /**
     * Makes every field exist once, under the cluster lock: kept under its stored id, found by its type (its id
     * stored then), or created; and locks each one that exists.
     *
     * @throws ConflictException when another node holds the lock for longer than {@value #LOCK_WAIT_SECONDS} s
     */
    public List<FieldState> ensure() {
        ClusterLock lock = locks.getLockForName(LOCK);
        boolean held;
        try {
            held = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        if (!held) {
            throw new ConflictException("another node is setting up the CTEM fields; try again in a minute");
        }
        try {
            PluginSettings settings = settingsFactory.createGlobalSettings();
            Scope scope = wantedScope();
            List<FieldState> states = new ArrayList<>();
            for (CtemField field : CtemField.values()) {
                states.add(ensure(settings, field, scope));
            }
            return states;
        } finally {
            lock.unlock();
        }
    }

    private FieldState ensure(PluginSettings settings, CtemField field, Scope scope) {
        CustomField stored = byStoredId(settings, field);
        if (stored != null) {
            String rescoped = rescope(stored, scope);
            return new FieldState(field, stored.getId(), State.PRESENT, rescoped, lock(stored));
        }
        CustomField found = byType(field);
        if (found != null) {
            settings.put(SETTINGS_PREFIX + field.moduleKey(), found.getId());
            String rescoped = rescope(found, scope);
            return new FieldState(field, found.getId(), State.FOUND, rescoped, lock(found));
        }
        CustomFieldType<?, ?> type = fields.getCustomFieldType(typeKey(field));
        if (type == null) {
            return new FieldState(field, null, State.TYPE_NOT_ENABLED, null, Lock.NONE);
        }
        CustomFieldSearcher searcher = fields.getCustomFieldSearcher(field.kind().searcherKey());
        try {
            // a list holding one null is Jira's "every issue type"
            CustomField created = fields.createCustomField(field.fieldName(), "CTEM: " + field.description()
                    + " (computed from the cycle record, read-only)", type, searcher,
                    contexts.apply(scope.projectIds()), scope.issueTypes().isEmpty()
                            ? Collections.singletonList(null) : scope.issueTypes());
            settings.put(SETTINGS_PREFIX + field.moduleKey(), created.getId());
            return new FieldState(field, created.getId(), State.CREATED, scope.describe(), lock(created));
        } catch (GenericEntityException e) {
            LOG.warn("CTEM: Jira could not create the field {} ({})", field.fieldName(), e.getMessage());
            return new FieldState(field, null, State.FAILED, null, Lock.NONE);
        }
    }

    /** The field's lock as Jira has it, changing nothing. */
    private Lock lockOf(CustomField field) {
        ManagedConfigurationItem item = managed.getManagedCustomField(field);
        return isLocked(item) ? Lock.LOCKED : Lock.UNLOCKED;
    }

    private static boolean isLocked(ManagedConfigurationItem item) {
        return item != null && item.isManaged()
                && item.getConfigurationItemAccessLevel() == ConfigurationItemAccessLevel.LOCKED;
    }

    /**
     * Locks the field with Jira's managed configuration unless it is locked already (so a repair of a locked field
     * writes nothing), with the app's description of why.
     */
    private Lock lock(CustomField field) {
        ManagedConfigurationItem item = managed.getManagedCustomField(field);
        if (item == null) {
            LOG.warn("CTEM: Jira has no managed-configuration item for the field {}", field.getId());
            return Lock.FAILED;
        }
        if (isLocked(item)) {
            return Lock.LOCKED;
        }
        ServiceOutcome<ManagedConfigurationItem> outcome = managed.updateManagedConfigurationItem(
                ManagedConfigurationItemBuilder.builder(item).setManaged(true)
                        .setConfigurationItemAccessLevel(ConfigurationItemAccessLevel.LOCKED)
                        .setDescriptionI18nKey(LOCK_DESCRIPTION_KEY).build());
        if (outcome == null || !outcome.isValid()) {
            LOG.warn("CTEM: Jira did not lock the field {} ({})", field.getId(),
                    outcome == null ? "no answer" : outcome.getErrorCollection());
            return Lock.FAILED;
        }
        return Lock.LOCKED;
    }

    /**
     * Where the fields apply: the projects Jira has of the tracker default's and the cycles' projects (none: all
     * projects), and the issue types Jira has of their CTEM issue type names (none: all issue types).
     */
    record Scope(List<Project> projects, List<IssueType> issueTypes) {

        List<Long> projectIds() {
            return projects.stream().map(Project::getId).toList();
        }

        /** The issue type ids as a field configuration scheme holds them, null for all issue types. */
        Set<String> issueTypeIds() {
            Set<String> ids = new HashSet<>();
            issueTypes.forEach(t -> ids.add(t.getId()));
            if (ids.isEmpty()) {
                ids.add(null);
            }
            return ids;
        }

        String describe() {
            return (issueTypes.isEmpty() ? "all issue types"
                    : String.join(", ", issueTypes.stream().map(IssueType::getName).toList()))
                    + " in " + (projects.isEmpty() ? "all projects"
                    : String.join(", ", projects.stream().map(Project::getKey).toList()));
        }
    }

    private Scope wantedScope() {
        Set<String> projectKeys = new TreeSet<>();
        Set<String> typeNames = new LinkedHashSet<>();
        addScope(tracker.defaults(), projectKeys, typeNames);
        for (Cycle cycle : services.record().cycles().list()) {
            addScope(tracker.effective(cycle), projectKeys, typeNames);
        }
        List<Project> known = projectKeys.stream().map(projects::getProjectByCurrentKey).filter(Objects::nonNull)
                .toList();
        // in the configuration's order, each name as Jira has it (Jira's names are case-insensitive)
        Map<String, IssueType> byName = new HashMap<>();
        issueTypes.getIssueTypes().forEach(t -> byName.putIfAbsent(t.getName().toLowerCase(Locale.ROOT), t));
        List<IssueType> types = typeNames.stream().map(n -> byName.get(n.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull).distinct().toList();
        return new Scope(known, types);
    }

    /**
     * A configuration's project and CTEM issue types: the finding's issue type, and its sub-task type when findings
     * are sub-tasks.
     */
    private static void addScope(TrackerConfig config, Set<String> projectKeys, Set<String> typeNames) {
        if (!config.projectKey().isEmpty()) {
            projectKeys.add(config.projectKey());
        }
        typeNames.add(config.issueType());
        if (config.grain() == TrackerConfig.Grain.VULNERABILITY) {
            typeNames.add(config.subTaskType());
        }
    }

    /**
     * Re-scopes the field in place when its one context differs from the scope (another project configured, an
     * issue type renamed in the configuration): same id, same configuration, new projects and issue types. A
     * field with several contexts is left as it is. Returns the new scope's description, or null when unchanged.
     */
    private String rescope(CustomField field, Scope scope) {
        List<FieldConfigScheme> current = field.getConfigurationSchemes();
        if (current == null || current.size() != 1) {
            return null;
        }
        FieldConfigScheme scheme = current.get(0);
        Set<String> types = scope.issueTypeIds();
        if (new HashSet<>(scheme.getAssociatedProjectIds()).equals(new HashSet<>(scope.projectIds()))
                && new HashSet<>(scheme.getAssociatedIssueTypeIds()).equals(types)) {
            return null;
        }
        Map<String, FieldConfig> configs = new HashMap<>();
        types.forEach(id -> configs.put(id, scheme.getOneAndOnlyConfig()));
        schemes.updateFieldConfigScheme(new FieldConfigScheme.Builder(scheme).setConfigs(configs)
                .toFieldConfigScheme(), contexts.apply(scope.projectIds()), field);
        LOG.info("CTEM: field {} re-scoped to {}", field.getId(), scope.describe());
        return scope.describe();
    }

    private CustomField byStoredId(PluginSettings settings, CtemField field) {
        Object stored = settings.get(SETTINGS_PREFIX + field.moduleKey());
        if (!(stored instanceof String id)) {
            return null;
        }
        CustomField existing = fields.getCustomFieldObject(id);
        return existing != null && isOf(existing, field) ? existing : null;
    }

    private CustomField byType(CtemField field) {
        return fields.getCustomFieldObjects().stream().filter(f -> isOf(f, field)).findFirst().orElse(null);
    }

    private static boolean isOf(CustomField existing, CtemField field) {
        return existing.getCustomFieldType() != null && typeKey(field).equals(existing.getCustomFieldType().getKey());
    }

    static String typeKey(CtemField field) {
        return PLUGIN_KEY + ":" + field.moduleKey();
    }
}
