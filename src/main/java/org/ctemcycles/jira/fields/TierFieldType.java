package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Tier" field ({@link CtemField#TIER}). */
public class TierFieldType extends CtemTextFieldType {

    @Inject
    public TierFieldType(CtemServices services) {
        super(services, CtemField.TIER);
    }
}
