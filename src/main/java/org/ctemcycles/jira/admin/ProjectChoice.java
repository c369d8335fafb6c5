package org.ctemcycles.jira.admin;

import com.atlassian.jira.project.Project;

/**
 * A Jira project the cycles page offers for a new cycle, as plain text for Velocity: templates read the app's own
 * views (each getter on the velocity allowlist), never Jira's project objects.
 */
public final class ProjectChoice {

    private final String key;
    private final String name;

    ProjectChoice(Project project) {
        this.key = project.getKey();
        this.name = project.getName();
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }
}
