package org.ctemcycles.jira.fields;

import org.ctemcycles.jira.CtemServices;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * A CTEM field whose value is a day (a deadline): a java.util.Date at the start of that day in the record's time
 * zone, as Jira's date fields hold days; its text is the ISO day.
 */
public abstract class CtemDateFieldType extends CtemFieldType<Date> {

    private final ZoneId zone;

    protected CtemDateFieldType(CtemServices services, CtemField field) {
        super(services, field, Date.class);
        this.zone = services.record().clock().getZone();
    }

    CtemDateFieldType(CtemFieldValues values, CtemField field, ZoneId zone) {
        super(values, field, Date.class);
        this.zone = zone;
    }

    @Override
    protected String text(Date value) {
        return LocalDate.ofInstant(value.toInstant(), zone).toString();
    }

    @Override
    protected Date parse(String text) {
        return Date.from(LocalDate.parse(text).atStartOfDay(zone).toInstant());
    }
}
