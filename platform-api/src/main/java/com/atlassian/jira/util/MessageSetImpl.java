package com.atlassian.jira.util;

// Mirror (compile-only, never packaged). A value holder as in Jira (the error messages in the order added), so that
// a JQL function's validate can be tested. Not used by the three Jira 11 reference apps; best evidence:
// atlascommunity/jira-plugins-groovy@021178d (Jira 7.6, impl/jql/function/builtin/DateCompareFunction.java and
// version/AbstractVersionFunction.java build new MessageSetImpl() and add error messages to it).

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

public class MessageSetImpl implements MessageSet {

    private final Set<String> errors = new LinkedHashSet<>();

    @Override
    public void addErrorMessage(String message) {
        errors.add(message);
    }

    @Override
    public boolean hasAnyErrors() {
        return !errors.isEmpty();
    }

    @Override
    public Set<String> getErrorMessages() {
        return Collections.unmodifiableSet(errors);
    }
}
