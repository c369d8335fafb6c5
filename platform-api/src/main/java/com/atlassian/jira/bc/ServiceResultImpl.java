package com.atlassian.jira.bc;

// Mirror (compile-only, never packaged). A value holder as in Jira (the constructor keeps the errors; valid when there are
// none), so test doubles can build IssueService's results. Unverified on Jira 11; best evidence: the Javadoc of
// ServiceResultImpl (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/bc/ServiceResultImpl.html).

import com.atlassian.jira.util.ErrorCollection;

public class ServiceResultImpl implements ServiceResult {

    private final ErrorCollection errorCollection;

    public ServiceResultImpl(ErrorCollection errorCollection) {
        this.errorCollection = errorCollection;
    }

    @Override
    public boolean isValid() {
        return errorCollection == null || !errorCollection.hasAnyErrors();
    }

    @Override
    public ErrorCollection getErrorCollection() {
        return errorCollection;
    }
}
