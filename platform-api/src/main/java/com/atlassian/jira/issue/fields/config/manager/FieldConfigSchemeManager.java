package com.atlassian.jira.issue.fields.config.manager;

// Mirror (compile-only, never packaged). UNVERIFIED on Jira 10/11: no public Jira 10 or 11 app scopes a custom field
// (searched: find_string "buildJiraIssueContexts", "updateFieldConfigScheme(", "scheme.getAssociatedProjectIds()",
// ".getAssociatedIssueTypeIds()"; search over code). Best older evidence: M-Whitaker/jira-agile-extended@9bd34eb
// (pom.xml: Jira 8.13.8; service/JAECustomFieldManager.java, editHierarchyFieldConfigurationContext: a field's
// getConfigurationSchemes(), CustomFieldUtils.buildJiraIssueContexts(false, Long[] projectIds, ProjectManager),
// new FieldConfigScheme.Builder(scheme).setConfigs(Map<String issue type id, FieldConfig>).toFieldConfigScheme(),
// FieldConfigSchemeManager#updateFieldConfigScheme(scheme, contexts, customField)); getAssociatedProjectIds(),
// getAssociatedIssueTypeIds() and getOneAndOnlyConfig() are read the same way by many Jira 7-9 apps. See
// docs/adr/107.

import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.fields.ConfigurableField;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;

import java.util.List;

public interface FieldConfigSchemeManager {

    /** Stores the scheme's issue types (its configs) and replaces its projects by these contexts. */
    FieldConfigScheme updateFieldConfigScheme(FieldConfigScheme scheme, List<JiraContextNode> contexts,
                                              ConfigurableField field);
}
