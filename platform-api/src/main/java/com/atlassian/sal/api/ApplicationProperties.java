package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Optional;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: getBaseUrl(UrlMode.CANONICAL)
// building issue links in atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java) and
// getBaseUrl(UrlMode.ABSOLUTE) in the same app (postfunction/SlackPostFunctionFactory.java).
// getSharedHomeDirectory (an Optional of a Path): Jira 11 evidence deftdevs/bootstrapi@4c9d627 (fetched snapshot,
// 2026-08-22), whose Jira module builds against Jira 11.3.10 (jira/pom.xml) and bundles bootstrapi-commons, compiled
// against Atlassian platform 8.3.26's SAL ("Jira 11.3 ships 8.3.21", its pom.xml):
// commons/src/main/java/com/deftdevs/bootstrapi/commons/startup/StartupConfigLifecycle.java:154,
// applicationProperties.getSharedHomeDirectory().ifPresent(home -> ...). (An older stored version of the same app
// built against Jira 9.12.19.) The app uses SAL's method, not Jira's own JiraHome.

public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);

    Optional<Path> getSharedHomeDirectory();
}
