package org.ctemcycles.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table's indexes as the JDBC driver reports them (each index's columns in their order, and the columns of unique
 * indexes), for tests that check which B-tree entries a row costs. The table is asked for as written and in lower
 * case: H2 reports upper-case names, PostgreSQL the lower-case ones Active Objects' quoted names become.
 */
public record TableIndexes(List<List<String>> columns, List<String> uniqueColumns) {

    public static TableIndexes of(Connection connection, String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> byIndex = new HashMap<>();
        List<String> unique = new ArrayList<>();
        for (String name : List.of(table, table.toLowerCase())) {
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") == null || rs.getString("COLUMN_NAME") == null) {
                        continue;
                    }
                    String column = rs.getString("COLUMN_NAME").toUpperCase();
                    byIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), column);
                    if (!rs.getBoolean("NON_UNIQUE")) {
                        unique.add(column);
                    }
                }
            }
        }
        return new TableIndexes(byIndex.values().stream().map(m -> List.copyOf(m.values())).toList(), unique);
    }
}
