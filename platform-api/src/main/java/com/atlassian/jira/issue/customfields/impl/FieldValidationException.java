package com.atlassian.jira.issue.customfields.impl;

// Mirror (compile-only, never packaged). Declared by CalculatedCFType#getSingularObjectFromString (Jira javadoc,
// docs.atlassian.com/jira/latest/.../impl/CalculatedCFType.html). Mirrored unchecked, as Jira's javadoc lists it
// under RuntimeException; UNVERIFIED on Jira 11 (no public Jira 11 code throws it).

public class FieldValidationException extends RuntimeException {

    public FieldValidationException(String message) {
        super(message);
    }
}
