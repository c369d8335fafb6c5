package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

/** The type of the "CTEM Score" field ({@link CtemField#SCORE}). */
public class ScoreFieldType extends CtemNumberFieldType {

    @Inject
    public ScoreFieldType(CtemServices services) {
        super(services, CtemField.SCORE);
    }
}
