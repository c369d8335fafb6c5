package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Brings a standalone database's data model up to date the way Jira's Active Objects does: reads the stored model
 * version (0 when none), runs each upgrade task with a newer version in version order, each in its own transaction
 * that also stores the new version, then migrates the app's entities. Jira keeps the version in its plugin
 * settings; here it lives in the table {@code CTEM_MODEL_VERSION}, one row per AO namespace.
 *
 * <p>A database of a newer model version than the tasks reach is refused (Jira's Active Objects runs on): this
 * build would write it as its own model says, and the newer version would trust what it finds.
 *
 * <p>Migrating reads the whole schema back from the database and compares it with every entity, which costs most of
 * a short command's time on a large database. So it runs only when the entities changed: a fingerprint of their
 * definitions (and of the Active Objects library that maps them) is stored in {@code CTEM_SCHEMA} after each
 * migration, and a database opened by a build with the same entities skips the migration.
 */
final class ModelUpgrader {

    static final String TABLE = "CTEM_MODEL_VERSION";
    static final String SCHEMA_TABLE = "CTEM_SCHEMA";

    /** Said before the tables of a database that another version made are brought up to date. */
    static final String UPDATING = "ctem: updating the database's tables for this version (once; on a large database"
            + " this takes a while)...";

    private final EmbeddedActiveObjects ao;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final String namespace;
    private final Consumer<String> notice;

    ModelUpgrader(EmbeddedActiveObjects ao, EntityManager entityManager, DataSource dataSource, String namespace,
                  Consumer<String> notice) {
        this.ao = ao;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.namespace = namespace;
        this.notice = notice;
    }

    /** @return the model version the database is at afterwards */
    @SuppressWarnings("unchecked")
    ModelVersion upgrade(List<ActiveObjectsUpgradeTask> tasks, List<Class<? extends RawEntity<?>>> entities) {
        ensureTables();
        String storedVersion = EmbeddedActiveObjects.sql(() -> read(TABLE, namespace));
        ModelVersion current = ModelVersion.valueOf(storedVersion);
        String fingerprint = SchemaFingerprint.of(entities);
        String stored = EmbeddedActiveObjects.sql(() -> read(SCHEMA_TABLE, namespace));
        boolean changed = !fingerprint.equals(stored);
        // a new database is made, not updated: nothing to say then; one made before the fingerprint was kept has a
        // model version only
        if (changed && (stored != null || storedVersion != null)) {
            notice.accept(UPDATING);
        }
        List<ActiveObjectsUpgradeTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getModelVersion().isSame(sorted.get(i - 1).getModelVersion())) {
                throw new IllegalStateException("two upgrade tasks have model version "
                        + sorted.get(i).getModelVersion());
            }
        }
        // A newer version's data this build would write as it knows (a register entry without its tracker link,
        // ADR 054) and that version would then trust: refused before anything is migrated or written.
        ModelVersion known = sorted.isEmpty() ? ModelVersion.valueOf(null)
                : sorted.get(sorted.size() - 1).getModelVersion();
        if (current.isNewerThan(known)) {
            throw new DatabaseUnavailableException("the database was made by a newer version of ctem (data model "
                    + current + "; this version knows up to " + known + "): use that version or a newer one");
        }
        for (ActiveObjectsUpgradeTask task : sorted) {
            if (current.isOlderThan(task.getModelVersion())) {
                ModelVersion from = current;
                ao.executeInTransaction(() -> {
                    task.upgrade(from, ao);
                    EmbeddedActiveObjects.sql(() -> {
                        writeVersion(task.getModelVersion());
                        return null;
                    });
                    return null;
                });
                current = task.getModelVersion();
                changed = true;
            }
        }
        if (changed) {
            ao.migrate(entities.toArray(new Class[0]));
            ao.executeInTransaction(() -> EmbeddedActiveObjects.sql(() -> {
                write(SCHEMA_TABLE, namespace, fingerprint);
                return null;
            }));
        }
        return current;
    }

    /** Both tables have the same shape: a value (a model version, a schema fingerprint) per AO namespace. */
    private void ensureTables() {
        EmbeddedActiveObjects.sql(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String table : List.of(TABLE, SCHEMA_TABLE)) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + table
                            + " (NAMESPACE VARCHAR(255) PRIMARY KEY, MODEL_VERSION VARCHAR(20) NOT NULL)");
                }
            }
            return null;
        });
    }

    /** The value stored for the namespace, or null. */
    private String read(String table, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MODEL_VERSION FROM " + table + " WHERE NAMESPACE = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void writeVersion(ModelVersion version) throws SQLException {
        write(TABLE, namespace, version.toString());
    }

    /** Runs on the connection of the open Active Objects transaction, so the value commits with it. */
    private void write(String table, String key, String value) throws SQLException {
        Connection c = entityManager.getProvider().getConnection();
        try {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + table
                    + " SET MODEL_VERSION = ? WHERE NAMESPACE = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (NAMESPACE, MODEL_VERSION) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        } finally {
            c.close(); // a no-op inside the transaction: Active Objects keeps it open until commit
        }
    }
}
