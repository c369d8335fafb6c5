package org.ofbiz.core.entity;

// Mirror (compile-only, never packaged). Thrown by CustomFieldManager#createCustomField (Jira 7.2.0 javadoc; see
// that file), a checked exception there. UNVERIFIED on Jira 11.

public class GenericEntityException extends Exception {

    public GenericEntityException(String message) {
        super(message);
    }
}
