package org.ctemcycles.jira.tracker;

import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import org.ctemcycles.core.mobilisation.TrackerStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading a Jira workflow by status category, never by transition id (ids differ between workflows and change when
 * a workflow is edited): the transitions open from an issue's status, each with the status it leads to, found
 * through the workflow's descriptor as Jira's own post functions read it; and the status category a status belongs
 * to, after the cycle's status map.
 */
final class Workflows {

    /** A transition open from a status: its id (for IssueService) and where it leads. */
    record Transition(int actionId, String name, Status target) {
    }

    private Workflows() {
    }

    /** The status category of a status as Jira defines it ("undefined" is read as To Do). */
    static TrackerStatus ownCategory(Status status) {
        StatusCategory category = status == null ? null : status.getStatusCategory();
        String key = category == null ? "" : category.getKey();
        if (StatusCategory.COMPLETE.equals(key)) {
            return TrackerStatus.DONE;
        }
        if (StatusCategory.IN_PROGRESS.equals(key)) {
            return TrackerStatus.IN_PROGRESS;
        }
        return TrackerStatus.TO_DO;
    }

    /** The category the register reads a status as: the cycle's status map first. */
    static TrackerStatus category(Status status, TrackerConfig config) {
        return config.category(status == null ? "" : status.getName(), ownCategory(status));
    }

    /**
     * The transitions open from {@code current}: those of its step, then the workflow's global ones; a transition
     * that stays on the same step is left out.
     */
    static List<Transition> from(JiraWorkflow workflow, Status current) {
        WorkflowDescriptor descriptor = workflow.getDescriptor();
        List<Object> actions = new ArrayList<>();
        StepDescriptor step = workflow.getLinkedStep(current);
        if (step != null && step.getActions() != null) {
            actions.addAll(step.getActions());
        }
        if (descriptor.getGlobalActions() != null) {
            actions.addAll(descriptor.getGlobalActions());
        }
        List<Transition> transitions = new ArrayList<>();
        for (Object element : actions) {
            ActionDescriptor action = (ActionDescriptor) element;
            int target = action.getUnconditionalResult().getStep();
            if (target == JiraWorkflow.ACTION_ORIGIN_STEP_ID || (step != null && target == step.getId())) {
                continue;
            }
            StepDescriptor targetStep = descriptor.getStep(target);
            Status status = targetStep == null ? null : workflow.getLinkedStatusObject(targetStep);
            if (status != null) {
                transitions.add(new Transition(action.getId(), action.getName(), status));
            }
        }
        return transitions;
    }

    /**
     * The transition from {@code current} into a status of {@code category}: into {@code preferredStatus} when
     * one leads there, else the first that leads into the category.
     */
    static Optional<Transition> into(JiraWorkflow workflow, Status current, TrackerStatus category,
                                     String preferredStatus, TrackerConfig config) {
        List<Transition> candidates = from(workflow, current).stream()
                .filter(t -> category(t.target(), config) == category).toList();
        return candidates.stream().filter(t -> t.target().getName().equalsIgnoreCase(preferredStatus)).findFirst()
                .or(() -> candidates.stream().findFirst());
    }
}
