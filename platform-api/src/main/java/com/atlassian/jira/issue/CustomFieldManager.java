package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror):
// getCustomFieldObjects() and getCustomFieldObject(String) with the field's id ("customfield_10000") in
// codescape/jira-scrum-poker@bb652fd (service/EstimateFieldServiceImpl.java, action/ScrumPokerHealthCheckAction.java),
// getCustomFieldObject(String) in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java);
// both answer null when there is none. createCustomField, getCustomFieldType and getCustomFieldSearcher are
// UNVERIFIED on Jira 10/11: no public Jira 10/11 app creates a custom field from code. Best evidence: the Jira 7.2.0 javadoc
// (docs.atlassian.com/jira/7.2.0/com/atlassian/jira/issue/CustomFieldManager.html: createCustomField(name,
// description, type, searcher, List<JiraContextNode>, List<IssueType>) throws GenericEntityException, a list holding
// one null meaning every issue type; getCustomFieldType(String), getCustomFieldSearcher(String),
// getCustomFieldObject(Long), getCustomFieldObjects()), used in Semmle/lgtm-jira-addon
// (config/upgrades/UpgradeTask4CreateConfigKeyField.java, pre-10); Jira Software 10.3.0 still wraps it
// (CustomFieldServiceImpl.createCustomField, docs.atlassian.com/jira-software/10.3.0/...). See docs/adr/102.

import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.List;

public interface CustomFieldManager {

    CustomField createCustomField(String fieldName, String description, CustomFieldType<?, ?> fieldType,
                                  CustomFieldSearcher customFieldSearcher, List<JiraContextNode> contexts,
                                  List<IssueType> issueTypes) throws GenericEntityException;

    /** null when no enabled module has that key ("plugin key:module key") */
    CustomFieldType<?, ?> getCustomFieldType(String key);

    /** null when no enabled module has that key */
    CustomFieldSearcher getCustomFieldSearcher(String key);

    /** by the field's id, e.g. "customfield_10200"; null when there is no such field */
    CustomField getCustomFieldObject(String id);

    List<CustomField> getCustomFieldObjects();
}
