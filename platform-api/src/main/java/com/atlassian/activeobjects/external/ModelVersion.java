package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): ModelVersion.valueOf(String) in
// atlassian-labs/atlassian-slack-integration-server@94c50dc,
// model/ao/upgrade/v1/ProjectConfigurationUpgradeTask001.java. The comparisons (isOlderThan, isNewerThan, isSame,
// compareTo) are not found in public Jira 11 code; best evidence: the ActiveObjects plugin source
// (activeobjects-plugin .../external/ModelVersion.java) and the AO upgrade guide (developer.atlassian.com, "Upgrading
// your plugin and handling data model updates"): valueOf(null) is version 0; versions compare as integers. A value
// type: the embedded database's upgrade runner compares versions at run time, so unlike the mirror's interfaces it
// keeps its (trivial) integer semantics.

public final class ModelVersion implements Comparable<ModelVersion> {

    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    public static ModelVersion valueOf(String s) {
        return new ModelVersion(s == null ? 0 : Integer.parseInt(s));
    }

    @Override
    public int compareTo(ModelVersion other) {
        return Integer.compare(version, other.version);
    }

    public boolean isOlderThan(ModelVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isNewerThan(ModelVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isSame(ModelVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelVersion that && that.version == version;
    }

    @Override
    public int hashCode() {
        return version;
    }

    @Override
    public String toString() {
        return String.valueOf(version);
    }
}
