package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Register Status" field ({@link CtemField#STATUS}). */
public class StatusFieldType extends CtemTextFieldType {

    @Inject
    public StatusFieldType(CtemServices services) {
        super(services, CtemField.STATUS);
    }
}
