package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.EntityManager;
import net.java.ao.Query;
import org.ctemcycles.cli.embedded.EmbeddedBatchCreateTest.Gadget;
import org.ctemcycles.cli.embedded.EmbeddedBatchCreateTest.Widget;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The command line's streamed reads ({@link ReadOnlyRows}, ADR 039) give the entities Active Objects' own
 * {@code EntityManager.stream} gives: the same rows in the same order, every kind of value and every NULL read alike,
 * the same defaults for columns not selected, equal to AO's entities (and hashed alike), read-only as AO's are.
 */
public class ReadOnlyRowsTest {

    private EmbeddedDatabase db;
    private ActiveObjects ao;
    private EntityManager em;

    @Before
    public void open() {
        db = EmbeddedDatabase.open("jdbc:h2:mem:rows-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                "PUBLIC", new EmbeddedDatabase.Options(List.of(Gadget.class, Widget.class), List.of(),
                        UnaryOperator.identity()));
        ao = db.activeObjects();
        em = db.entityManager();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("TEXT", i % 5 == 0 ? null : "évidence " + i + "\u2603".repeat(i % 3) + "x".repeat(i * 100));
            row.put("LABEL", i % 7 == 0 ? null : "label-" + i);
            row.put("COUNT", i * 1_000_000_007L);
            row.put("SMALL", -i);
            row.put("FLAG", i % 3 == 0);
            row.put("RATIO", i / 7.0);
            rows.add(row);
        }
        ao.executeInTransaction(() -> {
            ao.create(Widget.class, rows);
            return null;
        });
    }

    @After
    public void close() {
        db.close();
    }

    @Test
    public void theCommandLineStreamsThroughItsOwnReaderNotActiveObjects() {
        assertNotNull("AO 3.2.11's members the reader needs are found (else every stream falls back to AO's)",
                ReadOnlyRows.over(em));
    }

    @Test
    public void everyColumnOfEveryRowIsReadAsActiveObjectsReadsIt() throws SQLException {
        for (Query query : List.of(Query.select(), Query.select("ID, TEXT, LABEL, COUNT, SMALL, FLAG, RATIO"),
                Query.select("ID, LABEL").where("SMALL < ?", -10).order("COUNT DESC"),
                Query.select("ID, COUNT").order("ID ASC").limit(7).offset(3))) {
            List<Widget> ours = ours(query);
            List<Widget> aos = aos(query);
            assertEquals(query.toString(), aos.size(), ours.size());
            for (int i = 0; i < aos.size(); i++) {
                Widget mine = ours.get(i);
                Widget theirs = aos.get(i);
                String at = query + ", row " + i;
                assertEquals(at, theirs.getID(), mine.getID());
                assertEquals(at, theirs.getText(), mine.getText());
                assertEquals(at, theirs.getLabel(), mine.getLabel());
                assertEquals(at, theirs.getCount(), mine.getCount());
                assertEquals(at, theirs.getSmall(), mine.getSmall());
                assertEquals(at, theirs.isFlag(), mine.isFlag());
                assertEquals(at, theirs.getRatio(), mine.getRatio(), 0.0);
                assertEquals(at, theirs, mine);
                assertEquals(at, theirs.hashCode(), mine.hashCode());
                assertEquals(at, theirs.toString(), mine.toString());
            }
        }
    }

    @Test
    public void nullsAndColumnsNotSelectedReadAsActiveObjectsReadsThem() {
        List<Widget> ours = ours(Query.select("ID, TEXT, LABEL").where("SMALL = ?", 0));
        assertEquals(1, ours.size());
        Widget first = ours.get(0);
        assertEquals(null, first.getText());
        assertEquals(null, first.getLabel());
        assertEquals(0L, first.getCount());
        assertEquals(0, first.getSmall());
        assertFalse(first.isFlag());
        Widget aos = aos(Query.select("ID, TEXT, LABEL").where("SMALL = ?", 0)).get(0);
        assertEquals(aos.getCount(), first.getCount());
        assertEquals(aos.isFlag(), first.isFlag());
    }

    @Test
    public void theEntitiesAreReadOnlyAsActiveObjectsOwnAre() {
        Widget ours = ours(Query.select("ID, LABEL").limit(1)).get(0);
        Widget aos = aos(Query.select("ID, LABEL").limit(1)).get(0);
        assertEquals(message(() -> aos.setLabel("changed")), message(() -> ours.setLabel("changed")));
        assertEquals(message(aos::save), message(ours::save));
        assertEquals(Widget.class, ours.getEntityType());
        assertNotNull(ours.getEntityManager());
        Set<Widget> both = new HashSet<>(ours(Query.select()));
        assertTrue("AO's entities are found among ours", both.containsAll(aos(Query.select())));
    }

    @Test
    public void aStreamWithinATransactionSeesItsOwnWrites() {
        List<Integer> seen = new ArrayList<>();
        ao.executeInTransaction(() -> {
            ao.create(Gadget.class, List.of(Map.of("NAME", "new", "SIZE", 3L)));
            ao.stream(Gadget.class, Query.select("ID, NAME, SIZE"), gadget -> seen.add((int) gadget.getSize()));
            return null;
        });
        assertEquals(List.of(3), seen);
    }

    @Test
    public void aFailingQueryFailsAsActiveObjectsOwnStreamFails() {
        try {
            ours(Query.select("ID").where("NO_SUCH_COLUMN = ?", 1));
            fail("a query naming an unknown column is refused");
        } catch (RuntimeException e) {
            assertTrue(e.toString(), e.getMessage().contains("NO_SUCH_COLUMN"));
        }
    }

    private List<Widget> ours(Query query) {
        List<Widget> out = new ArrayList<>();
        ao.stream(Widget.class, query, out::add);
        return out;
    }

    private List<Widget> aos(Query query) {
        List<Widget> out = new ArrayList<>();
        try {
            em.stream(Widget.class, query, out::add);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static String message(Runnable call) {
        try {
            call.run();
            return "no failure";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
