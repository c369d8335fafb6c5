package com.atlassian.jira.project;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): getId and getKey in codescape/jira-scrum-poker@bb652fd
// (action/ScrumPokerProjectConfigurationAction.java), codescape/jira-multiple-subtasks@ce71581
// (action/MultipleSubtasksDialogAction.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc
// (manager/impl/DefaultProjectConfigurationManager.java, also getName). The real interface extends Named,
// NamedWithDescription, WithId, WithKey (Jira 6 jira-api source in turgaycelik/mysource@44f29e3). getIssueTypes
// (a Collection, streamed and filtered by IssueType::isSubTask) in jira-multiple-subtasks
// (service/SubtasksCreationService.java, condition/ProjectOfIssueHasSubtasksCondition.java).

import com.atlassian.jira.issue.issuetype.IssueType;

import java.util.Collection;

public interface Project {

    Long getId();

    String getName();

    String getKey();

    Collection<IssueType> getIssueTypes();
}
