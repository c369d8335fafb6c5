package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM KEV" field ({@link CtemField#KEV}). */
public class KevFieldType extends CtemTextFieldType {

    @Inject
    public KevFieldType(CtemServices services) {
        super(services, CtemField.KEV);
    }
}
