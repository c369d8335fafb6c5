package com.atlassian.jira.permission;

// Mirror (compile-only, never packaged). Only the constants this app names; checked against turgaycelik/mysource
// (jira-api .../jira/permission/GlobalPermissionKey.java): a final class with ADMINISTER and SYSTEM_ADMIN constants.

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
