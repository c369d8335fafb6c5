package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The CTEM fields at the level Jira's searchers and indexers meet them, on a real database (H2 and PostgreSQL): the
 * typed value each field type hands Jira for a mobilised issue (a Double for the number searcher, a Date, a String
 * for the text searcher), nothing for an issue no finding was mobilised into, sorting by number and by date (not as
 * text), and a fixed number of SQL statements per field whatever the cycle's size.
 */
@RunWith(Parameterized.class)
public class CtemFieldsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;

    public CtemFieldsTest(TestDatabase database) {
        this.database = database;
    }

    /** Every field type as Jira constructs it (one module each in atlassian-plugin.xml). */
    static Map<CtemField, CtemFieldType<?>> types(CtemServices services) {
        Map<CtemField, CtemFieldType<?>> types = new EnumMap<>(CtemField.class);
        for (CtemFieldType<?> type : List.of(new CycleFieldType(services), new StageFieldType(services),
                new RankFieldType(services), new ScoreFieldType(services), new TierFieldType(services),
                new DeadlineFieldType(services), new KevFieldType(services), new StatusFieldType(services),
                new ValidationFieldType(services))) {
            types.put(type.field(), type);
        }
        assertEquals("a type for every field", CtemField.values().length, types.size());
        return types;
    }

    private static final class Scenario {
        final List<String> queue;
        final RegisterEntry log4shell;
        final RegisterEntry second;

        Scenario(FieldsRig rig, int others) throws Exception {
            queue = rig.discoverAndRank(others);
            rig.clock.setDay("2026-10-12");
            rig.services.record().validation().record(FieldsRig.CYCLE, queue.get(0), new ValidationDraft(
                    "exploit-reproduction", "exploitable-confirmed", "reproduced", List.of("PT-7")), rig.lead);
            log4shell = rig.mobilise(queue.get(0), "2026-11-30");
            second = rig.mobilise(queue.get(1), "2026-11-15");
        }
    }

    @Test
    public void eachFieldHandsJiraTheRecordsValueOfAMobilisedIssueTyped() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            Scenario scenario = new Scenario(rig, 3);
            Map<CtemField, CtemFieldType<?>> types = types(rig.services);
            Issue issue = rig.issueOf(scenario.log4shell);
            Map<CtemField, Object> values = new EnumMap<>(CtemField.class);
            types.forEach((field, type) -> values.put(field, type.getValueFromIssue(null, issue)));

            assertEquals(FieldsRig.CYCLE, values.get(CtemField.CYCLE));
            assertEquals("scoping", values.get(CtemField.STAGE));
            assertEquals(1.0, values.get(CtemField.RANK));
            double score = rig.services.record().queue().queue(FieldsRig.CYCLE).get(0).scorePoints().doubleValue();
            assertTrue("a KEV finding scores high: " + score, score > 50);
            assertEquals(score, values.get(CtemField.SCORE));
            assertEquals("critical", values.get(CtemField.TIER));
            assertEquals("the register's deadline, the day at its start in the JVM's zone (as Jira reads days)",
                    Date.from(LocalDate.parse("2026-11-30").atStartOfDay(ZoneId.systemDefault()).toInstant()),
                    values.get(CtemField.DEADLINE));
            assertEquals("yes", values.get(CtemField.KEV));
            assertEquals(CtemFieldValues.code(rig.services.record().mobilisation().entry(FieldsRig.CYCLE,
                    scenario.log4shell.findingKey()).status()), values.get(CtemField.STATUS));
            assertEquals("exploitable-confirmed", values.get(CtemField.VALIDATION));

            // the other mobilised issue: its own rank, not in KEV, never validated
            Issue other = rig.issueOf(scenario.second);
            assertEquals(2.0, types.get(CtemField.RANK).getValueFromIssue(null, other));
            assertEquals("no", types.get(CtemField.KEV).getValueFromIssue(null, other));
            assertNull(types.get(CtemField.VALIDATION).getValueFromIssue(null, other));
            // the value types Jira's searchers index
            assertEquals(Double.class, values.get(CtemField.RANK).getClass());
            assertEquals(Date.class, values.get(CtemField.DEADLINE).getClass());
            assertEquals(String.class, values.get(CtemField.TIER).getClass());
        }
    }

    @Test
    public void anIssueNoFindingWasMobilisedIntoHasNoValue() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            new Scenario(rig, 3);
            Issue unrelated = mock(Issue.class);
            when(unrelated.getId()).thenReturn(999_999L);
            when(unrelated.getKey()).thenReturn("SEC-999");
            types(rig.services).forEach((field, type) ->
                    assertNull(field.name(), type.getValueFromIssue(null, unrelated)));
            types(rig.services).forEach((field, type) -> assertNull(field.name(), type.getValueFromIssue(null, null)));
        }
    }

    @Test
    public void numbersAndDatesSortByValueNotAsText() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            Map<CtemField, CtemFieldType<?>> types = types(rig.services);
            RankFieldType rank = (RankFieldType) types.get(CtemField.RANK);
            List<Double> ranks = new ArrayList<>(List.of(10.0, 2.0, 1.0, 20.0));
            ranks.sort((a, b) -> rank.compare(a, b, null));
            assertEquals(List.of(1.0, 2.0, 10.0, 20.0), ranks);
            // as text, "10" would sort before "2"
            assertTrue(rank.getStringFromSingularObject(10.0).compareTo(rank.getStringFromSingularObject(2.0)) < 0);

            DeadlineFieldType deadline = (DeadlineFieldType) types.get(CtemField.DEADLINE);
            List<Date> days = new ArrayList<>();
            for (String day : List.of("2027-01-05", "2026-12-24", "2026-11-30")) {
                days.add(deadline.getSingularObjectFromString(day));
            }
            days.sort((a, b) -> deadline.compare(a, b, null));
            assertEquals(List.of("2026-11-30", "2026-12-24", "2027-01-05"),
                    days.stream().map(deadline::getStringFromSingularObject).toList());
            try {
                deadline.getSingularObjectFromString("30/11/2026");
                fail("not a day");
            } catch (FieldValidationException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("CTEM Deadline"));
            }
            assertEquals("87.5", ((ScoreFieldType) types.get(CtemField.SCORE)).getStringFromSingularObject(87.5));
            assertEquals((Object) 87.5, ((ScoreFieldType) types.get(CtemField.SCORE)).getSingularObjectFromString("87.5"));
        }
    }

    @Test
    public void mobilisedIssuesSortInQueueOrderByRankAndByDeadline() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            Scenario scenario = new Scenario(rig, 3);
            Map<CtemField, CtemFieldType<?>> types = types(rig.services);
            List<Issue> issues = new ArrayList<>(List.of(rig.issueOf(scenario.second),
                    rig.issueOf(scenario.log4shell)));
            RankFieldType rank = (RankFieldType) types.get(CtemField.RANK);
            issues.sort(Comparator.comparing((Issue i) -> rank.getValueFromIssue(null, i),
                    (a, b) -> rank.compare(a, b, null)));
            assertEquals(scenario.log4shell.trackerIssueId(), issues.get(0).getId().toString());
            DeadlineFieldType deadline = (DeadlineFieldType) types.get(CtemField.DEADLINE);
            issues.sort(Comparator.comparing((Issue i) -> deadline.getValueFromIssue(null, i),
                    (a, b) -> deadline.compare(a, b, null)));
            assertEquals("2026-11-15 before 2026-11-30", scenario.second.trackerIssueId(),
                    issues.get(0).getId().toString());
        }
    }

    /**
     * {@code "CTEM Deadline" < now()} as Jira's date range searcher answers it: it indexes the Date the type hands
     * it as the day that Date falls on in the JVM's zone and compares those days with now. Past its deadline is
     * exactly the issue whose day is before today; the day is the register's in any zone Jira runs in.
     */
    @Test
    public void theDeadlineIsTheDayJirasDateSearcherReadsAndComparesWithNow() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            Scenario scenario = new Scenario(rig, 3);
            Issue log4shell = rig.issueOf(scenario.log4shell);
            Issue second = rig.issueOf(scenario.second);
            for (String zoneName : List.of("UTC", "America/New_York", "Asia/Tokyo")) {
                ZoneId zone = ZoneId.of(zoneName);
                DeadlineFieldType deadline = new DeadlineFieldType(rig.services, zone);
                Date value = deadline.getValueFromIssue(null, log4shell);
                assertEquals(zoneName, Date.from(LocalDate.parse("2026-11-30").atStartOfDay(zone).toInstant()), value);
                assertEquals(zoneName, LocalDate.parse("2026-11-30"), LocalDate.ofInstant(value.toInstant(), zone));
                assertEquals(zoneName, "2026-11-30", deadline.getStringFromSingularObject(value));

                rig.clock.setDay("2026-11-20");
                LocalDate today = LocalDate.ofInstant(rig.clock.instant(), zone);
                List<Issue> overdue = new ArrayList<>();
                for (Issue issue : List.of(log4shell, second)) {
                    LocalDate day = LocalDate.ofInstant(deadline.getValueFromIssue(null, issue).toInstant(), zone);
                    if (day.isBefore(today)) {
                        overdue.add(issue);
                    }
                }
                assertEquals(zoneName + ": only the issue due 2026-11-15 is past its deadline on 2026-11-20",
                        List.of(second), overdue);
                rig.clock.setDay("2026-10-12");
            }
        }
    }

    /** Each field's statements for one issue, in field order. */
    private static List<Integer> statementsPerField(FieldsRig rig, Issue issue) {
        List<Integer> counts = new ArrayList<>();
        types(rig.services).forEach((field, type) -> {
            rig.counting.reset();
            assertTrue(field.name(), type.getValueFromIssue(null, issue) != null);
            counts.add(rig.counting.count());
        });
        return counts;
    }

    @Test
    public void eachFieldCostsTheSameStatementsForASmallAndALargeCycle() throws Exception {
        List<Integer> small;
        List<String> smallSql;
        try (FieldsRig rig = new FieldsRig(database)) {
            Scenario scenario = new Scenario(rig, 3);
            small = statementsPerField(rig, rig.issueOf(scenario.log4shell));
            smallSql = rig.counting.statements();
        }
        List<Integer> large;
        try (FieldsRig rig = new FieldsRig(database)) {
            Scenario scenario = new Scenario(rig, 300);
            large = statementsPerField(rig, rig.issueOf(scenario.log4shell));
        }
        assertEquals("statements per field (" + List.of(CtemField.values()) + ")", small, large);
        int all = small.stream().mapToInt(Integer::intValue).sum();
        // a field that reads the finding also reads its last sighting (its newest signal, one indexed query); the
        // issue's entry is its tracker link, then the entry by key (ADR 054)
        assertTrue("each field at most 8 statements: " + small + " " + smallSql,
                small.stream().allMatch(n -> n <= 8));
        assertTrue("all nine fields of an issue at most 50: " + all, all <= 50);
        System.out.printf("[ctem] %s CTEM fields: statements per field %s (%d for all %d fields of an issue),"
                + " for 4 and for 301 findings%n", database, small, all, small.size());
    }
}
