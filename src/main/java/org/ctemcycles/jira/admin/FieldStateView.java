package org.ctemcycles.jira.admin;

import org.ctemcycles.jira.fields.CtemFields;

import java.util.Locale;

/** One CTEM custom field's state as the configuration page shows it (templates/admin/configuration.vm). */
public final class FieldStateView {

    private final CtemFields.FieldState state;

    FieldStateView(CtemFields.FieldState state) {
        this.state = state;
    }

    public String getName() {
        return state.field().fieldName();
    }

    /** The i18n key of how Jira searches and sorts the field: as a number, a date or a text. */
    public String getKindKey() {
        return "ctem.config.fields.kind." + state.field().kind().name().toLowerCase(Locale.ROOT);
    }

    /** Jira's id of the field (customfield_NNNNN), or null while it is missing. */
    public String getFieldId() {
        return state.fieldId();
    }

    /** present, found, missing, type-not-enabled, ... */
    public String getState() {
        return state.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The i18n key of {@link #getState()}. */
    public String getStateKey() {
        return "ctem.config.fields.state." + getState();
    }

    /** locked, unlocked, none (no field), failed: Jira's managed-configuration lock of the field. */
    public String getLock() {
        return state.lock().name().toLowerCase(Locale.ROOT);
    }

    /** The i18n key of {@link #getLock()}. */
    public String getLockKey() {
        return "ctem.config.fields.lock." + getLock();
    }

    /** Whether nobody may edit the field in Jira's administration. */
    public boolean isLocked() {
        return state.lock() == CtemFields.Lock.LOCKED;
    }

    /** Whether the field is there as the app recorded it. */
    public boolean isPresent() {
        return state.state() == CtemFields.State.PRESENT;
    }
}
