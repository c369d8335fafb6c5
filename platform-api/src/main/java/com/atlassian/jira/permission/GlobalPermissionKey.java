package com.atlassian.jira.permission;

// Mirror (compile-only, never packaged). Only the constants this app names. Jira 11 evidence (scripts/check-mirror;
// the apps and their Jira versions are in platform-api/README.md): ADMINISTER in codescape/jira-scrum-poker@bb652fd
// (helper/UserHasProjectAdministrationPermission.java), codescape/jira-multiple-subtasks@ce71581
// (condition/ProjectAdministrationCondition.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc
// (web/actions/AbstractProjectAction.java); SYSTEM_ADMIN in the same files of jira-scrum-poker and
// jira-multiple-subtasks. The shape (a final class of constants, getKey()) is from the Jira 6 jira-api source in
// turgaycelik/mysource@44f29e3 (.../jira/permission/GlobalPermissionKey.java); getKey() is not found in public Jira
// 11 code.

public final class GlobalPermissionKey {

    public static final GlobalPermissionKey SYSTEM_ADMIN = new GlobalPermissionKey("SYSTEM_ADMIN");
    public static final GlobalPermissionKey ADMINISTER = new GlobalPermissionKey("ADMINISTER");

    private final String key;

    private GlobalPermissionKey(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }
}
