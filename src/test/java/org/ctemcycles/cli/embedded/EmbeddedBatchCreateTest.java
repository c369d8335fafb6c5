package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The command line's batch create checks each row as Active Objects' own {@code EntityManager.create(type, rows)}
 * does (its messages built only on failure, ADR 035): an unknown field, a null or blank non-null field, a missing
 * required field and a value of the wrong type are refused, with nothing of the batch written; good rows are written
 * with every value, nulls included.
 */
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

    private EmbeddedDatabase db;
    private ActiveObjects ao;

    @Before
    public void open() {
        db = EmbeddedDatabase.open("jdbc:h2:mem:batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                "PUBLIC", new EmbeddedDatabase.Options(List.of(Gadget.class, Widget.class), List.of(), UnaryOperator.identity()));
        ao = db.activeObjects();
    }

    @After
    public void close() {
        db.close();
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
    }

    @Test
    public void everyKindOfValueIsWrittenAsActiveObjectsOwnBatchInsertWritesIt() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("TEXT", i % 5 == 0 ? null : "évidence " + i + " ".repeat(i) + "\u2603".repeat(i % 3));
            row.put("LABEL", i % 7 == 0 ? "" : "label-" + i);
            row.put("COUNT", i * 1_000_000_007L);
            row.put("SMALL", i);
            row.put("FLAG", i % 3 == 0);
            row.put("RATIO", i / 7.0);
            rows.add(row);
        }
        ao.executeInTransaction(() -> {
            ao.create(Widget.class, rows);
            return null;
        });
        db.entityManager().create(Widget.class, rows);
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
            assertEquals(at, aos.getRatio(), ours.getRatio(), 0.0);
            assertEquals(at, rows.get(i).get("TEXT"), ours.getText());
            assertEquals(at, rows.get(i).get("COUNT"), ours.getCount());
        }
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
