package org.ctemcycles.cli.embedded;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsModuleMetaData;
import com.atlassian.activeobjects.spi.DatabaseType;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.Common;
import net.java.ao.DatabaseProvider;
import net.java.ao.DBParam;
import net.java.ao.EntityManager;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;
import net.java.ao.db.H2DatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.info.CachingEntityInfoResolverFactory;
import net.java.ao.schema.info.EntityInfo;
import net.java.ao.schema.info.EntityInfoResolver;
import net.java.ao.schema.info.FieldInfo;
import net.java.ao.types.LogicalType;
import net.java.ao.types.TypeInfo;
import net.java.ao.util.StringUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link ActiveObjects} over a real {@link EntityManager}: every method delegates to the same-named EntityManager
 * method (the batch create writes as AO's own insert does, after the same checks: {@link #create(Class, List)}),
 * SQL errors surface unchecked, and {@link #executeInTransaction} commits or rolls back as one unit.
 */
final class EmbeddedActiveObjects implements ActiveObjects {

    private final EntityManager em;
    private final DatabaseType databaseType;
    private final DataSource dataSource;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    private final Supplier<Throwable> storeFailure;
    /** The entities as AO sees them (its own caching resolver over the same names and types). */
    private final EntityInfoResolver entityInfo;
    /** Streamed reads with each column's type looked up once, or null to stream through AO. */
    private final ReadOnlyRows readOnlyRows;

    /**
     * @param storeFailure what made the embedded database close itself, or null (H2 closes its store when a write
     *                     fails in the background, and later calls see only "the database has been closed")
     */
    EmbeddedActiveObjects(EntityManager em, DatabaseType databaseType, DataSource dataSource,
                          Supplier<Throwable> storeFailure) {
        this.em = em;
        this.databaseType = databaseType;
        this.dataSource = dataSource;
        this.storeFailure = storeFailure;
        this.entityInfo = new CachingEntityInfoResolverFactory().create(em.getNameConverters(),
                em.getProvider().getTypeManager());
        this.readOnlyRows = ReadOnlyRows.over(em);
    }

    /** A database call that may throw SQLException. */
    interface Sql<T> {
        T call() throws SQLException;
    }

    /** Runs a database call, its SQLException surfacing unchecked. */
    static <T> T sql(Sql<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw EmbeddedDatabase.unchecked(e);
        }
    }

    /** H2: the database was closed beneath the caller. */
    private static final int H2_DATABASE_IS_CLOSED = 90098;

    /**
     * Runs a database call of the app, its SQLException surfacing unchecked; when the embedded database closed
     * itself, with the failure that closed it (a full disk, say) attached, so that the user is told that.
     */
    private <T> T call(Sql<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            RuntimeException unchecked = EmbeddedDatabase.unchecked(e);
            Throwable cause = StorageErrors.chain(e).stream().anyMatch(t -> t instanceof SQLException sql
                    && sql.getErrorCode() == H2_DATABASE_IS_CLOSED) ? storeFailure.get() : null;
            if (cause != null) {
                unchecked.addSuppressed(cause);
            }
            throw unchecked;
        }
    }

    /**
     * A read outside a transaction runs in one of its own. H2 hands out each CLOB of a result as a temporary copy that
     * it keeps until the transaction ends; in autocommit the statement's own commit removes the copies older than
     * LOB_TIMEOUT (one second, {@link EmbeddedDatabase#h2Settings}), which under load can be before Active Objects has
     * read them ("This CLOB or BLOB reference timed out"). In a transaction of its own the page's CLOBs are kept until
     * their values are copied out, and released at its commit: memory holds a page, not a cycle (ADR 084).
     */
    private <T> T read(Sql<T> read) {
        return inTransaction.get() ? call(read) : executeInTransaction(() -> call(read));
    }

    @SafeVarargs
    @Override
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        call(() -> {
            em.migrate(entities);
            return null;
        });
    }

    @SafeVarargs
    @Override
    public final void migrateDestructively(Class<? extends RawEntity<?>>... entities) {
        call(() -> {
            em.migrateDestructively(entities);
            return null;
        });
    }

    @Override
    public void flushAll() {
        em.flushAll();
    }

    @Override
    public void flush(RawEntity<?>... entities) {
        em.flush(entities);
    }

    @SafeVarargs
    @Override
    public final <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys) {
        return call(() -> em.get(type, keys));
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return call(() -> em.get(type, key));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        return call(() -> em.create(type, params));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        return call(() -> em.create(type, params));
    }

    /**
     * AO's batch insert, with AO's checks made once per field rather than once per value. AO 3.2.11's
     * {@code EntityManager.create(type, rows)} formats an error message for every value of every row before it knows
     * whether the value is wrong ({@code String.format} inside a {@code requireNonNull}) and copies the entity's
     * required fields into a new set per row: a third of an import's allocation and a fifth of its CPU
     * (BENCHMARKS.md, ADR 035). The same checks run here, each message built only when a check fails, then the rows
     * are written with the columns and conversions of AO's own {@code DatabaseProvider.insertBatch}, each value's type
     * looked up once per class and many rows a statement ({@link #insertBatch}, ADR 039 and 053), or on PostgreSQL as
     * one COPY ({@link PostgresCopy}, ADR 043).
     * Entities with a value generator take AO's own path (this app has none).
     */
    @Override
    public <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows) {
        call(() -> {
            EntityInfo<T, K> info = entityInfo.resolve(type);
            if (info.getFields().stream().anyMatch(FieldInfo.HAS_GENERATOR::apply)) {
                em.create(type, rows);
                return null;
            }
            long required = info.getFields().stream().filter(FieldInfo.IS_REQUIRED::apply).count();
            Map<FieldInfo<?>, Class<?>> validated = new HashMap<>();
            for (Map<String, Object> row : rows) {
                checkRow(info, required, row, validated);
            }
            FieldInfo<K> key = info.getPrimaryKey();
            DatabaseProvider provider = em.getProvider();
            try (Connection connection = provider.getConnection()) {
                if (rows.isEmpty() || !ownInsertBatch(provider)) {
                    provider.insertBatch(em, connection, type, key.getJavaType(), key.getName(),
                            key.hasAutoIncrement(), info.getName(), rows);
                } else if (provider.getClass() == PostgreSQLDatabaseProvider.class
                        && PostgresCopy.copyable(connection, rows)) {
                    PostgresCopy.write(provider, connection, info.getName(), columns(info.getName(), rows), rows);
                } else {
                    insertBatch(provider, connection, info.getName(), rows);
                }
            }
            return null;
        });
    }

    /**
     * Whether the rows are written here ({@link #insertBatch}, or on PostgreSQL {@link PostgresCopy}): on the providers
     * whose batch insert is AO's default ({@code DatabaseProvider.insertBatch}; H2's and PostgreSQL's do not override
     * it), never on another.
     */
    private static boolean ownInsertBatch(DatabaseProvider provider) {
        return provider.getClass() == H2DatabaseProvider.class || provider.getClass() == PostgreSQLDatabaseProvider.class;
    }

    /** The rows' distinct columns, in the order they first appear. */
    private static String[] columns(String table, List<Map<String, Object>> rows) {
        String[] columns = rows.stream().flatMap(row -> row.keySet().stream()).distinct().toArray(String[]::new);
        if (columns.length == 0) {
            throw new IllegalArgumentException("a batch insert into " + table + " names no column");
        }
        return columns;
    }

    /**
     * About how many values one INSERT binds: the rows of a batch go {@code 1000 / columns} to a statement (45 of a
     * finding's 22 columns), which spares H2 the per-statement work of a row at a time (a statement's start and end,
     * its snapshot released) without statements so long that parsing them costs more (ADR 053). PostgreSQL's driver
     * takes up to 65,535 values a statement.
     */
    private static final int PARAMETERS_PER_INSERT = 1_000;

    /**
     * AO's default batch insert, the rows written as it writes them: the same columns (the rows' distinct columns in
     * their order, quoted and schema-qualified by the provider), each value converted by the logical type AO's type
     * manager gives its class and bound by that type's {@code putToDatabase}, nulls by the provider's {@code putNull}.
     * The differences: AO 3.2.11 asks the type manager for every value of every row, which builds a new type object
     * for each string ({@code TypeManager.findTypeWithQualifiers}: a tenth of a 14,219-finding import's time,
     * BENCHMARKS.md); here the type of a column's values is asked once per class (ADR 039). And AO binds one row per
     * INSERT, here a statement names {@link #PARAMETERS_PER_INSERT} values' worth of rows (one JDBC batch of those,
     * then one statement for the rest), in the rows' order, so their ids are given in that order as before (ADR 053).
     */
    private void insertBatch(DatabaseProvider provider, Connection connection, String table,
                             List<Map<String, Object>> rows) throws SQLException {
        String[] columns = columns(table, rows);
        int perStatement = Math.max(1, Math.min(rows.size(), PARAMETERS_PER_INSERT / columns.length));
        int whole = rows.size() / perStatement * perStatement;
        Map<Class<?>, TypeInfo<Object>> types = new HashMap<>();
        try (PreparedStatement statement = provider.preparedStatement(connection,
                insertSql(provider, table, columns, perStatement), Statement.NO_GENERATED_KEYS)) {
            for (int start = 0; start < whole; start += perStatement) {
                bind(provider, statement, columns, rows.subList(start, start + perStatement), types);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (whole < rows.size()) {
            try (PreparedStatement statement = provider.preparedStatement(connection,
                    insertSql(provider, table, columns, rows.size() - whole), Statement.NO_GENERATED_KEYS)) {
                bind(provider, statement, columns, rows.subList(whole, rows.size()), types);
                statement.executeUpdate();
            }
        }
    }

    private static StringBuilder insertSql(DatabaseProvider provider, String table, String[] columns, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(provider.withSchema(table)).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ",").append(provider.processID(columns[i]));
        }
        String row = "(" + "?,".repeat(columns.length - 1) + "?)";
        sql.append(") VALUES ").append(row);
        for (int i = 1; i < rows; i++) {
            sql.append(',').append(row);
        }
        return sql;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bind(DatabaseProvider provider, PreparedStatement statement, String[] columns,
                      List<Map<String, Object>> rows, Map<Class<?>, TypeInfo<Object>> types) throws SQLException {
        Function<Class<?>, TypeInfo<Object>> typeOf = c -> (TypeInfo<Object>) provider.getTypeManager().getType(c);
        int parameter = 1;
        for (Map<String, Object> row : rows) {
            for (String column : columns) {
                Object value = row.get(column);
                if (value instanceof RawEntity<?> entity) {
                    value = Common.getPrimaryKeyValue((RawEntity) entity);
                }
                if (value == null) {
                    provider.putNull(statement, parameter);
                } else {
                    TypeInfo<Object> typeInfo = types.computeIfAbsent(value.getClass(), typeOf);
                    typeInfo.getLogicalType().putToDatabase(em, statement, parameter, value,
                            typeInfo.getJdbcWriteType());
                }
                parameter++;
            }
        }
    }

    /**
     * The logical types whose {@code validate} looks at the value's class alone (AO 3.2.11's
     * {@code AbstractLogicalType.validate}, not overridden): a field's value of a class already validated needs no
     * second look. Validating every value costs a twentieth of a new import under the C1 compiler alone, where
     * {@code Class.isAssignableFrom} is a call into the VM.
     */
    private static final Set<String> CLASS_VALIDATED = Set.of("net.java.ao.types.StringType",
            "net.java.ao.types.LongType", "net.java.ao.types.IntegerType", "net.java.ao.types.BooleanType");

    /**
     * The checks AO's batch create makes of one row, with AO's exceptions and messages.
     *
     * @param validated per field, the class of its values already validated (for {@link #CLASS_VALIDATED} types)
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void checkRow(EntityInfo<?, ?> info, long requiredFields, Map<String, Object> row,
                                 Map<FieldInfo<?>, Class<?>> validated) {
        int required = 0;
        for (Map.Entry<String, Object> value : row.entrySet()) {
            FieldInfo field = info.getField(value.getKey());
            if (field == null) {
                throw new NullPointerException("Entity " + info.getEntityType().getName() + " does not have field "
                        + value.getKey());
            }
            if (field.isPrimary()) {
                Common.validatePrimaryKey(field, value.getValue());
            } else if (!field.isNullable()) {
                if (value.getValue() == null) {
                    throw new NullPointerException("Cannot set non-null field " + value.getKey() + " to null");
                }
                if (value.getValue() instanceof String text && StringUtils.isBlank(text)) {
                    throw new IllegalArgumentException("Cannot set non-null String field " + value.getKey()
                            + " to blank");
                }
            }
            if (FieldInfo.IS_REQUIRED.apply(field)) {
                required++;
            }
            if (field.getTypeInfo() != null && value.getValue() != null
                    && validated.get(field) != value.getValue().getClass()) {
                LogicalType logical = field.getTypeInfo().getLogicalType();
                logical.validate(value.getValue());
                if (CLASS_VALIDATED.contains(logical.getClass().getName())) {
                    validated.put(field, value.getValue().getClass());
                }
            }
        }
        if (required < requiredFields) {
            Set<String> missing = new TreeSet<>();
            for (FieldInfo field : info.getFields()) {
                if (FieldInfo.IS_REQUIRED.apply(field) && row.keySet().stream()
                        .noneMatch(name -> info.getField(name) == field)) {
                    missing.add(field.getName());
                }
            }
            throw new IllegalArgumentException("The following required fields were not set when trying to create"
                    + " entity '" + info.getEntityType().getName() + "': " + String.join(", ", missing));
        }
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        call(() -> {
            em.delete(entities);
            return null;
        });
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return call(() -> em.deleteWithSQL(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        return read(() -> em.find(type));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return read(() -> em.find(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return read(() -> em.find(type, query));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query) {
        return read(() -> em.find(type, field, query));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql,
                                                        Object... parameters) {
        return read(() -> em.findWithSQL(type, keyField, sql, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback) {
        call(() -> {
            em.stream(type, streamCallback);
            return null;
        });
    }

    /** AO's stream, its rows read by {@link ReadOnlyRows} when it converts every selected field as AO does. */
    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query,
                                                    EntityStreamCallback<T, K> streamCallback) {
        call(() -> {
            if (readOnlyRows == null || !readOnlyRows.stream(entityInfo.resolve(type), query, streamCallback)) {
                em.stream(type, query, streamCallback);
            }
            return null;
        });
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        return call(() -> em.count(type));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return call(() -> em.count(type, criteria, parameters));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return call(() -> em.count(type, query));
    }

    /** AO 3.2.11 has no estimate; an exact count is a correct one. */
    @Override
    public <K> int getFastCountEstimate(Class<? extends RawEntity<K>> type) throws SQLException {
        return em.count(type);
    }

    /**
     * Joins the transaction already open on this thread, as Jira's (SAL TransactionTemplate, propagation REQUIRED)
     * does; otherwise opens one, at READ COMMITTED like Jira's, that commits when the callback returns and rolls
     * back when it throws.
     */
    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (inTransaction.get()) {
            return callback.doInTransaction();
        }
        inTransaction.set(true);
        try {
            return call(() -> new Transaction<T>(em) {
                @Override
                protected T run() throws SQLException {
                    // AO's own template would run SERIALIZABLE; Jira's transactions run at the database's default,
                    // READ COMMITTED, and the app is written (and its concurrency tested) for that.
                    em.getProvider().getConnection().setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    return callback.doInTransaction();
                }
            }.execute());
        } finally {
            inTransaction.remove();
        }
    }

    @Override
    public ActiveObjectsModuleMetaData moduleMetaData() {
        return new ActiveObjectsModuleMetaData() {
            @Override
            public void awaitInitialization() {
                // migrated when opened: nothing to wait for
            }

            @Override
            public void awaitInitialization(long timeout, TimeUnit unit) {
                // migrated when opened: nothing to wait for
            }

            @Override
            public boolean isInitialized() {
                return true;
            }

            @Override
            public DatabaseType getDatabaseType() {
                return databaseType;
            }

            @Override
            public boolean isDataSourcePresent() {
                return true;
            }

            @Override
            public boolean isTablePresent(Class<? extends RawEntity<?>> type) {
                String table = em.getNameConverters().getTableNameConverter().getName(type);
                return call(() -> {
                    try (Connection c = dataSource.getConnection();
                         ResultSet rs = c.getMetaData().getTables(null, null, null, new String[]{"TABLE"})) {
                        while (rs.next()) {
                            if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                                return true;
                            }
                        }
                        return false;
                    }
                });
            }
        };
    }
}
