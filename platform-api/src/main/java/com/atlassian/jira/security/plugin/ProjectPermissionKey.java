package com.atlassian.jira.security.plugin;

// Mirror (compile-only, never packaged). Not found by name in public Jira 11 code: Jira 11 apps reach it through
// ProjectPermissions' constants (codescape/jira-scrum-poker@bb652fd, helper/ScrumPokerPermissions.java). A final
// value class keyed by a string, from the Jira 6 jira-api source in turgaycelik/mysource@44f29e3
// (.../jira/security/plugin/ProjectPermissionKey.java).

import javax.annotation.Nonnull;

public final class ProjectPermissionKey {

    private final String permissionKey;

    public ProjectPermissionKey(@Nonnull String permissionKey) {
        this.permissionKey = permissionKey;
    }

    public String permissionKey() {
        return permissionKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectPermissionKey key && key.permissionKey.equals(permissionKey);
    }

    @Override
    public int hashCode() {
        return permissionKey.hashCode();
    }

    @Override
    public String toString() {
        return permissionKey;
    }
}
