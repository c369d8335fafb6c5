package com.atlassian.jira.security.plugin;

// Mirror (compile-only, never packaged). A final value class keyed by a string, from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/security/plugin/ProjectPermissionKey.java; the constants are ProjectPermissions'.

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
