package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Deadline" field ({@link CtemField#DEADLINE}). */
public class DeadlineFieldType extends CtemDateFieldType {

    @Inject
    public DeadlineFieldType(CtemServices services) {
        super(services, CtemField.DEADLINE);
    }
}
