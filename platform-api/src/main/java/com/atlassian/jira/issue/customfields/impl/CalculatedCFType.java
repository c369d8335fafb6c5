package com.atlassian.jira.issue.customfields.impl;

// Mirror (compile-only, never packaged). Only the abstract methods a subclass implements; the rest of Jira's class
// (its CustomFieldType methods, implemented by Jira) is left out, which is why the app extends this class and never
// implements CustomFieldType itself. Jira 10 evidence: the Jira Software 10.6.0 javadoc shows
// com.atlassian.greenhopper.customfield.rank.RankCFType extends CalculatedCFType implements SortableCustomField
// (docs.atlassian.com/jira-software/10.6.0/com/atlassian/greenhopper/customfield/rank/RankCFType.html); the three
// abstract methods are those of the Jira javadoc (docs.atlassian.com/jira/latest/.../impl/CalculatedCFType.html).
// UNVERIFIED on Jira 11: no public Jira 11 code extends it (shared research, addendum section 1).

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;

public abstract class CalculatedCFType<T, S> {

    protected CalculatedCFType() {
    }

    /** The field's value for the issue, computed (nothing is stored); null when the issue has none. */
    public abstract T getValueFromIssue(CustomField field, Issue issue);

    public abstract String getStringFromSingularObject(S singularObject);

    public abstract S getSingularObjectFromString(String string) throws FieldValidationException;
}
