package com.atlassian.sal.api.message;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): injected and asked getText(String) in
// codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java, workflow/StartSessionWorkflowFunction.java);
// getText(String, Serializable...) in atlassian-labs/atlassian-slack-integration-server@94c50dc
// (jira-slack-server-integration-plugin/.../slack/util/I18nHelper.java, .../notification/impl/CommandEventRenderer.java).

import java.io.Serializable;

public interface I18nResolver {

    String getText(String key);

    String getText(String key, Serializable... arguments);
}
