package com.atlassian.jira.config;

// Mirror (compile-only, never packaged). Only the method this app calls. UNVERIFIED on Jira 11 (no public Jira 10/11 code
// lists resolutions). Best evidence: the API docs (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/config/ResolutionManager.html).

import com.atlassian.jira.issue.resolution.Resolution;

import java.util.List;

public interface ResolutionManager {

    List<Resolution> getResolutions();
}
