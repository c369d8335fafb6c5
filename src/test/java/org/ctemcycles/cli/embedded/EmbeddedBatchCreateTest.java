package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.ctemcycles.testing.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The command line's batch create checks each row as Active Objects' own {@code EntityManager.create(type, rows)}
 * does (its messages built only on failure, ADR 035): an unknown field, a null or blank non-null field, a missing
 * required field and a value of the wrong type are refused, with nothing of the batch written; good rows are written
 * with every value, nulls included, exactly as AO's own batch insert writes them: on H2 by a JDBC batch, on
 * PostgreSQL by COPY (ADR 043), whose text format must carry every character a report can hold.
 */
@RunWith(Parameterized.class)
public class EmbeddedBatchCreateTest {

    /** A table with a required field, a non-null one with a default, a nullable text and a number. */
    @Table("GADGET")
    public interface Gadget extends Entity {
        @NotNull
        @StringLength(32)
        String getName();

        void setName(String name);

        @StringLength(32)
        String getNote();

        void setNote(String note);

        long getSize();

        void setSize(long size);
    }

    /** A value of every kind the app stores, for comparing the two write paths. */
    @Table("WIDGET")
    public interface Widget extends Entity {
        @StringLength(StringLength.UNLIMITED)
        String getText();

        void setText(String text);

        @StringLength(64)
        String getLabel();

        void setLabel(String label);

        long getCount();

        void setCount(long count);

        int getSmall();

        void setSmall(int small);

        boolean isFlag();

        void setFlag(boolean flag);

        double getRatio();

        void setRatio(double ratio);
    }

    /** A table whose note is unique: a batch repeating one is refused by the database. */
    @Table("BADGE")
    public interface Badge extends Entity {
        @NotNull
        @StringLength(32)
        String getName();

        void setName(String name);

        @Unique
        @StringLength(32)
        String getNote();

        void setNote(String note);
    }

    /** A table with a date: COPY does not carry a date, so on PostgreSQL its rows take the batch INSERT too. */
    @Table("STAMP")
    public interface Stamp extends Entity {
        @StringLength(32)
        String getName();

        void setName(String name);

        java.util.Date getAt();

        void setAt(java.util.Date at);
    }

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;

    public EmbeddedBatchCreateTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void open() {
        opened = database.open(new EmbeddedDatabase.Options(List.of(Gadget.class, Widget.class, Badge.class,
                Stamp.class), List.of(), UnaryOperator.identity()));
        ao = opened.database().activeObjects();
    }

    @After
    public void close() throws Exception {
        opened.close();
    }

