package com.atlassian.jira.issue.customfields.searchers;

// Mirror (compile-only, never packaged). Only the constructor a wrapper calls. UNVERIFIED on Jira 10/11: no public
// Jira 10/11 code extends it. Best older evidence: siebertm/jira-plus-one-field@d5201a4
// (src/main/java/de/siebertm/jira/plugins/customfields/PlusOneSearcher.java, Jira 5 era) extends it with this
// constructor; the Jira 4.0 javadoc lists a different one for ExactNumberSearcher, so this signature has moved
// before and must be checked against Jira 11 before a release (docs/adr/101).

import com.atlassian.jira.issue.customfields.converters.DoubleConverter;
import com.atlassian.jira.issue.customfields.searchers.transformer.CustomFieldInputHelper;
import com.atlassian.jira.jql.operand.JqlOperandResolver;

public class NumberRangeSearcher {

    public NumberRangeSearcher(JqlOperandResolver jqlOperandResolver, DoubleConverter doubleConverter,
                               CustomFieldInputHelper customFieldInputHelper) {
        throw new UnsupportedOperationException("mirror");
    }
}
