package com.atlassian.jira.config;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: getPriorities() streamed in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java).

import com.atlassian.jira.issue.priority.Priority;

import java.util.List;

public interface PriorityManager {

    List<Priority> getPriorities();
}
