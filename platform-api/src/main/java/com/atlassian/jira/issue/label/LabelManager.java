package com.atlassian.jira.issue.label;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: addLabel(user, issueId, label,
// sendNotification) after the issue exists, in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java).

import com.atlassian.jira.user.ApplicationUser;

public interface LabelManager {

    Label addLabel(ApplicationUser remoteUser, Long issueId, String label, boolean sendNotification);
}
