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
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ofbiz.core.entity.GenericEntityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The app's custom fields in Jira ({@link CtemField}): created when the app is enabled, once for the cluster, and
 * kept under the same ids across upgrades. Each field's id is kept in the app's settings; a field is looked up by
 * that id first, then among Jira's fields by its type ("plugin key:module key"), and created only when neither finds
 * it, so an upgrade, a second node or a repeated enable never makes a second field. Creation runs under a cluster
 * lock (the nodes of a cluster are enabled together). A field is scoped to the tracker's issue type (by default
 * "CTEM Exposure") when Jira has it, else to every issue type (repaired later by an administrator: Jira's field
 * configuration schemes are not used, docs/adr/102). Each field found or made is locked with Jira's managed
 * configuration (nobody may edit it in Jira's administration; docs/adr/105), on enable and on every repair.
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
     * @param scope   the issue type it was created for, "all issue types", or null when not created now
     * @param lock    the field's managed-configuration lock
     */
    public record FieldState(CtemField field, String fieldId, State state, String scope, Lock lock) {
    }

    private final CustomFieldManager fields;
    private final ManagedConfigurationItemService managed;
    private final IssueTypeManager issueTypes;
    private final PluginSettingsFactory settingsFactory;
    private final ClusterLockService locks;
    private final EventPublisher events;
    private final TrackerSettings tracker;
    private final CtemServices services;
    private final Supplier<List<JiraContextNode>> globalContext;

    @Inject
    public CtemFields(@ComponentImport CustomFieldManager fields,
                      @ComponentImport ManagedConfigurationItemService managed,
                      @ComponentImport IssueTypeManager issueTypes,
                      @ComponentImport PluginSettingsFactory settingsFactory,
                      @ComponentImport ClusterLockService locks, @ComponentImport EventPublisher events,
                      TrackerSettings tracker, CtemServices services) {
        this(fields, managed, issueTypes, settingsFactory, locks, events, tracker, services,
                () -> List.of(GlobalIssueContext.getInstance()));
    }

    /** @param globalContext Jira's global context, as the one context a field is created in */
    public CtemFields(CustomFieldManager fields, ManagedConfigurationItemService managed, IssueTypeManager issueTypes,
                      PluginSettingsFactory settingsFactory, ClusterLockService locks, EventPublisher events,
                      TrackerSettings tracker, CtemServices services,
                      Supplier<List<JiraContextNode>> globalContext) {
        this.globalContext = globalContext;
        this.fields = fields;
        this.managed = managed;
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
            List<FieldState> states = new ArrayList<>();
            for (CtemField field : CtemField.values()) {
                states.add(ensure(settings, field));
            }
            return states;
        } finally {
            lock.unlock();
        }
    }

    private FieldState ensure(PluginSettings settings, CtemField field) {
        CustomField stored = byStoredId(settings, field);
        if (stored != null) {
            return new FieldState(field, stored.getId(), State.PRESENT, null, lock(stored));
        }
        CustomField found = byType(field);
        if (found != null) {
            settings.put(SETTINGS_PREFIX + field.moduleKey(), found.getId());
            return new FieldState(field, found.getId(), State.FOUND, null, lock(found));
        }
        CustomFieldType<?, ?> type = fields.getCustomFieldType(typeKey(field));
        if (type == null) {
            return new FieldState(field, null, State.TYPE_NOT_ENABLED, null, Lock.NONE);
        }
        CustomFieldSearcher searcher = fields.getCustomFieldSearcher(field.kind().searcherKey());
        IssueType exposure = exposureIssueType();
        try {
            CustomField created = fields.createCustomField(field.fieldName(), "CTEM: " + field.description()
                    + " (computed from the cycle record, read-only)", type, searcher,
                    globalContext.get(), Collections.singletonList(exposure));
            settings.put(SETTINGS_PREFIX + field.moduleKey(), created.getId());
            return new FieldState(field, created.getId(), State.CREATED,
                    exposure == null ? "all issue types" : exposure.getName(), lock(created));
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

    /** The tracker's issue type (the default configuration's), or null when Jira has none of that name. */
    private IssueType exposureIssueType() {
        String name = tracker.defaults().issueType();
        return issueTypes.getIssueTypes().stream().filter(t -> t.getName().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
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
