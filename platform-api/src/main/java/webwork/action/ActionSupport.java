package webwork.action;

// Mirror (compile-only, never packaged). The lifecycle methods an action overrides: doDefault() for the
// "!default" command and doExecute() for a submit; checked against shared/research/jira-platform.md §3.6.

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
