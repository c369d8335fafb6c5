package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Not found in public Jira 11 code. The checked exception declared by
// ActiveObjects#getFastCountEstimate; best evidence: the decompiled activeobjects-plugin 5.2.1 in
// ngannk-fptu/Decompiled-Files (.../activeobjects/external/FailedFastCountException.java). This app only declares it.

public class FailedFastCountException extends Exception {

    public FailedFastCountException(Throwable cause) {
        super(cause);
    }
}
