package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: every one is implemented by
// the anonymous Issue of atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java, getDummyIssue: getId,
// getKey, getSummary, getStatus, getResolution, getAssigneeId, getDueDate as a Timestamp, getProjectObject,
// getIssueType, isSubTask, getParentId, getSubTaskObjects); isSubTask and getProjectObject are called in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java).

import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.resolution.Resolution;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;

import java.sql.Timestamp;
import java.util.Collection;

public interface Issue {

    Long getId();

    String getKey();

    String getSummary();

    Status getStatus();

    /** null when unresolved */
    Resolution getResolution();

    /** the assignee's user key, or null */
    String getAssigneeId();

    Timestamp getDueDate();

    Project getProjectObject();

    IssueType getIssueType();

    boolean isSubTask();

    Long getParentId();

    Collection<Issue> getSubTaskObjects();
}
