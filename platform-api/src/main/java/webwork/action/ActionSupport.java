package webwork.action;

// Mirror (compile-only, never packaged). The lifecycle methods an action overrides: doDefault() for the
// "!default" command and doExecute() for a submit. Checked against the Jira 10.3.21 API docs
// (docs.atlassian.com/software/jira/docs/api/10.3.21/webwork/action/ActionSupport.html) and the Jira 11 override
// `protected String doExecute() throws Exception` in atlassian-labs/atlassian-slack-integration-server
// (.../slack/web/actions/AbstractProjectAction.java).

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
