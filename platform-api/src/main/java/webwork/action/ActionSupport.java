package webwork.action;

// Mirror (compile-only, never packaged). The lifecycle methods an action overrides. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md): doExecute() overridden in
// codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java), codescape/jira-multiple-subtasks@ce71581
// (action/GlobalSubtaskTemplatesAction.java) and atlassian-labs/atlassian-slack-integration-server@94c50dc
// (web/actions/AbstractProjectAction.java); doDefault() in jira-scrum-poker
// (action/ScrumPokerConfigurationAction.java) and jira-multiple-subtasks; doValidation() and execute() in
// atlassian-slack-integration-server (web/actions/SlackIssueMentionsAction.java,
// web/actions/SlackEditGlobalSettings.java). Also the Jira 10.3.21 API docs
// (docs.atlassian.com/software/jira/docs/api/10.3.21/webwork/action/ActionSupport.html).

public class ActionSupport implements Action {

    @Override
    public String execute() throws Exception {
        throw new UnsupportedOperationException();
    }

    public String doDefault() throws Exception {
        throw new UnsupportedOperationException();
    }

    protected String doExecute() throws Exception {
        throw new UnsupportedOperationException();
    }

    protected void doValidation() {
        throw new UnsupportedOperationException();
    }
}
