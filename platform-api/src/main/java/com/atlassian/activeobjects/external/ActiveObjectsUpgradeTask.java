package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): atlassian-labs/atlassian-slack-integration-server@94c50dc,
// model/ao/upgrade/v1/ProjectConfigurationUpgradeTask001.java implements it (getModelVersion, upgrade(ModelVersion,
// ActiveObjects)).

public interface ActiveObjectsUpgradeTask {

    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
