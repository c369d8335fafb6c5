package com.atlassian.jira.bc.issue;

// Mirror (compile-only, never packaged). Only the methods and result types this app uses. Jira 11 evidence: the
// interface is injected and getIssue(ApplicationUser, String) called, its IssueResult read with getIssue(), in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java). The validate-then-act methods are UNVERIFIED on
// Jira 11 (no public Jira 10/11 code calls them): signatures from the IssueService Javadoc
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/bc/issue/IssueService.html and the nested result classes,
// docs.atlassian.com/jira/latest/com/atlassian/jira/bc/issue/IssueService.IssueResult.html) and from Atlassian's
// "Performing issue operations" guide (developer.atlassian.com/x/bIB, updated February 2026), which still teaches
// them. The nested results hold their values as Jira's do, so test doubles can build them.

import com.atlassian.jira.bc.ServiceResultImpl;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;

import java.util.Map;

public interface IssueService {

    IssueInputParameters newIssueInputParameters();

    IssueResult getIssue(ApplicationUser user, Long issueId);

    IssueResult getIssue(ApplicationUser user, String issueKey);

    CreateValidationResult validateCreate(ApplicationUser user, IssueInputParameters issueInputParameters);

    CreateValidationResult validateSubTaskCreate(ApplicationUser user, Long parentId,
                                                 IssueInputParameters issueInputParameters);

    IssueResult create(ApplicationUser user, CreateValidationResult createValidationResult);

    UpdateValidationResult validateUpdate(ApplicationUser user, Long issueId,
                                          IssueInputParameters issueInputParameters);

    IssueResult update(ApplicationUser user, UpdateValidationResult updateValidationResult);

    TransitionValidationResult validateTransition(ApplicationUser user, Long issueId, int actionId,
                                                  IssueInputParameters issueInputParameters);

    IssueResult transition(ApplicationUser user, TransitionValidationResult transitionResult);

    class IssueResult extends ServiceResultImpl {

        private final MutableIssue issue;

        public IssueResult(MutableIssue issue) {
            this(issue, null);
        }

        public IssueResult(MutableIssue issue, ErrorCollection errorCollection) {
            super(errorCollection);
            this.issue = issue;
        }

        public MutableIssue getIssue() {
            return issue;
        }
    }

    class IssueValidationResult extends ServiceResultImpl {

        private final MutableIssue issue;
        private final Map<String, Object> fieldValuesHolder;

        public IssueValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                     Map<String, Object> fieldValuesHolder) {
            super(errorCollection);
            this.issue = issue;
            this.fieldValuesHolder = fieldValuesHolder;
        }

        public MutableIssue getIssue() {
            return issue;
        }

        public Map<String, Object> getFieldValuesHolder() {
            return fieldValuesHolder;
        }
    }

    class CreateValidationResult extends IssueValidationResult {

        public CreateValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                      Map<String, Object> fieldValuesHolder) {
            super(issue, errorCollection, fieldValuesHolder);
        }
    }

    class UpdateValidationResult extends IssueValidationResult {

        public UpdateValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                      Map<String, Object> fieldValuesHolder) {
            super(issue, errorCollection, fieldValuesHolder);
        }
    }

    class TransitionValidationResult extends IssueValidationResult {

        private final int actionId;

        public TransitionValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                          Map<String, Object> fieldValuesHolder, Map<String, Object> additionInputs,
                                          int actionId) {
            super(issue, errorCollection, fieldValuesHolder);
            this.actionId = actionId;
        }

        public int getActionId() {
            return actionId;
        }
    }
}
