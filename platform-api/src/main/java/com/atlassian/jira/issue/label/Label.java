package com.atlassian.jira.issue.label;

// Mirror (compile-only, never packaged). A label of an issue: the constructor and getter this app uses. Jira 11
// evidence: new Label(null, issueId, customFieldId, text) and Label#getLabel() in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java); the type also in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (Issue#getLabels in web/rest/SlackMessageResource.java).
// A label of the system Labels field has no custom field id (null).

public class Label {

    private final String label;

    public Label(Long id, Long issue, Long customFieldId, String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
