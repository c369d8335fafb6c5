package org.ctemcycles.testing;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases every persistence test runs on: embedded H2 always, and PostgreSQL at {@code -Dctem.pg.url}
 * (run-tests starts a private PostgreSQL 15 and passes it). With {@code -Dctem.postgres=required} (the default) a
 * PostgreSQL that cannot be reached fails the run; only {@code -Dctem.postgres=off} leaves it out, and says so.
 * Each {@link #open()} gives a fresh, empty database (H2 in memory; a new schema on PostgreSQL) that
 * {@link Opened#close()} removes again.
 */
public final class TestDatabase {

    private final String name;
    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String name, String url, String user, String password) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** For JUnit's Parameterized runner: one row per database. */
    public static List<Object[]> parameters() {
        List<Object[]> rows = new ArrayList<>();
        for (TestDatabase database : all()) {
            rows.add(new Object[]{database});
        }
        return rows;
    }

    public static List<TestDatabase> all() {
        List<TestDatabase> databases = new ArrayList<>();
        databases.add(h2());
        String mode = System.getProperty("ctem.postgres", "required");
        if (mode.equals("off")) {
            System.err.println("[ctem] PostgreSQL suite left out (-Dctem.postgres=off): persistence ran on H2 only");
            return databases;
        }
        if (!mode.equals("required")) {
            throw new IllegalStateException("-Dctem.postgres must be 'required' or 'off', not '" + mode + "'");
        }
        String url = System.getProperty("ctem.pg.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("PostgreSQL was required (-Dctem.postgres=required) but no "
                    + "-Dctem.pg.url was given: run ./run-tests, which starts PostgreSQL 15, or pass "
                    + "-Dctem.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB (or -Dctem.postgres=off for H2 only)");
        }
        TestDatabase postgres = new TestDatabase("PostgreSQL", url, System.getProperty("ctem.pg.user", "ctem"),
                System.getProperty("ctem.pg.password", "ctem"));
        try (Connection ignored = DriverManager.getConnection(url, postgres.user, postgres.password)) {
            databases.add(postgres);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL was required but cannot be reached at " + url + ": "
                    + e.getMessage(), e);
        }
        return databases;
    }

    public static TestDatabase h2() {
        return new TestDatabase("H2", null, "sa", "");
    }

    public Opened open() {
        return open(EmbeddedDatabase.Options.app());
    }

    /** A fresh database opened with the given data model and options (e.g. a statement-counting wrapper). */
    public Opened open(EmbeddedDatabase.Options options) {
        if (url == null) {
            String memory = "jdbc:h2:mem:ctem-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            return new Opened(memory, user, password, "PUBLIC", options, () -> {
                try (Connection c = DriverManager.getConnection(memory, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            });
        }
        String schema = "ctem_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Opened(schemaUrl, user, password, schema, options,
                () -> sql("DROP SCHEMA " + schema + " CASCADE"));
    }

    private void sql(String statement) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed on " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Cleanup after a database is closed. */
    private interface Cleanup {
        void run() throws SQLException;
    }

    /** An open, migrated, empty database; closing it removes it. */
    public static final class Opened implements AutoCloseable {

        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final String schema;
        private final Cleanup cleanup;
        private EmbeddedDatabase database;

        private Opened(String jdbcUrl, String user, String password, String schema, EmbeddedDatabase.Options options,
                       Cleanup cleanup) {
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.schema = schema;
            this.cleanup = cleanup;
            this.database = EmbeddedDatabase.open(jdbcUrl, user, password, schema, options);
        }

        public EmbeddedDatabase database() {
            return database;
        }

        /** The JDBC URL of this database (on PostgreSQL it names the test's schema), for a second client. */
        public String jdbcUrl() {
            return jdbcUrl;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        /**
         * A second connection pool and Active Objects on this database, as another node of a cluster opens it (its
         * data model brought up to date first, as each node's app does on start); the caller closes it.
         */
        public EmbeddedDatabase another(EmbeddedDatabase.Options options) {
            return EmbeddedDatabase.open(jdbcUrl, user, password, schema, options);
        }

        /** Closes the connection pool and opens the same database again, as a new version of the app would. */
        public EmbeddedDatabase reopen(EmbeddedDatabase.Options options) {
            database.close();
            database = EmbeddedDatabase.open(jdbcUrl, user, password, schema, options);
            return database;
        }

        @Override
        public void close() throws SQLException {
            database.close();
            cleanup.run();
        }
    }
}
