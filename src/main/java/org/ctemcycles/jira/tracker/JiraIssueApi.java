package org.ctemcycles.jira.tracker;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.PriorityManager;
import com.atlassian.jira.config.ResolutionManager;
import com.atlassian.jira.config.SubTaskManager;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.entity.property.JsonEntityPropertyManager;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.ofbiz.OfBizDelegator;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import jakarta.inject.Inject;
import org.springframework.stereotype.Component;

/**
 * The Jira services the tracker adapter works through, imported once (as the Slack app's ComponentImports holds
 * its imports): issues through {@link IssueService} (validated, so the project's required fields apply), the
 * finding's link on the issue through {@link JsonEntityPropertyManager}, the issues carrying a label read from Jira's
 * database through {@link OfBizDelegator} (not from the search index, which another node may not have yet), and what
 * configuration is checked against (projects, issue types, priorities, resolutions, workflows, link types, users).
 */
@Component
public class JiraIssueApi {

    final IssueService issues;
    final IssueManager issueManager;
    final JsonEntityPropertyManager properties;
    final OfBizDelegator database;
    final SubTaskManager subTasks;
    final IssueLinkManager links;
    final IssueLinkTypeManager linkTypes;
    final WorkflowManager workflows;
    final PriorityManager priorities;
    final ResolutionManager resolutions;
    final IssueTypeManager issueTypes;
    final IssueTypeSchemeManager issueTypeSchemes;
    final DateTimeFormatter dates;
    final ProjectManager projects;
    final UserManager users;
    final ApplicationProperties application;

    @Inject
    public JiraIssueApi(@ComponentImport IssueService issues, @ComponentImport IssueManager issueManager,
                        @ComponentImport JsonEntityPropertyManager properties, @ComponentImport OfBizDelegator database,
                        @ComponentImport SubTaskManager subTasks, @ComponentImport IssueLinkManager links,
                        @ComponentImport IssueLinkTypeManager linkTypes, @ComponentImport WorkflowManager workflows,
                        @ComponentImport PriorityManager priorities,
                        @ComponentImport ResolutionManager resolutions,
                        @ComponentImport IssueTypeManager issueTypes,
                        @ComponentImport IssueTypeSchemeManager issueTypeSchemes,
                        @ComponentImport DateTimeFormatter dates, @ComponentImport ProjectManager projects,
                        @ComponentImport UserManager users, @ComponentImport ApplicationProperties application) {
        this.issues = issues;
        this.issueManager = issueManager;
        this.properties = properties;
        this.database = database;
        this.subTasks = subTasks;
        this.links = links;
        this.linkTypes = linkTypes;
        this.workflows = workflows;
        this.priorities = priorities;
        this.resolutions = resolutions;
        this.issueTypes = issueTypes;
        this.issueTypeSchemes = issueTypeSchemes;
        this.dates = dates;
        this.projects = projects;
        this.users = users;
        this.application = application;
    }
}
