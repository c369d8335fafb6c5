package com.atlassian.sal.api.message;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): injected and asked getText(String) in
// codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java, workflow/StartSessionWorkflowFunction.java).

public interface I18nResolver {

    String getText(String key);
}
