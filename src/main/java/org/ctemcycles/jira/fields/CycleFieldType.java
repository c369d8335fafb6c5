package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Cycle" field ({@link CtemField#CYCLE}). */
public class CycleFieldType extends CtemTextFieldType {

    @Inject
    public CycleFieldType(CtemServices services) {
        super(services, CtemField.CYCLE);
    }
}
