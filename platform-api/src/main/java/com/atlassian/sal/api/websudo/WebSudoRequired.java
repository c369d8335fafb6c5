package com.atlassian.sal.api.websudo;

// Mirror (compile-only, never packaged). Jira 11 evidence: on the class of a webwork admin action in
// alanmosely/basic-jira-development-panels, its Jira 11.3 line (AGENTS.md @66151a16: "Build target is Jira Data Center
// 11.3.x", jakarta.inject), src/main/java/com/alanmosely/jira/plugin/admin/PullRequestAdminAction.java (the version
// with doSave under @SupportedMethods(POST) and @RequiresXsrfCheck, found with the search tools). Also on the class of
// mashintsev/jira-plugin-starter@d23d48c (web/action/StarterPluginConfigureAction.java, Jira 10.3). Targets and
// retention from SAL's published API docs
// (docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/websudo/WebSudoRequired.html: "can be applied
// on the package, type ... and method level"); the host application enforces it at runtime.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE, ElementType.METHOD})
public @interface WebSudoRequired {
}
