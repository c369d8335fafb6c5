package org.ctemcycles.cli.embedded;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The embedded database's connections (H2's own pool, no server pool): the database stays open while the command
 * holds it, whatever connections come and go, and closing it lets go of the file even when a caller forgot to
 * close a connection.
 */
public class EmbeddedDatabaseTest {

    private Path folder;

    @Before
    public void createFolder() throws IOException {
        folder = Files.createTempDirectory("ctem-embedded");
    }

    @After
    public void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void theDatabaseStaysOpenBetweenConnections() throws SQLException {
        // an in-memory database without DB_CLOSE_DELAY ends with its last connection: the pool must keep one
        String url = "jdbc:h2:mem:ctem-" + UUID.randomUUID();
        try (EmbeddedDatabase db = open(url)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE KEPT (ID INT PRIMARY KEY)");
                s.execute("INSERT INTO KEPT VALUES (7)");
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ID FROM KEPT")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        }
    }

    @Test
    public void closingLetsGoOfTheFileEvenWithAConnectionLeftOpen() throws SQLException {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("ctem"));
        Connection forgotten;
        try (EmbeddedDatabase db = open(url)) {
            forgotten = db.dataSource().getConnection();
            try (Statement s = forgotten.createStatement()) {
                s.execute("CREATE TABLE KEPT (ID INT PRIMARY KEY)");
                s.execute("INSERT INTO KEPT VALUES (7)");
            }
        }
        assertTrue("the database was shut down beneath the forgotten connection", forgotten.isClosed());
        try (EmbeddedDatabase db = open(url); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM KEPT")) {
            rs.next();
            assertEquals("what it committed was kept", 1, rs.getInt(1));
        }
    }

    private static EmbeddedDatabase open(String url) {
        return EmbeddedDatabase.open(url, "sa", "", "PUBLIC",
                new EmbeddedDatabase.Options(List.of(ModelUpgraderTest.WidgetBefore.class), List.of(),
                        UnaryOperator.identity()));
    }
}
