package webwork.action;

// Mirror (compile-only, never packaged). webwork1 ships inside Jira; the result constants are checked against the
// Jira 10.3.21 API docs (inherited constants of webwork.action.ActionSupport).

public interface Action {

    String SUCCESS = "success";
    String INPUT = "input";
    String ERROR = "error";
    String NONE = "none";
    String LOGIN = "login";

    String execute() throws Exception;
}
