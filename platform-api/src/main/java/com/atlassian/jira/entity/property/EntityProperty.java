package com.atlassian.jira.entity.property;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: getKey and getValue (the JSON
// text) in atlassian-labs/atlassian-slack-integration-server@94c50dc (storage/json/JsonStore.java).

public interface EntityProperty {

    String getKey();

    String getValue();
}
