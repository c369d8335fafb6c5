package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Validation" field ({@link CtemField#VALIDATION}). */
public class ValidationFieldType extends CtemTextFieldType {

    @Inject
    public ValidationFieldType(CtemServices services) {
        super(services, CtemField.VALIDATION);
    }
}
