package com.atlassian.jira.entity.property;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: get(entityName, entityId, key),
// put(entityName, entityId, key, json) and delete(entityName, entityId, key) on a private entity name in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (storage/json/JsonStore.java; the injection in service/ComponentImports.java). SL marks this
// put overload deprecated (HC-10752); it is the one a Jira 11 app is seen calling.

public interface JsonEntityPropertyManager {

    /** The property, or null when there is none. */
    EntityProperty get(String entityName, Long entityId, String key);

    void put(String entityName, Long entityId, String key, String json);

    void delete(String entityName, Long entityId, String key);
}
