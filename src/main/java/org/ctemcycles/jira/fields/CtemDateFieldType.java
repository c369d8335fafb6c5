package org.ctemcycles.jira.fields;

import org.ctemcycles.jira.CtemServices;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * A CTEM field whose value is a day (a deadline): a java.util.Date at the start of that day in the JVM's time zone,
 * as Jira's date picker fields hold days, since Jira's date range searcher reads a Date back as a day in that zone
 * (Jira's {@code LocalDateFactory.from(Date)}: "interpreting the Date in the system (JVM) timezone"; docs/adr/104).
 * Its text is the ISO day.
 */
public abstract class CtemDateFieldType extends CtemFieldType<Date> {

    private final ZoneId zone;

    /** @param zone the zone Jira's date searcher reads days in: the JVM's ({@link ZoneId#systemDefault()}) */
    protected CtemDateFieldType(CtemServices services, CtemField field, ZoneId zone) {
        super(services, field, Date.class);
        this.zone = zone;
    }

    /** The record's day at its start in {@link #zone}. */
    @Override
    protected Date toValue(Object recordValue) {
        return Date.from(((LocalDate) recordValue).atStartOfDay(zone).toInstant());
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
