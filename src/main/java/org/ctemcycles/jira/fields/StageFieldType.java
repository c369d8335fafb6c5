package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Stage" field ({@link CtemField#STAGE}). */
public class StageFieldType extends CtemTextFieldType {

    @Inject
    public StageFieldType(CtemServices services) {
        super(services, CtemField.STAGE);
    }
}
