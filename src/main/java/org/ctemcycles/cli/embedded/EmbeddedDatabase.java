package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.activeobjects.spi.DatabaseType;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.java.ao.DatabaseProvider;
import net.java.ao.DefaultSchemaConfiguration;
import net.java.ao.DisposableDataSource;
import net.java.ao.EntityManager;
import net.java.ao.EntityManagerConfiguration;
import net.java.ao.RawEntity;
import net.java.ao.SchemaConfiguration;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.builder.DelegatingDisposableDataSourceHandler;
import net.java.ao.builder.SimpleNameConverters;
import net.java.ao.db.H2DatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.NameConverters;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;
import net.java.ao.schema.info.EntityInfoResolverFactory;
import org.ctemcycles.store.StoreEntities;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A real Active Objects {@link EntityManager} on H2 or PostgreSQL, named like Jira names an app's tables
 * ({@link AoTablePrefix} + Atlassian name converters), behind the {@link ActiveObjects} interface that the app
 * uses inside Jira. The `ctem` command runs on it, and so does every persistence test.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The AO namespace Jira uses for this app: its bundle symbolic name, which equals the plugin key. */
    public static final String PLUGIN_KEY = "org.ctemcycles.ctem-cycles-jira";

    static final int H2_LOB_TIMEOUT_MILLIS = 1_000;
    /** How long an unreachable server is tried before the command says so. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** At most this many connections at once (Active Objects takes one per call, a transaction holds one). */
    static final int MAX_CONNECTIONS = 4;

    private final Pool pool;
    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final EmbeddedActiveObjects activeObjects;
    private final AoTablePrefix tablePrefix;
    private final DatabaseLock lock;
    private final Path dataFile;
    /** The H2 file's size when the database opened (whether a command wrote is judged by it when it closes). */
    private final long sizeAtOpen;
    private ModelVersion modelVersion = ModelVersion.valueOf(null);

    /**
     * How to open a database: which entities and upgrade tasks make its data model (the app's, by default), an
     * optional wrapper around the connection pool that Active Objects uses (tests count statements with it), and
     * where to say that a database made by another version is being brought up to date (which takes a while on a
     * large one: the first command after an update that added an index to findings took 7.9 s on 100,000).
     */
    public record Options(List<Class<? extends RawEntity<?>>> entities, List<ActiveObjectsUpgradeTask> upgradeTasks,
                          UnaryOperator<DataSource> dataSourceWrapper, String lockHolder, Duration lockWait,
                          Consumer<String> notice) {

        /** How long a command waits for another process to let go of an embedded database file by default. */
        public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

        public Options(List<Class<? extends RawEntity<?>>> entities, List<ActiveObjectsUpgradeTask> upgradeTasks,
                       UnaryOperator<DataSource> dataSourceWrapper) {
            this(entities, upgradeTasks, dataSourceWrapper, "a ctem command", LOCK_WAIT, message -> { });
        }

        /** The app's data model: every entity and upgrade task of {@link StoreEntities}. */
        public static Options app() {
            return new Options(StoreEntities.ALL, StoreEntities.UPGRADE_TASKS.stream()
                    .map(EmbeddedDatabase::instantiate).toList(), UnaryOperator.identity());
        }

        public Options withDataSourceWrapper(UnaryOperator<DataSource> wrapper) {
            return new Options(entities, upgradeTasks, wrapper, lockHolder, lockWait, notice);
        }

        public Options withUpgradeTasks(List<ActiveObjectsUpgradeTask> tasks) {
            return new Options(entities, tasks, dataSourceWrapper, lockHolder, lockWait, notice);
        }

        /** Who holds an embedded database file while it is open, and how long to wait for another holder. */
        public Options withLock(String holder, Duration wait) {
            return new Options(entities, upgradeTasks, dataSourceWrapper, holder, wait, notice);
        }

        /** Where to say that the database is being brought up to this version's data model (once per update). */
        public Options withNotice(Consumer<String> sink) {
            return new Options(entities, upgradeTasks, dataSourceWrapper, lockHolder, lockWait, sink);
        }
    }

    private final org.h2.engine.Database h2;
    /** The first failure read from the embedded engine: H2 hands a background failure out once, then forgets it. */
    private final AtomicReference<Throwable> storeFailure = new AtomicReference<>();

    private EmbeddedDatabase(Pool pool, DataSource forActiveObjects, DatabaseType type,
                             String schema, DatabaseLock lock, Path dataFile) {
        this.pool = pool;
        this.dataSource = pool.dataSource();
        this.lock = lock;
        this.dataFile = dataFile;
        this.sizeAtOpen = dataFile == null ? 0 : sizeOf(dataFile);
        this.tablePrefix = new AoTablePrefix(PLUGIN_KEY);
        DisposableDataSource disposable = DelegatingDisposableDataSourceHandler.newInstance(forActiveObjects,
                () -> { });
        DatabaseProvider provider = switch (type) {
            case H2 -> new H2DatabaseProvider(disposable, schema);
            case POSTGRESQL -> new PostgreSQLDatabaseProvider(disposable, schema);
            default -> throw new IllegalArgumentException("unsupported database type " + type);
        };
        NameConverters names = new SimpleNameConverters(new AtlassianTableNameConverter(tablePrefix),
                new AtlassianFieldNameConverter(), new AtlassianSequenceNameConverter(),
                new AtlassianTriggerNameConverter(), new AtlassianIndexNameConverter(),
                new AtlassianUniqueNameConverter());
        this.entityManager = new EntityManager(provider, new EntityManagerConfiguration() {
            @Override
            public boolean useWeakCache() {
                return true;
            }

            @Override
            public NameConverters getNameConverters() {
                return names;
            }

            @Override
            public SchemaConfiguration getSchemaConfiguration() {
                return new DefaultSchemaConfiguration();
            }

            @Override
            public EntityInfoResolverFactory getEntityInfoResolverFactory() {
                return new CachingEntityInfoResolverFactory();
            }
        });
        // every embedded H2, also one under a file system prefix (jdbc:h2:nio:..., the crash test's fulldisk:)
        this.h2 = type == DatabaseType.H2 ? h2Database(dataSource) : null;
        this.activeObjects = new EmbeddedActiveObjects(entityManager, type, forActiveObjects, this::storeFailure);
    }

    /** Active Objects' own entity manager beneath {@link #activeObjects()} (tests compare the two write paths). */
    EntityManager entityManager() {
        return entityManager;
    }

    /**
     * The H2 URL of a database file (H2 appends .mv.db). No compaction when the database closes: H2 2.3.232's
     * close-time compaction can fail an internal check (RandomAccessStore.moveChunkInside), and a close that fails
     * loses what was written last.
     */
    public static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
    }

    /**
     * Opens a database and brings its data model up to date as Jira does: the app's upgrade tasks newer than the
     * stored model version, then a migration to every entity of the app.
     *
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param schema  the schema the tables live in ({@code PUBLIC} on H2, {@code public} on PostgreSQL by default)
     */
    public static EmbeddedDatabase open(String jdbcUrl, String user, String password, String schema) {
        return open(jdbcUrl, user, password, schema, Options.app());
    }

    /** Opens a database with the given data model and options (see {@link #open(String, String, String, String)}). */
    public static EmbeddedDatabase open(String jdbcUrl, String user, String password, String schema,
                                        Options options) {
        DatabaseType type = typeOf(jdbcUrl);
        Path file = h2File(jdbcUrl);
        DatabaseLock lock = file == null ? null
                : DatabaseLock.acquire(file, options.lockHolder(), options.lockWait(), Clock.systemUTC());
        Path dataFile = h2DataFile(jdbcUrl);
        try {
            if (dataFile != null) {
                H2Compaction.cleanUp(dataFile);
            }
            Pool pool = type == DatabaseType.H2 ? h2Pool(jdbcUrl, user, password) : serverPool(jdbcUrl, user, password);
            EmbeddedDatabase database = new EmbeddedDatabase(pool,
                    options.dataSourceWrapper().apply(pool.dataSource()), type, schema, lock, dataFile);
            try {
                database.modelVersion = new ModelUpgrader(database.activeObjects, database.entityManager,
                        pool.dataSource(), PLUGIN_KEY, options.notice()).upgrade(options.upgradeTasks(),
                        options.entities());
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** The connections of an open database, and how to let go of them. */
    private record Pool(DataSource dataSource, Runnable close) {
    }

    /**
     * An H2 database's connections: H2's own pool, which opens a connection when one is asked for and keeps it for
     * the next caller. A command lives a second and uses one connection at a time, so it needs none of a server
     * pool's threads, filling and housekeeping (they cost a short command a tenth of its start, BENCHMARKS.md fast
     * start). The first connection opens the database here, so that a failure to open is told as such.
     */
    private static Pool h2Pool(String jdbcUrl, String user, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(h2Settings(jdbcUrl));
        source.setUser(user);
        source.setPassword(password);
        JdbcConnectionPool connections = JdbcConnectionPool.create(source);
        connections.setMaxConnections(MAX_CONNECTIONS);
        connections.setLoginTimeout(CONNECT_TIMEOUT_MILLIS / 1_000); // how long a caller waits for a free connection
        try {
            connections.getConnection().close(); // the pool keeps it, and the database open, until it is disposed
        } catch (SQLException e) {
            connections.dispose();
            throw StorageErrors.onOpen(unchecked(e), jdbcUrl, user);
        }
        return new Pool(connections, () -> close(connections, source, h2File(jdbcUrl) != null));
    }

    /**
     * Lets go of an H2 database's connections, which closes the database when the last one goes. A connection still
     * in use (a caller that never closed it) would keep the database open past the command: a file database is then
     * shut down regardless, as a server pool aborts the connections still in use when it closes.
     */
    private static void close(JdbcConnectionPool connections, JdbcDataSource source, boolean file) {
        boolean inUse = connections.getActiveConnections() > 0;
        connections.dispose();
        if (inUse && file) {
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw unchecked(e);
            }
        }
    }

    /** A PostgreSQL server's connections: a pool that keeps them (connecting to a server costs a round trip). */
    private static Pool serverPool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setPoolName("ctem");
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StorageErrors.onOpen(e, jdbcUrl, user);
        }
        return new Pool(dataSource, dataSource::close);
    }

    /**
     * The settings the app runs H2 with, added to a URL that does not set them itself. H2 keeps every LOB a session
     * has read (every CLOB column: decisions, log states) reachable for LOB_TIMEOUT, 5 minutes by default; pooled
     * sessions stay open, so reading a large cycle would hold all of it in memory. Active Objects copies each value
     * out of its row at once: a second is plenty.
     */
    static String h2Settings(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        return upper.contains("LOB_TIMEOUT=") ? jdbcUrl : jdbcUrl + ";LOB_TIMEOUT=" + H2_LOB_TIMEOUT_MILLIS;
    }

    /** The file an embedded H2 URL stores its data in ({@code NAME.mv.db}), or null for other databases. */
    public static Path h2DataFile(String jdbcUrl) {
        Path file = h2File(jdbcUrl);
        return file == null ? null : file.resolveSibling(file.getFileName() + ".mv.db");
    }

    /** The database file an embedded H2 URL names (without H2's .mv.db), or null for other databases. */
    static Path h2File(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("[a-zA-Z][a-zA-Z0-9]+:.*")) {
            return null; // mem:, tcp:, ssl:, nio...: not a plain file of this process (a drive letter is one letter)
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest).toAbsolutePath();
    }

    public static DatabaseType typeOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return DatabaseType.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return DatabaseType.POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:h2:... or jdbc:postgresql:...");
    }

    public ActiveObjects activeObjects() {
        return activeObjects;
    }

    /** The data model version the database is at (that of the last upgrade task run, or 0 when none ever ran). */
    public ModelVersion modelVersion() {
        return modelVersion;
    }

    public AoTablePrefix tablePrefix() {
        return tablePrefix;
    }

    /** Plain JDBC access for tests and diagnostics that must look beneath Active Objects. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Closes the pool (which closes an embedded database), then compacts an embedded database file that is mostly
     * dead space ({@link H2Compaction}), still holding the file's lock.
     */
    @Override
    public void close() {
        try {
            RuntimeException failed = null;
            boolean compact = false;
            try {
                entityManager.flushAll();
                compact = dataFile != null && H2Compaction.worthwhile(dataSource, sizeOf(dataFile) > sizeAtOpen);
            } catch (RuntimeException e) {
                failed = e;
            }
            storeFailure(); // read before the engine's own close, which drops a background failure
            pool.close().run();
            Throwable store = storeFailure();
            // a disk that filled while H2 wrote in the background (after the commit, or while closing) is reported
            // here whatever the command saw of it: later calls are told only that the database has been closed
            Optional<String> full = store == null ? Optional.empty() : StorageErrors.diskFull(store);
            if (full.isPresent()) {
                OutOfSpaceException e = new OutOfSpaceException(full.get(), store);
                if (failed != null) {
                    e.addSuppressed(failed);
                }
                throw e;
            }
            if (failed != null) {
                throw failed;
            }
            if (compact) {
                H2Compaction.compact(dataFile);
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** A file's size, or 0 when it cannot be read (the compaction check then finds nothing to do). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static ActiveObjectsUpgradeTask instantiate(Class<? extends ActiveObjectsUpgradeTask> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("upgrade task " + type.getName() + " needs a public no-argument"
                    + " constructor, as Jira's Active Objects instantiates it", e);
        }
    }

    /** The embedded engine behind a pool's connections (it outlives them), or null when it cannot be reached. */
    private static org.h2.engine.Database h2Database(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal local
                    ? local.getDatabase() : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What made the embedded database close itself, if it did: H2 keeps the failure of a background write (the
     * store's panic) once, and every later call is told only that the database has been closed.
     */
    private Throwable storeFailure() {
        if (h2 == null || storeFailure.get() != null) {
            return storeFailure.get();
        }
        Throwable found;
        try {
            // the store's panic first (kept), else the background failure (handed out once: kept here)
            found = h2.getBackgroundException();
        } catch (RuntimeException e) {
            found = null;
        }
        if (found != null) {
            storeFailure.compareAndSet(null, found);
        }
        return storeFailure.get();
    }

    static RuntimeException unchecked(SQLException e) {
        return new EmbeddedDatabaseException(e);
    }
}
