package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.customfields.searchers.ExactTextSearcher;
import com.atlassian.jira.issue.customfields.searchers.transformer.CustomFieldInputHelper;
import com.atlassian.jira.jql.operand.JqlOperandResolver;
import com.atlassian.jira.web.FieldVisibilityManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;

/**
 * Jira's exact text searcher under the app's own module key, so the app's text fields (tier, status, stage, cycle,
 * KEV, validation) are searched and sorted by Jira's own indexer and clauses ({@code "CTEM Tier" = critical}): no
 * indexer of the app's (Jira 11 removed the Lucene one; docs/adr/101). The wrapper exists only to be constructible
 * in the app's container, its arguments imported from Jira.
 */
public class CtemTextSearcher extends ExactTextSearcher {

    @Inject
    public CtemTextSearcher(@ComponentImport JqlOperandResolver operands,
                            @ComponentImport CustomFieldInputHelper inputs,
                            @ComponentImport FieldVisibilityManager visibility) {
        super(operands, inputs, visibility);
    }
}
