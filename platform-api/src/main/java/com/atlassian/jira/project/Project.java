package com.atlassian.jira.project;

// Mirror (compile-only, never packaged). Only the methods this app calls; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/project/Project.java (@PublicApi). The real interface extends Named, NamedWithDescription, WithId, WithKey.

public interface Project {

    Long getId();

    String getName();

    String getKey();
}
