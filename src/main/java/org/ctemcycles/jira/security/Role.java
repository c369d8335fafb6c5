package org.ctemcycles.jira.security;

import java.util.EnumSet;
import java.util.Set;

/** The roles a user can hold in a cycle, and what each may do to it (docs/permissions.md has the table). */
public enum Role {
    ADMINISTRATOR(EnumSet.allOf(CycleAccess.class)),
    SECURITY_LEAD(EnumSet.allOf(CycleAccess.class)),
    AUDITOR(EnumSet.of(CycleAccess.VIEW, CycleAccess.READ_WORK, CycleAccess.READ_EVIDENCE)),
    ENGINEER(EnumSet.of(CycleAccess.VIEW, CycleAccess.READ_WORK));

    private final Set<CycleAccess> grants;

    Role(Set<CycleAccess> grants) {
        this.grants = grants;
    }

    public boolean grants(CycleAccess access) {
        return grants.contains(access);
    }
}
