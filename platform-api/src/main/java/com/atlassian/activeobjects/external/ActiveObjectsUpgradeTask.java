package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Checked against the public ActiveObjects plugin source
// (activeobjects-plugin .../external/ActiveObjectsUpgradeTask.java) and upgrade tasks of public Jira apps
// (e.g. kadzielawa/teamer-plugin-jira, src/main/java/.../upgrade/v11/ProjectUpgradeTask011.java).

public interface ActiveObjectsUpgradeTask {

    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
