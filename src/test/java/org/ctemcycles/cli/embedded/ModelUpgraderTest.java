package org.ctemcycles.cli.embedded;

import net.java.ao.Entity;
import net.java.ao.RawEntity;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The schema is migrated only when the entities' fingerprint changed (a short command must not read the whole schema
 * back), so a changed entity, such as a cycle gaining a column, must change the fingerprint and be migrated.
 */
public class ModelUpgraderTest {

    /** A table as an older build of the app defines it. */
    @Table("WIDGET")
    public interface WidgetBefore extends Entity {
        @StringLength(32)
        String getName();

        void setName(String name);
    }

    /** The same table after the entity gained a column (as the cycle gained its Jira project key). */
    @Table("WIDGET")
    public interface WidgetAfter extends Entity {
        @StringLength(32)
        String getName();

        void setName(String name);

        @StringLength(32)
        String getProjectKey();

        void setProjectKey(String projectKey);
    }

    private Path folder;

    @Before
    public void createFolder() throws IOException {
        folder = Files.createTempDirectory("ctem-upgrade");
    }

    @After
    public void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void aChangedEntityChangesTheFingerprint() {
        assertFalse(SchemaFingerprint.of(List.of(WidgetBefore.class))
                .equals(SchemaFingerprint.of(List.of(WidgetAfter.class))));
        assertEquals(SchemaFingerprint.of(List.of(WidgetAfter.class)), SchemaFingerprint.of(List.of(WidgetAfter.class)));
    }

    /** The ctem command runs from a jar (its directory records each class file), tests from a folder (read). */
    @Test
    public void aClassFileInAJarCountsAsItsBytesDo() throws IOException {
        String name = WidgetAfter.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = WidgetAfter.class.getClassLoader().getResourceAsStream(name)) {
            bytes = in.readAllBytes();
        }
        Path jar = folder.resolve("entities.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(name));
            out.write(bytes);
            out.closeEntry();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertEquals(SchemaFingerprint.fromBytes(bytes), SchemaFingerprint.fromJar(zip, name));
            assertNull("not in the jar: read from where it was loaded", SchemaFingerprint.fromJar(zip, "Other.class"));
        }
        byte[] changed = bytes.clone();
        changed[changed.length / 2] ^= 1;
        assertNotEquals(SchemaFingerprint.fromBytes(bytes), SchemaFingerprint.fromBytes(changed));
    }

    @Test
    public void aDatabaseOfAnOlderEntityModelGainsTheNewColumnWhenOpened() throws SQLException {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("ctem"));
        try (EmbeddedDatabase db = open(url, WidgetBefore.class)) {
            assertFalse(columns(db).contains("PROJECT_KEY"));
        }
        try (EmbeddedDatabase db = open(url, WidgetAfter.class)) {
            assertTrue(columns(db).toString(), columns(db).contains("PROJECT_KEY"));
        }
    }

    @Test
    public void anUnchangedEntityModelIsNotMigratedAgain() throws SQLException {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("ctem"));
        try (EmbeddedDatabase db = open(url, WidgetAfter.class);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table(db) + " DROP COLUMN PROJECT_KEY");
        }
        try (EmbeddedDatabase db = open(url, WidgetAfter.class)) {
            assertFalse("same fingerprint: the schema is not read back and compared",
                    columns(db).contains("PROJECT_KEY"));
        }
    }

    /** A database another version made is said to be updated before it is (it can take a while); a new one is not. */
    @Test
    public void updatingAnOlderDatabaseIsSaidOnceAndMakingANewOneIsNot() {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("ctem"));
        List<String> said = new ArrayList<>();
        try (EmbeddedDatabase db = open(url, said, WidgetBefore.class)) {
            assertEquals("a new database", List.of(), said);
        }
        try (EmbeddedDatabase db = open(url, said, WidgetAfter.class)) {
            assertEquals(List.of(ModelUpgrader.UPDATING), said);
        }
        try (EmbeddedDatabase db = open(url, said, WidgetAfter.class)) {
            assertEquals("up to date: nothing more", List.of(ModelUpgrader.UPDATING), said);
        }
    }

    @Test
    public void aNewDatabaseOfTheAppIsMadeWithoutAWordThoughItsUpgradeTasksRun() {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("app"));
        List<String> said = new ArrayList<>();
        for (String opened : List.of("a new database", "up to date")) {
            try (EmbeddedDatabase db = EmbeddedDatabase.open(url, "sa", "", "PUBLIC",
                    EmbeddedDatabase.Options.app().withNotice(said::add))) {
                assertEquals(opened, List.of(), said);
            }
        }
    }

    @Test
    public void aDatabaseMadeBeforeTheFingerprintWasKeptIsSaidToBeUpdated() throws SQLException {
        String url = EmbeddedDatabase.h2FileUrl(folder.resolve("ctem"));
        List<String> said = new ArrayList<>();
        try (EmbeddedDatabase db = open(url, said, WidgetBefore.class);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // as a build before the fingerprint left it: a model version, no fingerprint
            try (ResultSet rs = s.executeQuery("SELECT NAMESPACE FROM " + ModelUpgrader.SCHEMA_TABLE)) {
                assertTrue(rs.next());
                // (model version 0: these widgets have no upgrade task, and a version beyond them is refused)
                s.execute("INSERT INTO " + ModelUpgrader.TABLE + " (NAMESPACE, MODEL_VERSION) VALUES ('"
                        + rs.getString(1) + "', '0')");
            }
            s.execute("DELETE FROM " + ModelUpgrader.SCHEMA_TABLE);
        }
        try (EmbeddedDatabase db = open(url, said, WidgetBefore.class)) {
            assertEquals(List.of(ModelUpgrader.UPDATING), said);
        }
        try (EmbeddedDatabase db = open(url, said, WidgetBefore.class)) {
            assertEquals("fingerprinted now: nothing more", List.of(ModelUpgrader.UPDATING), said);
        }
    }

    @SafeVarargs
    private static EmbeddedDatabase open(String url, Class<? extends RawEntity<?>>... entities) {
        return open(url, new ArrayList<>(), entities);
    }

    @SafeVarargs
    private static EmbeddedDatabase open(String url, List<String> notices, Class<? extends RawEntity<?>>... entities) {
        return EmbeddedDatabase.open(url, "sa", "", "PUBLIC",
                new EmbeddedDatabase.Options(List.of(entities), List.of(), UnaryOperator.identity())
                        .withNotice(notices::add));
    }

    private static String table(EmbeddedDatabase db) {
        return db.tablePrefix().value() + "WIDGET";
    }

    private static List<String> columns(EmbeddedDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", table(db), null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
