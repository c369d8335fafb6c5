package com.atlassian.jira.util;

// Mirror (compile-only, never packaged). Only the methods this app calls. Not found in public Jira 11 code (the reference
// apps never read an IssueService result's errors); unverified on Jira 11. Best evidence: the ErrorCollection API
// docs (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/util/ErrorCollection.html): field errors by field id,
// messages without a field.

import java.util.Collection;
import java.util.Map;

public interface ErrorCollection {

    /** Errors per field id (e.g. "summary", "customfield_10010"). */
    Map<String, String> getErrors();

    /** Errors that belong to no single field. */
    Collection<String> getErrorMessages();

    boolean hasAnyErrors();
}
