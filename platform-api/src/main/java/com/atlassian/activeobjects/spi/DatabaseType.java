package com.atlassian.activeobjects.spi;

// Mirror (compile-only, never packaged). Only the constants this app names; checked against the
// activeobjects-plugin sources in Kast0rTr0y/ao-plugin (activeobjects-spi .../spi/DatabaseType.java).

public enum DatabaseType {
    H2,
    HSQL,
    POSTGRESQL,
    UNKNOWN
}
