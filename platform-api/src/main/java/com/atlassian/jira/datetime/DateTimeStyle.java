package com.atlassian.jira.datetime;

// Mirror (compile-only, never packaged). Only the constant this app uses. Jira 11 evidence: the enum in
// codescape/jira-scrum-poker@bb652fd (DateTimeStyle.COMPLETE, RELATIVE) and atlassian-labs/atlassian-slack-integration-server@94c50dc (RSS_RFC822_DATE_TIME). DATE_PICKER,
// the format IssueInputParameters#setDueDate reads, is UNVERIFIED on Jira 11; best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/datetime/DateTimeStyle.html).

public enum DateTimeStyle {
    DATE_PICKER
}
