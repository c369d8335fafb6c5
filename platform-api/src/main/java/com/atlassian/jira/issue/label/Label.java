package com.atlassian.jira.issue.label;

// Mirror (compile-only, never packaged). No members this app uses: LabelManager#addLabel returns one. Jira 11 evidence: the
// type in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc (Issue#getLabels in
// web/rest/SlackMessageResource.java).

public class Label {
}
