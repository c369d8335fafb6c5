package com.atlassian.jira.issue.customfields.converters;

// Mirror (compile-only, never packaged). Named only as NumberRangeSearcher's constructor parameter (see that file:
// UNVERIFIED on Jira 10/11; siebertm/jira-plus-one-field@d5201a4, PlusOneSearcher.java, pre-10).

public interface DoubleConverter {
}
