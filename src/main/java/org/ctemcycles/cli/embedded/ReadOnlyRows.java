package org.ctemcycles.cli.embedded;

import net.java.ao.DatabaseProvider;
import net.java.ao.EntityManager;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.ReadOnlyEntityProxy;
import net.java.ao.schema.info.EntityInfo;
import net.java.ao.schema.info.FieldInfo;
import net.java.ao.schema.TableNameConverter;
import net.java.ao.types.LogicalType;
import net.java.ao.types.TypeInfo;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line's streamed reads ({@code ActiveObjects.stream} with a query): the rows become Active Objects' own
 * read-only entities, statement for statement as AO 3.2.11's {@code EntityManager.stream} makes them, with each
 * column's type looked up once per query rather than once per value. AO converts every value through
 * {@code ReadOnlyEntityProxy.addValue}, which asks the type manager for the column's type again (a new qualifiers
 * object each time) and reads the value twice, once as an object to see whether it is NULL: together with the
 * proxies' maps, a sixth of a 14,219-finding re-scan's time reading known findings back (ADR 046). The entities are
 * AO's {@link ReadOnlyEntityProxy} with the same values in its map, so every getter, {@code equals}, {@code hashCode}
 * and the read-only errors behave as AO's own. AO keeps what this needs to itself (the query's SQL and parameters,
 * the proxy's values): it is reached by reflection, once, and a missing member leaves every stream to AO.
 */
final class ReadOnlyRows {

    /**
     * The types whose {@code pullFromDatabase} reads one column and returns null exactly when it is SQL NULL
     * ({@code getString}, or a primitive getter kept null by {@code preserveNull}): their values are read once. AO
     * asks {@code getObject} first for every type, which other types (enums, URIs, dates) need before they convert.
     */
    private static final Set<String> NULL_PRESERVING = Set.of("net.java.ao.types.StringType",
            "net.java.ao.types.LongType", "net.java.ao.types.IntegerType", "net.java.ao.types.BooleanType");

    private final EntityManager em;
    /** AO's read-only proxy keeps its values in this private map. */
    private final Field proxyValues;
    /** {@code Query.resolvePrimaryKey}, {@code toSQL} and {@code setParameters}: AO's own, package-private. */
    private final Method resolvePrimaryKey;
    private final Method toSql;
    private final Method setParameters;

    private ReadOnlyRows(EntityManager em, Field proxyValues, Method resolvePrimaryKey, Method toSql,
                         Method setParameters) {
        this.em = em;
        this.proxyValues = proxyValues;
        this.resolvePrimaryKey = resolvePrimaryKey;
        this.toSql = toSql;
        this.setParameters = setParameters;
    }

