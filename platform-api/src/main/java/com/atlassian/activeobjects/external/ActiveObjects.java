package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): find, get, create, delete, count, deleteWithSQL and migrate are called in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (dao/impl/DefaultConfigurationDao.java,
// link/DefaultSlackLinkManager.java, the upgrade task), find/create/delete/get in codescape/jira-scrum-poker@bb652fd
// (service/ErrorLogServiceImpl.java, service/ScrumPokerSessionServiceImpl.java) and in
// codescape/jira-multiple-subtasks@ce71581 (service/MultipleSubtasksConfigurationService.java). The other methods are
// declared because the command line implements the whole interface (cli/embedded/EmbeddedActiveObjects); for those
// (executeInTransaction, stream, flush, flushAll, migrateDestructively, getFastCountEstimate, moduleMetaData and the
// Map/List create overloads) no use was found in public Jira 11 code: all 24 are checked against the decompiled
// activeobjects-plugin 5.2.1 in ngannk-fptu/Decompiled-Files (.../activeobjects/external/ActiveObjects.java).

import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

public interface ActiveObjects {

    void migrate(Class<? extends RawEntity<?>>... entities);

    void migrateDestructively(Class<? extends RawEntity<?>>... entities);

    void flushAll();

    void flush(RawEntity<?>... entities);

    <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys);

    <T extends RawEntity<K>, K> T get(Class<T> type, K key);

    <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params);

    <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params);

    <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows);

    void delete(RawEntity<?>... entities);

    <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <T extends RawEntity<K>, K> T[] find(Class<T> type);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String field, Query query);

    <T extends RawEntity<K>, K> T[] findWithSQL(Class<T> type, String keyField, String sql, Object... parameters);

    <T extends RawEntity<K>, K> void stream(Class<T> type, EntityStreamCallback<T, K> streamCallback);

    <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback);

    <K> int count(Class<? extends RawEntity<K>> type);

    <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <K> int count(Class<? extends RawEntity<K>> type, Query query);

    <K> int getFastCountEstimate(Class<? extends RawEntity<K>> type) throws SQLException, FailedFastCountException;

    <T> T executeInTransaction(TransactionCallback<T> callback);

    ActiveObjectsModuleMetaData moduleMetaData();
}
