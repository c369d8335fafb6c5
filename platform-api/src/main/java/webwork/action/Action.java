package webwork.action;

// Mirror (compile-only, never packaged). webwork1 ships inside Jira. Jira 11 evidence (scripts/check-mirror; the apps
// and their Jira versions are in platform-api/README.md): SUCCESS and ERROR in codescape/jira-scrum-poker@bb652fd
// (action/ScrumPokerAction.java), codescape/jira-multiple-subtasks@ce71581 (action/GlobalSubtaskTemplatesAction.java)
// and atlassian-labs/atlassian-slack-integration-server@94c50dc (web/actions/AbstractProjectAction.java); execute()
// overridden in atlassian-slack-integration-server (web/actions/SlackEditGlobalSettings.java). INPUT, NONE and LOGIN
// are not found in public Jira 11 code; best evidence: the Jira 10.3.21 API docs (inherited constants of
// webwork.action.ActionSupport).

public interface Action {

    String SUCCESS = "success";
    String INPUT = "input";
    String ERROR = "error";
    String NONE = "none";
    String LOGIN = "login";

    String execute() throws Exception;
}
