package com.atlassian.jira.event.type;

// Mirror (compile-only, never packaged). Only the constants this app reads. Jira 11 evidence: the ISSUE_*_ID
// constants in atlassian-labs/atlassian-slack-integration-server@94c50dc (model/EventMatcherType.java); their values are those of Jira's
// EventType as the shared research quotes it (../shared/research/jira-dc-11-surfaces.md, section 2).

public class EventType {

    public static final Long ISSUE_CREATED_ID = 1L;
    public static final Long ISSUE_UPDATED_ID = 2L;
    public static final Long ISSUE_ASSIGNED_ID = 3L;
    public static final Long ISSUE_RESOLVED_ID = 4L;
    public static final Long ISSUE_CLOSED_ID = 5L;
    public static final Long ISSUE_COMMENTED_ID = 6L;
    public static final Long ISSUE_REOPENED_ID = 7L;
    public static final Long ISSUE_DELETED_ID = 8L;
    public static final Long ISSUE_MOVED_ID = 9L;
    public static final Long ISSUE_GENERICEVENT_ID = 13L;
}
