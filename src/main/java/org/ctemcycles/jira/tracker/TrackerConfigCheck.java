package org.ctemcycles.jira.tracker;

import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.resolution.Resolution;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.workflow.JiraWorkflow;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.mobilisation.TrackerStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a tracker configuration against Jira as it is: the project and its issue types (the scheme), the
 * priorities, the workflow the project uses for the issue type (every status the status map names, a status of the
 * To Do category to reopen into and one of the Done category to see work done), the resolutions the cycle maps, the
 * link type and the acting user. Every problem names the configuration field and the missing name, with what Jira
 * has instead.
 */
final class TrackerConfigCheck {

    private final JiraIssueApi jira;

    TrackerConfigCheck(JiraIssueApi jira) {
        this.jira = jira;
    }

    /** What the defaults name that exists or not whatever the project. */
    List<Problem> global(TrackerConfig config, Set<String> given) {
        List<Problem> problems = new ArrayList<>();
        priorities(config, problems);
        if (given.contains("resolutionMap")) {
            resolutions(config, problems);
        }
        linkAndActor(config, problems);
        if (config.issueType().isEmpty()) {
            problems.add(new Problem("issueType", "is required: the issue type the findings' issues get"));
        }
        return problems;
    }

    /** The whole configuration as a cycle will use it, against its project's scheme and workflow. */
    List<Problem> forProject(TrackerConfig config, Set<String> given, String cycleKey) {
        List<Problem> problems = new ArrayList<>();
        if (config.projectKey().isEmpty()) {
            problems.add(new Problem("project", "cycle " + cycleKey + " belongs to no Jira project: name the"
                    + " project its findings' issues are opened in"));
            return problems;
        }
        Project project = jira.projects.getProjectByCurrentKey(config.projectKey());
        if (project == null) {
            problems.add(new Problem("project", "Jira has no project with key '" + config.projectKey() + "'"));
            return problems;
        }
        Collection<IssueType> types = project.getIssueTypes();
        IssueType type = byName(types, IssueType::getName, config.issueType());
        if (type == null) {
            problems.add(new Problem("issueType", "project " + project.getKey() + " has no issue type '"
                    + config.issueType() + "' (it has: " + names(types, IssueType::getName) + ")"
                    + (TrackerConfig.DEFAULT_ISSUE_TYPE.equalsIgnoreCase(config.issueType())
                    ? "; an administrator can create it (POST /rest/ctem/1.0/tracker/issue-type) and add it to the"
                    + " project's issue type scheme" : "")));
        } else if (type.isSubTask()) {
            problems.add(new Problem("issueType", "'" + type.getName() + "' is a sub-task type; findings' issues"
                    + " need a standard issue type"));
        }
        if (config.grain() == TrackerConfig.Grain.VULNERABILITY) {
            IssueType subTask = byName(types, IssueType::getName, config.subTaskType());
            if (subTask == null || !subTask.isSubTask()) {
                problems.add(new Problem("subTaskType", "project " + project.getKey() + " has no sub-task type '"
                        + config.subTaskType() + "' (its sub-task types: " + names(types.stream()
                        .filter(IssueType::isSubTask).toList(), IssueType::getName) + ")"));
            }
        }
        priorities(config, problems);
        if (given.contains("resolutionMap")) {
            resolutions(config, problems);
        }
        linkAndActor(config, problems);
        if (type != null) {
            workflow(config, project, type, problems);
        }
        return problems;
    }

    private void workflow(TrackerConfig config, Project project, IssueType type, List<Problem> problems) {
        JiraWorkflow workflow = jira.workflows.getWorkflow(project.getId(), type.getId());
        if (workflow == null) {
            problems.add(new Problem("issueType", "Jira names no workflow for " + type.getName() + " issues of "
                    + project.getKey()));
            return;
        }
        List<Status> statuses = workflow.getLinkedStatusObjects();
        String where = "the workflow '" + workflow.getName() + "' of " + project.getKey() + "'s " + type.getName()
                + " issues";
        for (String name : config.statusMap().keySet()) {
            if (byName(statuses, Status::getName, name) == null) {
                problems.add(new Problem("statusMap." + name, where + " has no status '" + name + "' (it has: "
                        + names(statuses, Status::getName) + ")"));
            }
        }
        if (!config.reopenStatus().isEmpty()) {
            Status reopen = byName(statuses, Status::getName, config.reopenStatus());
            if (reopen == null) {
                problems.add(new Problem("reopenStatus", where + " has no status '" + config.reopenStatus()
                        + "' (it has: " + names(statuses, Status::getName) + ")"));
            } else if (Workflows.category(reopen, config) != TrackerStatus.TO_DO) {
                problems.add(new Problem("reopenStatus", "'" + reopen.getName() + "' is not a status of the To Do"
                        + " category; a reopened finding's issue goes back to work"));
            }
        }
        if (statuses.stream().noneMatch(s -> Workflows.category(s, config) == TrackerStatus.TO_DO)) {
            problems.add(new Problem("reopenStatus", where + " has no status of the To Do category to reopen"
                    + " issues into; map one with statusMap"));
        }
        if (statuses.stream().noneMatch(s -> Workflows.category(s, config) == TrackerStatus.DONE)) {
            problems.add(new Problem("statusMap", where + " has no status of the Done category, so the register"
                    + " would never see work done; map one to done"));
        }
    }

    private void priorities(TrackerConfig config, List<Problem> problems) {
        List<Priority> known = jira.priorities.getPriorities();
        for (Map.Entry<String, String> tier : config.priorities().entrySet()) {
            if (byName(known, Priority::getName, tier.getValue()) == null) {
                problems.add(new Problem("priorities." + tier.getKey(), "Jira has no priority '" + tier.getValue()
                        + "' (it has: " + names(known, Priority::getName) + ")"));
            }
        }
    }

    private void resolutions(TrackerConfig config, List<Problem> problems) {
        List<Resolution> known = jira.resolutions.getResolutions();
        for (String name : config.resolutionMap().keySet()) {
            if (byName(known, Resolution::getName, name) == null) {
                problems.add(new Problem("resolutionMap." + name, "Jira has no resolution '" + name + "' (it has: "
                        + names(known, Resolution::getName) + ")"));
            }
        }
    }

    private void linkAndActor(TrackerConfig config, List<Problem> problems) {
        if (!config.linkType().isEmpty() && jira.linkTypes.getIssueLinkTypesByName(config.linkType()).isEmpty()) {
            problems.add(new Problem("linkType", "Jira has no issue link type '" + config.linkType() + "' (blank:"
                    + " no link to a dependency)"));
        }
        if (!config.actor().isEmpty() && jira.users.getUserByKey(config.actor()) == null) {
            problems.add(new Problem("actor", "Jira has no user with key '" + config.actor() + "'"));
        }
    }

    static <T> T byName(Collection<T> items, Function<T, String> name, String wanted) {
        if (items == null || wanted == null) {
            return null;
        }
        return items.stream().filter(i -> name.apply(i).equalsIgnoreCase(wanted.trim())).findFirst().orElse(null);
    }

    static <T> String names(Collection<T> items, Function<T, String> name) {
        if (items == null || items.isEmpty()) {
            return "none";
        }
        return items.stream().map(name).collect(Collectors.joining(", "));
    }
}
