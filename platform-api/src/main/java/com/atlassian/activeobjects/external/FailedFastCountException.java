package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). The checked exception declared by ActiveObjects#getFastCountEstimate;
// checked against shared/research/jira-platform.md §3.1. Its real constructor takes net.java.ao's exception of the
// same name, which AO 3.2.11 (our compile-time AO) lacks; this app only declares it and never constructs it.

public class FailedFastCountException extends Exception {

    private FailedFastCountException() {
        throw new UnsupportedOperationException();
    }
}
