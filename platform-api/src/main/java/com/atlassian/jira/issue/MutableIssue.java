package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Jira 11 evidence: IssueResult.getIssue() assigned to a MutableIssue in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java), which also sets values on a
// MutableIssue before Jira creates it. setLabels(Set<Label>) on the issue of IssueService's CreateValidationResult,
// before create, is UNVERIFIED on Jira 10/11; best evidence: github/lgtm-jira-addon (the Semmle LGTM app,
// LgtmServlet.java: createValidationResult.getIssue().setLabels(LabelParser.buildFromString(..)) and then
// IssueService#create), a Jira 7/8 app. Jira's IssueCreateFunction stores the modified fields (labels among them)
// in the workflow's create function right after the issue row (Jira 7.x sources), so the labels come with the
// issue.

import com.atlassian.jira.issue.label.Label;

import java.util.Set;

public interface MutableIssue extends Issue {

    void setLabels(Set<Label> labels);
}
