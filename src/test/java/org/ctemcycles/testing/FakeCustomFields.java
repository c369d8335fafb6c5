package org.ctemcycles.testing;

import com.atlassian.jira.bc.ServiceOutcome;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItem;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItemBuilder;
import com.atlassian.jira.config.managedconfiguration.ManagedConfigurationItemService;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.ConfigurableField;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.config.manager.FieldConfigSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.util.ErrorCollection;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jira's custom fields as its documented API behaves, for tests, shared by every node of a test cluster: the types
 * and searchers of the enabled modules by key, fields created with ids from 10200 up (never reused), each remembering
 * the issue types it was created for; fields can be deleted by hand as an administrator would. Its
 * {@link #managedConfiguration()} is Jira's managed configuration of these fields: each field unmanaged until an
 * update registers it, updates counted, refusals on demand. Each field has one context (field configuration scheme):
 * the projects of the {@link #contexts} it was created or re-scoped in (none: all projects) and its issue types
 * (a null id: all issue types), changed only through {@link #fieldConfigSchemes()}.
 */
public final class FakeCustomFields implements CustomFieldManager {

    /** A created field and what it was created with. */
    public record Created(CustomField field, CustomFieldSearcher searcher, List<IssueType> issueTypes) {
    }

    private final Map<String, CustomFieldType<?, ?>> types = new ConcurrentHashMap<>();
    private final Map<String, CustomFieldSearcher> searchers = new ConcurrentHashMap<>();
    private final Map<Long, Created> fields = new ConcurrentHashMap<>();
    private final List<Long> order = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(10200);
    private final Map<String, ManagedConfigurationItem> managed = new ConcurrentHashMap<>();
    private final Map<Long, Scope> scopes = new ConcurrentHashMap<>();
    private final AtomicLong scopeUpdates = new AtomicLong();
    private static final FieldConfig CONFIG = new FieldConfig() {
    };

    /** A field's context as Jira keeps it: project ids (empty: all) and issue type ids (a null id: all). */
    public record Scope(Set<Long> projectIds, Set<String> issueTypeIds) {
    }

    /** Jira's context of one project, as the app asks for it. */
    public record ProjectContext(Long projectId) implements JiraContextNode {
    }

    /** Jira's global context. */
    public static final JiraContextNode GLOBAL = new JiraContextNode() {
    };

    /** The contexts of these projects, the global one for none (CustomFieldUtils.buildJiraIssueContexts in Jira). */
    public List<JiraContextNode> contexts(List<Long> projectIds) {
        return projectIds.isEmpty() ? List.of(GLOBAL) : projectIds.stream().map(id -> (JiraContextNode)
                new ProjectContext(id)).toList();
    }

    private static Set<Long> projectsOf(List<JiraContextNode> contexts) {
        Set<Long> ids = new HashSet<>();
        contexts.stream().filter(c -> c instanceof ProjectContext).forEach(c -> ids.add(((ProjectContext) c)
                .projectId()));
        return ids;
    }

    /** The field's one context now. */
    public Scope scopeOf(String fieldId) {
        return scopes.get(Long.valueOf(fieldId.substring("customfield_".length())));
    }

    /** How many times a field's context was changed. */
    public long scopeUpdates() {
        return scopeUpdates.get();
    }

    /** Jira's field configuration schemes of these fields. */
    public FieldConfigSchemeManager fieldConfigSchemes() {
        return (scheme, contexts, field) -> {
            long id = scheme.getId();
            if (!scopes.containsKey(id) || !(field instanceof CustomField custom)
                    || !custom.getId().equals("customfield_" + id) || scheme.getOneAndOnlyConfig() != CONFIG) {
                throw new IllegalArgumentException("not this field's scheme with its configuration: " + id);
            }
            scopes.put(id, new Scope(projectsOf(contexts), new HashSet<>(scheme.getAssociatedIssueTypeIds())));
            scopeUpdates.incrementAndGet();
            return scheme;
        };
    }
    private final AtomicLong managedUpdates = new AtomicLong();
    private volatile String refusal;

    /** The modules of these keys are enabled ("plugin key:module key"). */
    public FakeCustomFields enable(Set<String> typeKeys, Set<String> searcherKeys) {
        typeKeys.forEach(key -> types.put(key, () -> key));
        searcherKeys.forEach(key -> searchers.put(key, new CustomFieldSearcher() {
            @Override
            public String toString() {
                return key;
            }
        }));
        return this;
    }

    /** The module of this type key is disabled (Jira then knows no type of that key). */
    public void disable(String typeKey) {
        types.remove(typeKey);
    }

    public List<Created> created() {
        return order.stream().map(fields::get).filter(java.util.Objects::nonNull).toList();
    }

    /** An administrator deletes the field. */
    public void delete(String fieldId) {
        fields.remove(Long.valueOf(fieldId.substring("customfield_".length())));
    }

    @Override
    public synchronized CustomField createCustomField(String fieldName, String description,
                                                      CustomFieldType<?, ?> fieldType, CustomFieldSearcher searcher,
                                                      List<JiraContextNode> contexts, List<IssueType> issueTypes)
            throws GenericEntityException {
        long id = nextId.getAndIncrement();
        CustomField field = field(id, fieldName, fieldType);
        fields.put(id, new Created(field, searcher, new ArrayList<>(issueTypes)));
        Set<String> typeIds = new HashSet<>();
        issueTypes.forEach(t -> typeIds.add(t == null ? null : t.getId()));
        scopes.put(id, new Scope(projectsOf(contexts), typeIds));
        order.add(id);
        return field;
    }

    private CustomField field(long id, String name, CustomFieldType<?, ?> type) {
        return new CustomField() {
            @Override
            public List<FieldConfigScheme> getConfigurationSchemes() {
                Scope scope = scopes.get(id);
                return scope == null ? List.of() : List.of(new FieldConfigScheme() {
                    @Override
                    public Long getId() {
                        return id;
                    }

                    @Override
                    public List<Long> getAssociatedProjectIds() {
                        return List.copyOf(scope.projectIds());
                    }

                    @Override
                    public Set<String> getAssociatedIssueTypeIds() {
                        return scope.issueTypeIds();
                    }

                    @Override
                    public FieldConfig getOneAndOnlyConfig() {
                        return CONFIG;
                    }
                });
            }

            @Override
            public String getId() {
                return "customfield_" + id;
            }

            @Override
            public String getUntranslatedName() {
                return name;
            }

            @Override
            public CustomFieldType<?, ?> getCustomFieldType() {
                return type;
            }
        };
    }

    /** Jira's managed configuration of these fields. */
    public ManagedConfigurationItemService managedConfiguration() {
        return new ManagedConfigurationItemService() {
            @Override
            public ManagedConfigurationItem getManagedCustomField(CustomField customField) {
                return managed.getOrDefault(customField.getId(),
                        new ManagedConfigurationItemBuilder().setItemId(customField.getId()).build());
            }

            @Override
            public ServiceOutcome<ManagedConfigurationItem> updateManagedConfigurationItem(
                    ManagedConfigurationItem item) {
                String refused = refusal;
                if (refused == null) {
                    managed.put(item.getItemId(), item);
                    managedUpdates.incrementAndGet();
                }
                return outcome(refused == null ? item : null, refused);
            }
        };
    }

    /** The field's registration as Jira keeps it, or null when it was never managed. */
    public ManagedConfigurationItem managedItem(String fieldId) {
        return managed.get(fieldId);
    }

    /** How many registrations Jira stored. */
    public long managedUpdates() {
        return managedUpdates.get();
    }

    /** Jira refuses every registration from now on with this error (null: accepts again). */
    public void refuseManagedUpdates(String error) {
        refusal = error;
    }

    /** Someone released the field's lock (a database edit, another app): it is no longer managed. */
    public void release(String fieldId) {
        managed.remove(fieldId);
    }

    private static ServiceOutcome<ManagedConfigurationItem> outcome(ManagedConfigurationItem value, String error) {
        ErrorCollection errors = new ErrorCollection() {
            @Override
            public Map<String, String> getErrors() {
                return Map.of();
            }

            @Override
            public java.util.Collection<String> getErrorMessages() {
                return error == null ? List.of() : List.of(error);
            }

            @Override
            public boolean hasAnyErrors() {
                return error != null;
            }

            @Override
            public String toString() {
                return String.valueOf(getErrorMessages());
            }
        };
        return new ServiceOutcome<>() {
            @Override
            public ManagedConfigurationItem get() {
                return value;
            }

            @Override
            public boolean isValid() {
                return !errors.hasAnyErrors();
            }

            @Override
            public ErrorCollection getErrorCollection() {
                return errors;
            }
        };
    }

    @Override
    public CustomFieldType<?, ?> getCustomFieldType(String key) {
        return types.get(key);
    }

    @Override
    public CustomFieldSearcher getCustomFieldSearcher(String key) {
        return searchers.get(key);
    }

    @Override
    public CustomField getCustomFieldObject(String id) {
        if (id == null || !id.matches("customfield_[0-9]+")) {
            return null;
        }
        Created created = fields.get(Long.valueOf(id.substring("customfield_".length())));
        return created == null ? null : created.field();
    }

    @Override
    public List<CustomField> getCustomFieldObjects() {
        return created().stream().map(Created::field).toList();
    }
}
