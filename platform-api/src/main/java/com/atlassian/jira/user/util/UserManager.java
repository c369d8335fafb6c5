package com.atlassian.jira.user.util;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): getUserByKey in codescape/jira-scrum-poker@bb652fd
// (rest/mapper/SessionEntityMapper.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc
// (service/listener/SlackEventHandlerService.java).

import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nullable;

public interface UserManager {

    /** The user with this key, or null. */
    ApplicationUser getUserByKey(@Nullable String userKey);
}
