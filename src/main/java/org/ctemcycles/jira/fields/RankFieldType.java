package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Rank" field ({@link CtemField#RANK}). */
public class RankFieldType extends CtemNumberFieldType {

    @Inject
    public RankFieldType(CtemServices services) {
        super(services, CtemField.RANK);
    }
}
