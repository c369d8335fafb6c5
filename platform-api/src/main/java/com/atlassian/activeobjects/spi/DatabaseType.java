package com.atlassian.activeobjects.spi;

// Mirror (compile-only, never packaged). Not found in public Jira 11 code (the command line names its database). Best
// evidence: activeobjects-spi in Kast0rTr0y/ao-plugin (activeobjects-spi/.../spi/DatabaseType.java) and the
// decompiled activeobjects-spi 5.2.1 in ngannk-fptu/Decompiled-Files.

public enum DatabaseType {
    H2,
    HSQL,
    MYSQL,
    POSTGRESQL,
    ORACLE,
    MS_SQL,
    DB2,
    DERBY_EMBEDDED,
    DERBY_NETWORK,
    NUODB,
    UNKNOWN
}