    /**
     * The reader over an entity manager, or null when this Active Objects lacks a member AO 3.2.11 has (then every
     * stream is AO's own).
     */
    static ReadOnlyRows over(EntityManager em) {
        try {
            Field values = ReadOnlyEntityProxy.class.getDeclaredField("values");
            if (values.getType() != Map.class) {
                return null;
            }
            Method resolvePrimaryKey = Query.class.getDeclaredMethod("resolvePrimaryKey", FieldInfo.class);
            Method toSql = Query.class.getDeclaredMethod("toSQL", EntityInfo.class, DatabaseProvider.class,
                    TableNameConverter.class, boolean.class);
            Method setParameters = Query.class.getDeclaredMethod("setParameters", EntityManager.class,
                    PreparedStatement.class);
            for (AccessibleObject member : List.of(values, resolvePrimaryKey, toSql, setParameters)) {
                member.setAccessible(true);
            }
            return new ReadOnlyRows(em, values, resolvePrimaryKey, toSql, setParameters);
        } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    /** One selected column: its name, the logical type of its Java type, and how it is read. */
    private record Column(String name, Class<Object> javaType, LogicalType<Object> type, boolean nullPreserving) {

        Object read(EntityManager em, ResultSet rows) throws SQLException {
            if (nullPreserving) {
                return type.pullFromDatabase(em, rows, javaType, name);
            }
            rows.getObject(name);
            return rows.wasNull() ? null : type.pullFromDatabase(em, rows, javaType, name);
        }
    }

    /**
     * Streams the query's rows as AO's {@code EntityManager.stream} does, or returns false, having read nothing, when
     * a selected field is one this reader does not convert as AO would (a polymorphic relation, a field the entity
     * does not have, a type the type manager does not know): the caller then streams through AO.
     */
    @SuppressWarnings("unchecked")
    <T extends RawEntity<K>, K> boolean stream(EntityInfo<T, K> info, Query query, EntityStreamCallback<T, K> callback)
            throws SQLException {
        FieldInfo<K> primary = info.getPrimaryKey();
        invoke(resolvePrimaryKey, query, primary);
        String[] fields = query.getCanonicalFields(info);
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            FieldInfo<?> field = info.getField(fields[i]);
            if (field == null || field.getPolymorphicName() != null) {
                return false;
            }
            TypeInfo<Object> type = (TypeInfo<Object>) em.getProvider().getTypeManager().getType(field.getJavaType());
            if (type == null) {
                return false;
            }
            LogicalType<Object> logical = type.getLogicalType();
            columns[i] = new Column(fields[i], (Class<Object>) field.getJavaType(), logical,
                    NULL_PRESERVING.contains(logical.getClass().getName()));
        }
        LogicalType<K> primaryType = primary.getTypeInfo().getLogicalType();
        DatabaseProvider provider = em.getProvider();
        String sql = (String) invoke(toSql, query, info, provider, em.getTableNameConverter(), false);
        try (Connection connection = provider.getConnection();
             PreparedStatement statement = provider.preparedStatement(connection, sql,
                     ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            provider.setQueryStatementProperties(statement, query);
            invoke(setParameters, query, em, statement);
            try (ResultSet rows = statement.executeQuery()) {
                provider.setQueryResultSetProperties(rows, query);
                Boolean hasKey = null;
                Constructor<?> entities = null;
                while (rows.next()) {
                    if (hasKey == null) {
                        hasKey = hasColumn(rows, primary.getName());
                    }
                    K key = hasKey ? primaryType.pullFromDatabase(em, rows, primary.getJavaType(), primary.getName())
                            : null;
                    ReadOnlyEntityProxy<T, K> proxy = new ReadOnlyEntityProxy<>(em, info, key);
                    Map<String, Object> values = values(proxy);
                    for (Column column : columns) {
                        values.put(column.name(), column.read(em, rows));
                    }
                    Object entity;
                    if (entities == null) {
                        entity = Proxy.newProxyInstance(info.getEntityType().getClassLoader(),
                                new Class<?>[]{info.getEntityType()}, proxy);
                        entities = constructor(entity.getClass());
                    } else {
                        entity = newEntity(entities, proxy);
                    }
                    callback.onRowRead(info.getEntityType().cast(entity));
                }
            }
        }
        return true;
    }

    /** A proxy class's constructor, which every proxy class has (java.lang.reflect.Proxy's own contract). */
    private static Constructor<?> constructor(Class<?> proxyClass) {
        try {
            return proxyClass.getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(proxyClass + " has no proxy constructor", e);
        }
    }

    /**
     * Another instance of the proxy class {@code Proxy.newProxyInstance} made for the first row: the same class, its
     * constructor looked up once per stream instead of once per row.
     */
    private static Object newEntity(Constructor<?> entities, InvocationHandler proxy) {
        try {
            return entities.newInstance(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("an entity of " + entities.getDeclaringClass() + " cannot be made", e);
        }
    }

    /** Calls one of AO's own methods, its SQLException (or other failure) surfacing as AO's own call would. */
    private static Object invoke(Method method, Object target, Object... arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Active Objects' " + method.getName() + " cannot be called", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> values(ReadOnlyEntityProxy<?, ?> proxy) {
        try {
            return (Map<String, Object>) proxyValues.get(proxy);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Active Objects' read-only entity cannot be filled", e);
        }
    }

    /** Whether the result has the column, compared by name as AO does (whose entities without it have no key). */
    private static boolean hasColumn(ResultSet rows, String name) throws SQLException {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            if (rows.getMetaData().getColumnName(i).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
