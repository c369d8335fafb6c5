package org.ctemcycles.cli;

import org.junit.Test;

import java.time.LocalDate;

import static org.junit.Assert.assertEquals;

/** The demo's quarter follows today, and the sample data's dates move with it, whatever their format. */
public class DemoCalendarTest {

    @Test
    public void theDemoRunsInTheLastCompleteQuarterBeforeToday() {
        DemoCalendar calendar = DemoCalendar.before(LocalDate.parse("2026-11-28"));
        assertEquals("CTEM-2026-Q3", calendar.cycleKey());
        assertEquals(LocalDate.parse("2026-07-01"), calendar.start());
        assertEquals(LocalDate.parse("2026-09-30"), calendar.end());
        assertEquals("CTEM-2026-Q4", calendar.nextCycleKey());
        assertEquals(LocalDate.parse("2026-12-31"), calendar.nextEnd());
        DemoCalendar newYear = DemoCalendar.before(LocalDate.parse("2027-01-01"));
        assertEquals("CTEM-2026-Q4", newYear.cycleKey());
        assertEquals("CTEM-2027-Q1", newYear.nextCycleKey());
        assertEquals("the first day of a quarter: the one before is complete", "CTEM-2027-Q1",
                DemoCalendar.before(LocalDate.parse("2027-04-01")).cycleKey());
        assertEquals(LocalDate.parse("2027-03-31"), DemoCalendar.before(LocalDate.parse("2027-05-20")).end());
    }

    @Test
    public void datesOfTheSampleQuarterMoveAndOthersStay() {
        DemoCalendar q1 = DemoCalendar.before(LocalDate.parse("2027-05-20"));
        assertEquals("2027-01-06", q1.day("2026-10-06"));
        assertEquals("a CVE's publication stays", "2024-07-01", q1.day("2024-07-01"));
        assertEquals("nessus-authenticated-2027-01-06.nessus", q1.shift("nessus-authenticated-2026-10-06.nessus"));
        assertEquals("\"CreatedAt\": \"2027-01-07T06:30:12Z\", \"PublishedDate\": \"2024-07-01T13:15:10Z\"",
                q1.shift("\"CreatedAt\": \"2026-10-07T06:30:12Z\", \"PublishedDate\": \"2024-07-01T13:15:10Z\""));
        assertEquals("Nessus: weekday and padding follow the day", "<tag>Wed Jan  6 09:12:44 2027</tag>",
                q1.shift("<tag>Mon Oct  6 09:12:44 2026</tag>"));
        assertEquals("\"@generated\": \"Fri, 8 Jan 2027 10:02:11\"",
                q1.shift("\"@generated\": \"Wed, 8 Oct 2026 10:02:11\""));
        assertEquals("not a date, left alone", "1234-56-78", q1.shift("1234-56-78"));
    }
}
