package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Optional;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: getBaseUrl(UrlMode.CANONICAL)
// building issue links in atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java) and
// getBaseUrl(UrlMode.ABSOLUTE) in the same app (postfunction/SlackPostFunctionFactory.java).
// getSharedHomeDirectory: NOT VERIFIED ON JIRA 11 (no public Jira 11 use found with the search tools). Best evidence:
// deftdevs/bootstrapi, whose Jira module builds against Jira 9.12.19 (commons/.../startup/StartupConfigLifecycle.java:
// applicationProperties.getSharedHomeDirectory().ifPresent(home -> ...), an Optional of a Path).

public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);

    Optional<Path> getSharedHomeDirectory();
}
