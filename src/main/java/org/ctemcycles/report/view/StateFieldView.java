package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.StateText;

import java.util.List;

/**
 * One field of a log entry's recorded before or after state, as the report shows it: {@code name: value}, a value of
 * several lines kept in lines. A state that is not in the log's own format shows as one field without a name.
 */
public final class StateFieldView {

    private final StateText.Field field;

    StateFieldView(StateText.Field field) {
        this.field = field;
    }

    static List<StateFieldView> of(String state) {
        return StateText.fields(state).stream().map(StateFieldView::new).toList();
    }

    /** The field's name, "" for a state not in the log's format. */
    public String getName() {
        return field.name();
    }

    public String getValue() {
        return field.value().stripTrailing();
    }
}
