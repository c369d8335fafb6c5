package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.customfields.converters.DoubleConverter;
import com.atlassian.jira.issue.customfields.searchers.NumberRangeSearcher;
import com.atlassian.jira.issue.customfields.searchers.transformer.CustomFieldInputHelper;
import com.atlassian.jira.jql.operand.JqlOperandResolver;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;

/**
 * Jira's number range searcher under the app's own module key, for the rank and the score
 * ({@code "CTEM Rank" <= 20}), indexed and sorted as numbers by Jira itself. Its constructor is mirrored from
 * pre-Jira-10 evidence only and must be checked against Jira 11 before a release (docs/adr/101).
 */
public class CtemNumberSearcher extends NumberRangeSearcher {

    @Inject
    public CtemNumberSearcher(@ComponentImport JqlOperandResolver operands,
                              @ComponentImport DoubleConverter numbers,
                              @ComponentImport CustomFieldInputHelper inputs) {
        super(operands, numbers, inputs);
    }
}
