package org.ctemcycles.cli;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;

/**
 * The {@code ctem} command in-process against one test database, as the end-to-end tests type it: the default H2
 * file in a temporary CTEM_HOME, or a fresh PostgreSQL schema named with {@code --db}; each run on the test's day
 * (09:00 UTC), keeping what it printed; and plain SQL to the same database, to change rows behind the app's back.
 */
final class CommandLine implements AutoCloseable {

    final Map<String, String> environment = new HashMap<>();
    private final Path home;
    private final TestDatabase.Opened postgres;
    String out = "";
    String err = "";

    CommandLine(TestDatabase database, Path home) {
        this.home = home;
        environment.put("CTEM_HOME", home.toString());
        if (database.toString().equals("H2")) {
            postgres = null;
        } else {
            postgres = database.open();
            environment.put("CTEM_DB_USER", postgres.user());
            environment.put("CTEM_DB_PASSWORD", postgres.password());
        }
    }

    /** Runs one command line on {@code today}; returns its exit code. */
    int ctem(String today, String... words) {
        List<String> line = new ArrayList<>();
        if (postgres != null) {
            line.add("--db");
            line.add(postgres.jdbcUrl());
        }
        line.addAll(List.of(words));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new Ctem(environment, Clock.fixed(LocalDate.parse(today).atTime(9, 0)
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).run(line, new PrintStream(stdout, true,
                StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** Runs one command line that must succeed; returns what it printed. */
    String ok(String today, String... words) {
        int status = ctem(today, words);
        assertEquals(String.join(" ", words) + "\n" + out + err, 0, status);
        return out;
    }

    /** A connection to the command's database, for SQL behind the app's back. */
    Connection connect() throws SQLException {
        return postgres != null ? DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())
                : DriverManager.getConnection(EmbeddedDatabase.h2FileUrl(home.resolve("ctem")), "sa", "");
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
