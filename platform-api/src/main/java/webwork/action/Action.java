package webwork.action;

// Mirror (compile-only, never packaged). webwork1 ships inside Jira; the result constants are checked against
// shared/research/jira-platform.md §3.6.

public interface Action {

    String SUCCESS = "success";
    String INPUT = "input";
    String ERROR = "error";
    String NONE = "none";
    String LOGIN = "login";

    String execute() throws Exception;
}
