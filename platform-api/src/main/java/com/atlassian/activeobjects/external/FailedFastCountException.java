package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). The checked exception declared by ActiveObjects#getFastCountEstimate;
// checked against the decompiled activeobjects-plugin 5.2.1 in ngannk-fptu/Decompiled-Files
// (.../activeobjects/external/FailedFastCountException.java). This app only declares it, never throws it.

public class FailedFastCountException extends Exception {

    public FailedFastCountException(Throwable cause) {
        super(cause);
    }
}
