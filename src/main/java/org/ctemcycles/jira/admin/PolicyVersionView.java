package org.ctemcycles.jira.admin;

import org.ctemcycles.jira.PolicyVersions;

import java.util.List;

/**
 * One version of the prioritisation policy for the configuration page: its number, policy id, who saved it and when
 * (nothing for version 1, the default policy), and its diff to the version before, field by field; or, when its
 * log entry cannot be read, where that entry is (position and hash) and why.
 */
public final class PolicyVersionView {

    private final PolicyVersions.Version version;
    private final boolean current;
    private final boolean shown;

    PolicyVersionView(PolicyVersions.Version version, boolean current, boolean shown) {
        this.version = version;
        this.current = current;
        this.shown = shown;
    }

    public int getNumber() {
        return version.number();
    }

    /** The policy's id ("" when the version cannot be read). */
    public String getId() {
        return version.readable() ? version.policy().id() : "";
    }

    /** Whether its log entry reads as a policy; when not, the page shows where the entry is and why. */
    public boolean isReadable() {
        return version.readable();
    }

    /** Why it cannot be read ("" when it can). */
    public String getProblem() {
        return version.problem();
    }

    /** Its entry's position in the configuration's chain ("" for version 1). */
    public String getSequence() {
        return version.change() == null ? "" : Long.toString(version.change().sequence());
    }

    /** Its entry's hash, as the chain holds it ("" for version 1). */
    public String getHash() {
        return version.change() == null ? "" : version.change().hash();
    }

    /** When it was saved ("" for the default policy). */
    public String getAt() {
        return version.change() == null ? "" : version.change().at().toString();
    }

    /** Who saved it ("" for the default policy). */
    public String getActor() {
        return version.change() == null ? "" : version.change().actor();
    }

    /** Whether it is the version in use. */
    public boolean isCurrent() {
        return current;
    }

    /** Whether the page shows its diff. */
    public boolean isShown() {
        return shown;
    }

    /** How many fields it changed. */
    public int getChangedCount() {
        return getChanges().size();
    }

    /** The fields it changed, each with its value in the version before and in this one (JSON values). */
    public List<PolicyFieldChange> getChanges() {
        return version.changes().stream().map(c -> new PolicyFieldChange(c.field(), c.before(), c.after())).toList();
    }
}
