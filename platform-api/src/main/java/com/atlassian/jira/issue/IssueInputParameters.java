package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Only the setters this app calls; each returns the parameters, as in Jira.
// UNVERIFIED on Jira 11 (no public Jira 10/11 code builds IssueInputParameters). Best evidence: the Javadoc
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/IssueInputParameters.html) and Atlassian's "Performing
// issue operations" guide (developer.atlassian.com/x/bIB). setDueDate takes the date in the user's date picker
// format; setRetainExistingValuesWhenParameterNotProvided keeps fields an update does not name.

public interface IssueInputParameters {

    IssueInputParameters setProjectId(Long projectId);

    IssueInputParameters setIssueTypeId(String issueTypeId);

    IssueInputParameters setSummary(String summary);

    IssueInputParameters setDescription(String description);

    IssueInputParameters setAssigneeId(String assigneeId);

    IssueInputParameters setReporterId(String reporterId);

    IssueInputParameters setPriorityId(String priorityId);

    IssueInputParameters setDueDate(String dueDate);

    IssueInputParameters setComment(String comment);

    void setRetainExistingValuesWhenParameterNotProvided(boolean retainExistingValues,
                                                         boolean onlyValidateCustomFieldParameters);
}
