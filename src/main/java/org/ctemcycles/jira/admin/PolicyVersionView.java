package org.ctemcycles.jira.admin;

import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.jira.PolicyVersions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the prioritisation policy for the configuration page: its number, policy id, who saved it and when
 * (nothing for version 1, the default policy), and its diff to the version before, field by field.
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

    public String getId() {
        return version.policy().id();
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
        if (version.change() == null) {
            return List.of();
        }
        Map<String, String> before = new LinkedHashMap<>();
        StateText.fields(version.change().before()).forEach(f -> before.put(f.name(), f.value()));
        List<PolicyFieldChange> changes = new ArrayList<>();
        for (StateText.Field after : StateText.fields(version.change().after())) {
            changes.add(new PolicyFieldChange(after.name(), before.getOrDefault(after.name(), ""), after.value()));
        }
        return changes;
    }
}
