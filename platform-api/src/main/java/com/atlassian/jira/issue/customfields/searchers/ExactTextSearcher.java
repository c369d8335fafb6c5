package com.atlassian.jira.issue.customfields.searchers;

// Mirror (compile-only, never packaged). Only the constructor a wrapper calls. Jira 10 evidence: alanmosely/jira-watcher-field-plugin@47ceeb1 (Jira 10.3.0, pom.xml; src/main/java/com/burningcode/jira/issue/customfields/searchers/WatcherSearcher.java)
// extends it with exactly this constructor, its arguments imported with @ComponentImport, and names the wrapper in
// its own <customfield-searcher> module. UNVERIFIED on Jira 11 (no public Jira 11 searcher found).

import com.atlassian.jira.issue.customfields.searchers.transformer.CustomFieldInputHelper;
import com.atlassian.jira.jql.operand.JqlOperandResolver;
import com.atlassian.jira.web.FieldVisibilityManager;

public class ExactTextSearcher {

    public ExactTextSearcher(JqlOperandResolver jqlOperandResolver, CustomFieldInputHelper customFieldInputHelper,
                             FieldVisibilityManager fieldVisibilityManager) {
        throw new UnsupportedOperationException("mirror");
    }
}
