package com.atlassian.jira.issue.fields;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror):
// getCustomFieldType().getKey() in codescape/jira-scrum-poker@bb652fd (service/EstimateFieldServiceImpl.java);
// getId ("customfield_10000") and getUntranslatedName are in the Jira javadoc
// (docs.atlassian.com/jira/latest/.../fields/CustomField.html), UNVERIFIED on Jira 11. It is a ConfigurableField
// (Jira javadoc), as FieldConfigSchemeManager#updateFieldConfigScheme takes it.

import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;

import java.util.List;

public interface CustomField extends ConfigurableField {

    String getId();

    String getUntranslatedName();

    CustomFieldType<?, ?> getCustomFieldType();

    /**
     * The field's contexts (its field configuration schemes). UNVERIFIED on Jira 10/11; M-Whitaker/jira-agile-extended
     * @9bd34eb (Jira 8.13.8, service/JAECustomFieldManager.java) reads it (docs/adr/107).
     */
    List<FieldConfigScheme> getConfigurationSchemes();
}
