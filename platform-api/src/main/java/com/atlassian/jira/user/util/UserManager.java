package com.atlassian.jira.user.util;

// Mirror (compile-only, never packaged). Only the method this app calls; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/user/util/UserManager.java. Jira 11 apps inject it (jira-multiple-subtasks calls getUserByName).

import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nullable;

public interface UserManager {

    /** The user with this key, or null. */
    ApplicationUser getUserByKey(@Nullable String userKey);
}
