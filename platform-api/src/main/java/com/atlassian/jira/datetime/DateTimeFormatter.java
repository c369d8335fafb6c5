package com.atlassian.jira.datetime;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: withStyle(DateTimeStyle) and
// format(Date) on the formatter for the logged-in user in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java,
// rest/mapper/SessionEntityMapper.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc (model/mentions/IssueMentionViewResponseFactory.java).
// forUser(ApplicationUser) is UNVERIFIED on Jira 11 (the apps use forLoggedInUser); best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/datetime/DateTimeFormatter.html).

import com.atlassian.jira.user.ApplicationUser;

import java.util.Date;

public interface DateTimeFormatter {

    DateTimeFormatter forUser(ApplicationUser user);

    DateTimeFormatter withStyle(DateTimeStyle style);

    String format(Date date);
}
