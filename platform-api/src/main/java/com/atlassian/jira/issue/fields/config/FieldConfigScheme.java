package com.atlassian.jira.issue.fields.config;

// Mirror (compile-only, never packaged). UNVERIFIED on Jira 10/11: no public Jira 10 or 11 app scopes a custom field
// (searched: find_string "buildJiraIssueContexts", "updateFieldConfigScheme(", "scheme.getAssociatedProjectIds()",
// ".getAssociatedIssueTypeIds()"; search over code). Best older evidence: M-Whitaker/jira-agile-extended@9bd34eb
// (pom.xml: Jira 8.13.8; service/JAECustomFieldManager.java, editHierarchyFieldConfigurationContext: a field's
// getConfigurationSchemes(), CustomFieldUtils.buildJiraIssueContexts(false, Long[] projectIds, ProjectManager),
// new FieldConfigScheme.Builder(scheme).setConfigs(Map<String issue type id, FieldConfig>).toFieldConfigScheme(),
// FieldConfigSchemeManager#updateFieldConfigScheme(scheme, contexts, customField)); getAssociatedProjectIds(),
// getAssociatedIssueTypeIds() and getOneAndOnlyConfig() are read the same way by many Jira 7-9 apps. See
// docs/adr/107.

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public interface FieldConfigScheme {

    Long getId();

    /** The projects the scheme applies to; empty for all projects. */
    List<Long> getAssociatedProjectIds();

    /** The ids of the issue types the scheme applies to; a null id stands for all issue types. */
    Set<String> getAssociatedIssueTypeIds();

    /** The scheme's single configuration (the app's fields have one). */
    FieldConfig getOneAndOnlyConfig();

    /**
     * A scheme's copy with other configs, the issue type id of each (null: all issue types) to its configuration.
     * A working builder as in Jira, so that a test double of the manager can store what it is handed; the copy
     * keeps the scheme's id and projects.
     */
    class Builder {

        private final FieldConfigScheme scheme;
        private Map<String, FieldConfig> configs = Map.of();

        public Builder(FieldConfigScheme scheme) {
            this.scheme = scheme;
        }

        public Builder setConfigs(Map<String, FieldConfig> configs) {
            this.configs = Collections.unmodifiableMap(new HashMap<>(configs));
            return this;
        }

        public FieldConfigScheme toFieldConfigScheme() {
            Long id = scheme.getId();
            List<Long> projects = scheme.getAssociatedProjectIds();
            Map<String, FieldConfig> kept = configs;
            return new FieldConfigScheme() {
                @Override
                public Long getId() {
                    return id;
                }

                @Override
                public List<Long> getAssociatedProjectIds() {
                    return projects;
                }

                @Override
                public Set<String> getAssociatedIssueTypeIds() {
                    return kept.keySet();
                }

                @Override
                public FieldConfig getOneAndOnlyConfig() {
                    return kept.size() == 0 ? null : kept.values().iterator().next();
                }
            };
        }
    }
}
