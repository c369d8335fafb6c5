package org.ctemcycles.jira.fields;

import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;

import java.time.ZoneId;

/** The type of the "CTEM Deadline" field ({@link CtemField#DEADLINE}). */
public class DeadlineFieldType extends CtemDateFieldType {

    @Inject
    public DeadlineFieldType(CtemServices services) {
        this(services, ZoneId.systemDefault());
    }

    /** @param zone the zone Jira reads days in (the JVM's; another only in tests) */
    DeadlineFieldType(CtemServices services, ZoneId zone) {
        super(services, CtemField.DEADLINE, zone);
    }
}
