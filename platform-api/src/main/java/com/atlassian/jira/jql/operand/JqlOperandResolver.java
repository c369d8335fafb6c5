package com.atlassian.jira.jql.operand;

// Mirror (compile-only, never packaged). Named only as a searcher constructor's parameter, imported with
// @ComponentImport in alanmosely/jira-watcher-field-plugin@47ceeb1 (Jira 10.3.0, pom.xml; src/main/java/com/burningcode/jira/issue/customfields/searchers/WatcherSearcher.java).

public interface JqlOperandResolver {
}
