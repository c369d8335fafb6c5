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

/**
 * Brings a standalone database's data model up to date the way Jira's Active Objects does: reads the stored model
 * version (0 when none), runs each upgrade task with a newer version in version order, each in its own transaction
 * that also stores the new version, then migrates the app's entities. Jira keeps the version in its plugin
 * settings; here it lives in the table {@code CTEM_MODEL_VERSION}, one row per AO namespace.
 */
final class ModelUpgrader {

    static final String TABLE = "CTEM_MODEL_VERSION";

    private final EmbeddedActiveObjects ao;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final String namespace;

    ModelUpgrader(EmbeddedActiveObjects ao, EntityManager entityManager, DataSource dataSource, String namespace) {
        this.ao = ao;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.namespace = namespace;
    }

    /** @return the model version the database is at afterwards */
    @SuppressWarnings("unchecked")
    ModelVersion upgrade(List<ActiveObjectsUpgradeTask> tasks, List<Class<? extends RawEntity<?>>> entities) {
        ModelVersion current = EmbeddedActiveObjects.sql(this::readVersion);
        List<ActiveObjectsUpgradeTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getModelVersion().isSame(sorted.get(i - 1).getModelVersion())) {
                throw new IllegalStateException("two upgrade tasks have model version "
                        + sorted.get(i).getModelVersion());
            }
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
            }
        }
        ao.migrate(entities.toArray(new Class[0]));
        return current;
    }

    private ModelVersion readVersion() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (NAMESPACE VARCHAR(255) PRIMARY KEY, MODEL_VERSION VARCHAR(20) NOT NULL)");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT MODEL_VERSION FROM " + TABLE
                    + " WHERE NAMESPACE = ?")) {
                s.setString(1, namespace);
                try (ResultSet rs = s.executeQuery()) {
                    return ModelVersion.valueOf(rs.next() ? rs.getString(1) : null);
                }
            }
        }
    }

    /** Runs on the connection of the open Active Objects transaction, so the version commits with the task. */
    private void writeVersion(ModelVersion version) throws SQLException {
        Connection c = entityManager.getProvider().getConnection();
        try {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TABLE
                    + " SET MODEL_VERSION = ? WHERE NAMESPACE = ?")) {
                update.setString(1, version.toString());
                update.setString(2, namespace);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                    + " (NAMESPACE, MODEL_VERSION) VALUES (?, ?)")) {
                insert.setString(1, namespace);
                insert.setString(2, version.toString());
                insert.executeUpdate();
            }
        } finally {
            c.close(); // a no-op inside the transaction: Active Objects keeps it open until commit
        }
    }
}