    @Test
    public void goodRowsAreWrittenWithEveryValue() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("NAME", "gadget " + i);
            row.put("SIZE", (long) i);
            if (i % 2 == 0) {
                row.put("NOTE", "even");
            }
            rows.add(row);
        }
        ao.executeInTransaction(() -> {
            ao.create(Gadget.class, rows);
            return null;
        });
        assertEquals(2_500, ao.count(Gadget.class));
        Gadget seven = ao.find(Gadget.class, "NAME = ?", "gadget 7")[0];
        assertEquals(7L, seven.getSize());
        assertNull(seven.getNote());
        assertEquals("even", ao.find(Gadget.class, "NAME = ?", "gadget 8")[0].getNote());
        // on H2 the rows go several to a statement and the last few to one of their own (ADR 053): every row is
        // written, in the order given, whichever statement carried it
        Gadget[] written = ao.find(Gadget.class, net.java.ao.Query.select().order("ID ASC"));
        for (int i = 0; i < 2_500; i++) {
            assertEquals("gadget " + i, written[i].getName());
            assertEquals(i, written[i].getSize());
            assertEquals(i % 2 == 0 ? "even" : null, written[i].getNote());
        }
    }

    @Test
    public void rowsCopyCannotCarryAreWrittenManyAStatementInTheirOrder() {
        // 1,000 values a statement over two columns: 500 rows a statement, then the last 100 in one of their own
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            rows.add(row("NAME", "stamp " + i, "AT", i % 7 == 0 ? null : new java.util.Date(1_700_000_000_000L + i)));
        }
        ao.executeInTransaction(() -> {
            ao.create(Stamp.class, rows);
            return null;
        });
        Stamp[] written = ao.find(Stamp.class, net.java.ao.Query.select().order("ID ASC"));
        assertEquals(1_100, written.length);
        for (int i = 0; i < 1_100; i++) {
            assertEquals("stamp " + i, written[i].getName());
            assertEquals("row " + i, i % 7 == 0 ? null : 1_700_000_000_000L + i,
                    written[i].getAt() == null ? null : written[i].getAt().getTime());
        }
    }

    @Test
    public void everyKindOfValueIsWrittenAsActiveObjectsOwnBatchInsertWritesIt() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("TEXT", i < HARD_TEXTS.size() ? HARD_TEXTS.get(i) : i % 5 == 0 ? null
                    : "évidence " + i + " ".repeat(i) + "\u2603".repeat(i % 3));
            row.put("LABEL", i % 7 == 0 ? "" : "label-" + i);
            row.put("COUNT", i * 1_000_000_007L);
            row.put("SMALL", i);
            row.put("FLAG", i % 3 == 0);
            row.put("RATIO", i == 11 ? 1e-7 : i == 12 ? -0.0 : i == 13 ? 3.0e38 : i == 14 ? -2.5e-10 : i / 7.0);
            rows.add(row);
        }
        ao.executeInTransaction(() -> {
            ao.create(Widget.class, rows);
            return null;
        });
        opened.database().entityManager().create(Widget.class, rows);
        Widget[] written = ao.find(Widget.class, net.java.ao.Query.select().order("ID ASC"));
        assertEquals(80, written.length);
        for (int i = 0; i < 40; i++) {
            Widget ours = written[i];
            Widget aos = written[40 + i];
            String at = "row " + i;
            assertEquals(at, aos.getText(), ours.getText());
            assertEquals(at, aos.getLabel(), ours.getLabel());
            assertEquals(at, aos.getCount(), ours.getCount());
            assertEquals(at, aos.getSmall(), ours.getSmall());
            assertEquals(at, aos.isFlag(), ours.isFlag());
            // bit for bit: a tolerance of 0.0 would take -0.0 for 0.0
            assertEquals(at, Double.doubleToLongBits(aos.getRatio()), Double.doubleToLongBits(ours.getRatio()));
            assertEquals(at, rows.get(i).get("TEXT"), ours.getText());
            assertEquals(at, rows.get(i).get("COUNT"), ours.getCount());
        }
    }

    /**
     * Texts COPY's text format would misread unescaped: its delimiter, row ends, its escape character and what an
     * escape looks like, its null marker and end-of-data marker as data, and characters outside the basic plane.
     */
    private static final List<String> HARD_TEXTS = List.of("", "a\tb", "line 1\nline 2", "crlf\r\n", "C:\\temp\\new",
            "\\N", "\\.", "\\.\n\\.", "ends with a backslash \\", "\\t is not a tab", "emoji \uD83D\uDD12 and \u00e9",
            "<script>alert('x')</script> \"quoted\"", "\t\t", "  leading and trailing  ");

    @Test
    public void aLargeBatchIsWrittenWholeWhateverItsSize() {
        List<Map<String, Object>> rows = new ArrayList<>();
        String large = "evidence \\ with\ttabs\n".repeat(20_000);
        for (int i = 0; i < 600; i++) {
            rows.add(row("TEXT", i % 100 == 0 ? large + i : "row " + i, "LABEL", "l" + i, "COUNT", (long) i,
                    "SMALL", i, "FLAG", true, "RATIO", 0.5));
        }
        ao.executeInTransaction(() -> {
            ao.create(Widget.class, rows);
            return null;
        });
        Widget[] written = ao.find(Widget.class, net.java.ao.Query.select().order("ID ASC"));
        assertEquals(600, written.length);
        for (int i = 0; i < 600; i++) {
            assertEquals("row " + i, rows.get(i).get("TEXT"), written[i].getText());
            assertEquals("row " + i, (long) i, written[i].getCount());
        }
    }

    @Test
    public void aBatchThatBreaksAUniqueKeyFailsWithTheUniqueViolationsState() {
        List<Map<String, Object>> rows = List.of(row("NAME", "one", "NOTE", "a"), row("NAME", "two", "NOTE", "a"));
        try {
            ao.executeInTransaction(() -> {
                ao.create(Badge.class, rows);
                return null;
            });
            fail("a duplicate key was written");
        } catch (RuntimeException e) {
            java.sql.SQLException cause = sqlCause(e);
            assertEquals(String.valueOf(cause), "23505", cause == null ? null : cause.getSQLState());
        }
        assertEquals("the transaction rolled back whole", 0, ao.count(Badge.class));
    }

    private static java.sql.SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    @Test
    public void anUnknownFieldIsRefusedNamingIt() {
        refused(row("NAME", "a", "COLOUR", "red"), "Entity " + Gadget.class.getName() + " does not have field COLOUR");
    }

    @Test
    public void aNullOrBlankNonNullFieldIsRefused() {
        refused(row("NAME", null), "Cannot set non-null field NAME to null");
        refused(row("NAME", "  "), "Cannot set non-null String field NAME to blank");
    }

    @Test
    public void aMissingRequiredFieldIsRefusedNamingIt() {
        refused(row("NOTE", "no name"), "The following required fields were not set when trying to create entity '"
                + Gadget.class.getName() + "': NAME");
    }

    @Test
    public void aValueOfTheWrongTypeIsRefused() {
        refused(row("NAME", "a", "SIZE", "large"), "");
    }

    @Test
    public void aValueOfTheWrongTypeIsRefusedAfterGoodValuesOfTheSameField() {
        refused(row("NAME", "a", "SIZE", 1L, "NOTE", "b"), row("NAME", "b", "SIZE", "large"), "");
        refused(row("NAME", "a", "NOTE", "b"), row("NAME", "b", "NOTE", 7L), "");
    }

    /** A good row, then the bad one: the batch is refused whole. */
    private void refused(Map<String, Object> bad, String message) {
        refused(row("NAME", "good"), bad, message);
    }

    private void refused(Map<String, Object> good, Map<String, Object> bad, String message) {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(good, bad));
        try {
            ao.executeInTransaction(() -> {
                ao.create(Gadget.class, rows);
                return null;
            });
            fail("refused: " + bad);
        } catch (RuntimeException e) {
            assertTrue(e + " names " + message, String.valueOf(e.getMessage()).contains(message));
        }
        assertEquals("nothing of the batch is written", 0, ao.count(Gadget.class));
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
