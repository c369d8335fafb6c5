package org.ctemcycles.testing;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.PriorityManager;
import com.atlassian.jira.config.ResolutionManager;
import com.atlassian.jira.config.SubTaskManager;
import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.jira.entity.property.EntityProperty;
import com.atlassian.jira.entity.property.JsonEntityPropertyManager;
import com.atlassian.jira.event.issue.DelegatingJiraIssueEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.issue.IssueEventBundle;
import com.atlassian.jira.event.issue.JiraIssueEvent;
import com.atlassian.jira.event.operation.SpanningOperation;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.resolution.Resolution;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.ofbiz.OfBizDelegator;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ResultDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import org.ctemcycles.jira.tracker.JiraIssueApi;
import org.ofbiz.core.entity.GenericValue;

import java.sql.Timestamp;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Jira's issues as the tracker adapter sees them, as small in-memory test doubles of the mirror's interfaces, over
 * {@link FakeJira}'s users and projects: {@code IssueService} (validate, then act: unknown project, issue type,
 * assignee or priority, a missing summary, an unreadable due date, a field a project requires, a transition not
 * open from the issue's status are errors under Jira's field ids), {@code IssueManager}, entity properties, labels,
 * sub-task and issue links, priorities, resolutions, issue types and the default scheme, one workflow per project
 * (its descriptors Mockito mocks, as OSWorkflow's are classes), the date picker's format and the event publisher.
 * Every change fires an {@link IssueEventBundle} holding a {@link DelegatingJiraIssueEvent}, as Jira does; a test
 * can change issues as a Jira user would ({@link #transition}, {@link #delete}, {@link #moveToProject},
 * {@link #assign}), in bulk (the events carry a spanning operation) or {@link #quietly} (no events: what a node
 * that was down missed). It does not imitate Jira beyond what it documents.
 */
public final class FakeJiraIssues {

    public static final String BASE_URL = "http://jira.example.test";
    /** Jira's default date picker format. */
    static final String DATE_PICKER = "d/MMM/yy";

    public final FakeJira jira;
    public final TestEventPublisher events = new TestEventPublisher();

    public final Status toDo = status("10000", "To Do", StatusCategory.TO_DO);
    public final Status inProgress = status("3", "In Progress", StatusCategory.IN_PROGRESS);
    public final Status inReview = status("10002", "In Review", StatusCategory.IN_PROGRESS);
    public final Status done = status("10001", "Done", StatusCategory.COMPLETE);
    public final Status open = status("1", "Open", StatusCategory.TO_DO);
    public final Status working = status("10003", "Working", StatusCategory.IN_PROGRESS);

    private final List<Priority> priorities = List.of(priority("1", "Highest"), priority("2", "High"),
            priority("3", "Medium"), priority("4", "Low"), priority("5", "Lowest"));
    private final List<Resolution> resolutions = List.of(resolution("10000", "Done"), resolution("10001", "Won't Do"),
            resolution("10002", "Duplicate"), resolution("10003", "Cannot Reproduce"), resolution("1", "Fixed"),
            resolution("2", "Won't Fix"));
    private final List<IssueLinkType> linkTypes = List.of(linkType(10000L, "Blocks"), linkType(10003L, "Relates"));
    private final List<IssueType> allTypes;

    /** SEC: To Do, In Progress, In Review, Done. OPS: Open and Working only (no Done status). */
    private final FakeWorkflow secFlow;
    private final FakeWorkflow opsFlow;

    private final Map<Long, FakeIssue> issues = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> numbers = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(10_000);
    private final Map<String, String> properties = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> requiredFields = new ConcurrentHashMap<>();
    private final List<long[]> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final ThreadLocal<Boolean> silent = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<Boolean> bulk = ThreadLocal.withInitial(() -> false);
    private volatile RuntimeException failAfterCreate;
    private volatile Runnable beforeFailing;
    private volatile Map.Entry<String, RuntimeException> failAfterProperty;

    public FakeJiraIssues(FakeJira jira) {
        this.jira = jira;
        this.allTypes = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(jira.bug, jira.task, jira.subTask,
                jira.exposure));
        this.secFlow = new FakeWorkflow("CTEM workflow", List.of(toDo, inProgress, inReview, done), new int[][]{
                {11, 1, 2}, {21, 1, 4}, {21, 2, 4}, {21, 3, 4}, {31, 2, 3}, {41, 4, 1}, {51, 2, 1}, {61, 3, 2}},
                Map.of(11, "Start Progress", 21, "Done", 31, "Review", 41, "Reopen", 51, "Stop Progress",
                        61, "Back to progress"));
        this.opsFlow = new FakeWorkflow("Ops workflow", List.of(open, working), new int[][]{{11, 1, 2}, {51, 2, 1}},
                Map.of(11, "Work", 51, "Stop"));
    }

    // ---- what a test asks of Jira ----

    /** How many issues IssueService created. */
    public int createdCount() {
        return created.get();
    }

    public List<MutableIssue> issues() {
        return issues.values().stream().sorted((a, b) -> Long.compare(a.id, b.id)).map(FakeIssue::copy)
                .map(MutableIssue.class::cast).toList();
    }

    public MutableIssue byKey(String key) {
        return issues.values().stream().filter(i -> i.key.equals(key)).findFirst().map(FakeIssue::copy)
                .orElseThrow(() -> new IllegalArgumentException("no issue " + key));
    }

    public String description(String key) {
        return fake(key).description;
    }

    public List<String> comments(String key) {
        return List.copyOf(fake(key).comments);
    }

    public Set<String> labels(String key) {
        return Set.copyOf(fake(key).labels);
    }

    public String priorityName(String key) {
        String id = fake(key).priorityId;
        return priorities.stream().filter(p -> p.getId().equals(id)).map(Priority::getName).findFirst().orElse(null);
    }

    /** The links made: {source id, destination id, link type id}. */
    public List<long[]> links() {
        return List.copyOf(links);
    }

    /** The project requires the field (by Jira's field id) on create. */
    public void require(String projectKey, String fieldId) {
        requiredFields.computeIfAbsent(projectKey, p -> ConcurrentHashMap.newKeySet()).add(fieldId);
    }

    /** The next create succeeds in Jira and then fails with this exception (a node dying before its commit). */
    public void failAfterNextCreate(RuntimeException failure) {
        failAfterNextCreate(failure, () -> {
        });
    }

    /**
     * As {@link #failAfterNextCreate(RuntimeException)}, running {@code meanwhile} after Jira stored the issue and
     * before the failure: what other nodes do while the dying node still holds its locks.
     */
    public void failAfterNextCreate(RuntimeException failure, Runnable meanwhile) {
        this.beforeFailing = meanwhile;
        this.failAfterCreate = failure;
    }

    /**
     * The next property stored under this entity name is stored and then the call fails with this exception (a node
     * dying after Jira kept the issue and its link, before the app's own transaction committed).
     */
    public void failAfterNextProperty(String entityName, RuntimeException failure) {
        this.failAfterProperty = Map.entry(entityName, failure);
    }

    /** Runs changes without firing events: what the app misses while a node is down or the app disabled. */
    public void quietly(Runnable changes) {
        silent.set(true);
        try {
            changes.run();
        } finally {
            silent.set(false);
        }
    }

    /** Runs changes as one bulk operation: their events carry a spanning operation. */
    public void inBulk(Runnable changes) {
        bulk.set(true);
        try {
            changes.run();
        } finally {
            bulk.set(false);
        }
    }

    /** A user moves the issue to a status through the workflow's transition (a Done status resolves it). */
    public void transition(String key, Status to, String resolution, ApplicationUser user) {
        FakeIssue issue = fake(key);
        FakeWorkflow flow = flow(issue.projectKey);
        Integer action = flow.actionInto(issue.status, to);
        if (action == null) {
            throw new IllegalArgumentException("no transition from " + issue.status.getName() + " to " + to.getName());
        }
        applyTransition(issue, to, resolution, null, user, action);
    }

    public void assign(String key, String userKey, ApplicationUser by) {
        FakeIssue issue = fake(key);
        issue.assigneeId = userKey;
        fire(issue, EventType.ISSUE_ASSIGNED_ID, by);
    }

    public void setDueDate(String key, LocalDate due, ApplicationUser by) {
        FakeIssue issue = fake(key);
        issue.dueDate = due;
        fire(issue, EventType.ISSUE_UPDATED_ID, by);
    }

    /** Moves the issue to another project: a new key, the same id. */
    public void moveToProject(String key, Project project, ApplicationUser by) {
        FakeIssue issue = fake(key);
        issue.projectKey = project.getKey();
        issue.key = project.getKey() + "-" + numbers.computeIfAbsent(project.getKey(), k -> new AtomicInteger())
                .incrementAndGet();
        fire(issue, EventType.ISSUE_MOVED_ID, by);
    }

    /**
     * A user clones the issue: a new issue in the same project with its summary, description, type and labels (Jira's
     * clone copies labels), in the workflow's first status, not counted by {@link #createdCount}.
     */
    public MutableIssue cloneIssue(String key, ApplicationUser by) {
        FakeIssue original = fake(key);
        FakeIssue clone = new FakeIssue();
        clone.id = nextId.incrementAndGet();
        clone.projectKey = original.projectKey;
        clone.key = original.projectKey + "-" + numbers.computeIfAbsent(original.projectKey,
                k -> new AtomicInteger()).incrementAndGet();
        clone.typeId = original.typeId;
        clone.summary = "CLONE - " + original.summary;
        clone.description = original.description;
        clone.status = flow(original.projectKey).initial();
        clone.reporterId = by.getKey();
        clone.labels.addAll(original.labels);
        issues.put(clone.id, clone);
        fire(clone, EventType.ISSUE_CREATED_ID, by);
        return clone.copy();
    }

    public void delete(String key, ApplicationUser by) {
        FakeIssue issue = fake(key);
        FakeIssue gone = issue.copy();
        issues.remove(issue.id);
        fire(gone, EventType.ISSUE_DELETED_ID, by);
    }

    /** The Jira services the tracker adapter takes, over this fake. */
    public JiraIssueApi api() {
        return new JiraIssueApi(issueService, issueManager, propertyManager, database, subTaskManager,
                linkManager, linkTypeManager, workflowManager, priorityManager, resolutionManager, issueTypeManager,
                issueTypeSchemeManager, dateTimeFormatter, jira.projectManager, jira.userManager,
                applicationProperties);
    }

    // ---- the services ----

    public final IssueManager issueManager = new IssueManager() {
        @Override
        public MutableIssue getIssueObject(Long id) {
            FakeIssue issue = id == null ? null : issues.get(id);
            return issue == null ? null : issue.copy();
        }

        @Override
        public MutableIssue getIssueObject(String key) {
            return issues.values().stream().filter(i -> i.key.equals(key)).findFirst().map(FakeIssue::copy)
                    .orElse(null);
        }
    };

    public final JsonEntityPropertyManager propertyManager = new JsonEntityPropertyManager() {
        @Override
        public EntityProperty get(String entityName, Long entityId, String key) {
            String value = properties.get(entityName + "#" + entityId + "#" + key);
            return value == null ? null : new EntityProperty() {
                @Override
                public String getKey() {
                    return key;
                }

                @Override
                public String getValue() {
                    return value;
                }
            };
        }

        @Override
        public void put(String entityName, Long entityId, String key, String json) {
            properties.put(entityName + "#" + entityId + "#" + key, json);
            Map.Entry<String, RuntimeException> failure = failAfterProperty;
            if (failure != null && failure.getKey().equals(entityName)) {
                failAfterProperty = null;
                throw failure.getValue();
            }
        }

        @Override
        public void delete(String entityName, Long entityId, String key) {
            properties.remove(entityName + "#" + entityId + "#" + key);
        }
    };

    /**
     * Jira's database as the adapter reads it: only the {@code Label} entity by its {@code label} field, each row a
     * GenericValue answering {@code getLong("issue")}. A deleted issue's labels go with it, as in Jira.
     */
    public final OfBizDelegator database = (entityName, fields) -> {
        if (!"Label".equals(entityName) || !fields.keySet().equals(Set.of("label"))) {
            throw new UnsupportedOperationException("the fake reads only Label by label, not " + entityName + " "
                    + fields.keySet());
        }
        Object label = fields.get("label");
        return issues.values().stream().filter(i -> i.labels.contains(label)).sorted((a, b) -> Long.compare(a.id,
                b.id)).map(i -> {
                    GenericValue row = mock(GenericValue.class);
                    when(row.getLong("issue")).thenReturn(i.id);
                    return row;
                }).toList();
    };

    public final SubTaskManager subTaskManager = (parent, child, user) -> issues.get(child.getId()).parentId =
            parent.getId();

    public final IssueLinkManager linkManager = new IssueLinkManager() {
        @Override
        public void createIssueLink(Long source, Long destination, Long type, Long sequence, ApplicationUser user) {
            links.add(new long[]{source, destination, type});
        }

        @Override
        public List<IssueLink> getInwardLinks(Long issueId) {
            return links.stream().filter(l -> l[1] == issueId).map(l -> (IssueLink) new FakeLink(l[0],
                    linkTypes.stream().filter(t -> t.getId() == l[2]).findFirst().orElseThrow())).toList();
        }
    };

    public final IssueLinkTypeManager linkTypeManager = name -> linkTypes.stream()
            .filter(t -> ((FakeLinkType) t).name.equalsIgnoreCase(name)).toList();

    public final PriorityManager priorityManager = () -> priorities;
    public final ResolutionManager resolutionManager = () -> resolutions;

    public final IssueTypeManager issueTypeManager = new IssueTypeManager() {
        @Override
        public Collection<IssueType> getIssueTypes() {
            return List.copyOf(allTypes);
        }

        @Override
        public IssueType createIssueType(String name, String description, Long avatarId) {
            IssueType type = FakeJira.type(String.valueOf(20_000 + allTypes.size()), name, false);
            allTypes.add(type);
            return type;
        }
    };

    public final IssueTypeSchemeManager issueTypeSchemeManager = this::addToDefaultScheme;

    private void addToDefaultScheme(String id) {
        allTypes.stream().filter(t -> t.getId().equals(id)).findFirst().ifPresent(jira.defaultScheme::add);
    }

    public final WorkflowManager workflowManager = new WorkflowManager() {
        @Override
        public JiraWorkflow getWorkflow(Issue issue) {
            return flow(issue.getProjectObject().getKey());
        }

        @Override
        public JiraWorkflow getWorkflow(Long projectId, String issueTypeId) {
            return projectId.equals(jira.ops.getId()) ? opsFlow : secFlow;
        }
    };

    public final DateTimeFormatter dateTimeFormatter = new DateTimeFormatter() {
        @Override
        public DateTimeFormatter forUser(ApplicationUser user) {
            return this;
        }

        @Override
        public DateTimeFormatter withStyle(DateTimeStyle style) {
            if (style != DateTimeStyle.DATE_PICKER) {
                throw new UnsupportedOperationException(style.name());
            }
            return this;
        }

        @Override
        public String format(Date date) {
            SimpleDateFormat format = new SimpleDateFormat(DATE_PICKER, Locale.ENGLISH);
            return format.format(date);
        }
    };

    /** Jira's shared home as the app sees it (none until a test gives one). */
    public volatile java.nio.file.Path sharedHome;
    public final ApplicationProperties applicationProperties = new ApplicationProperties() {
        @Override
        public String getBaseUrl(com.atlassian.sal.api.UrlMode mode) {
            return BASE_URL;
        }

        @Override
        public java.util.Optional<java.nio.file.Path> getSharedHomeDirectory() {
            return java.util.Optional.ofNullable(sharedHome);
        }
    };

    public final IssueService issueService = new IssueService() {
        @Override
        public IssueInputParameters newIssueInputParameters() {
            return new FakeParameters();
        }

        @Override
        public IssueResult getIssue(ApplicationUser user, Long issueId) {
            MutableIssue issue = issueManager.getIssueObject(issueId);
            return new IssueResult(issue, issue == null ? errors(Map.of(), List.of("Issue does not exist")) : null);
        }

        @Override
        public IssueResult getIssue(ApplicationUser user, String issueKey) {
            MutableIssue issue = issueManager.getIssueObject(issueKey);
            return new IssueResult(issue, issue == null ? errors(Map.of(), List.of("Issue does not exist")) : null);
        }

        @Override
        public CreateValidationResult validateCreate(ApplicationUser user, IssueInputParameters params) {
            return new CreateValidationResult(new FakeIssue(), errors(createErrors(user, (FakeParameters) params,
                    null), List.of()), holder(params, null));
        }

        @Override
        public CreateValidationResult validateSubTaskCreate(ApplicationUser user, Long parentId,
                                                            IssueInputParameters params) {
            return new CreateValidationResult(new FakeIssue(), errors(createErrors(user, (FakeParameters) params,
                    parentId), List.of()), holder(params, parentId));
        }

        @Override
        public IssueResult create(ApplicationUser user, CreateValidationResult result) {
            if (!result.isValid()) {
                return new IssueResult(null, result.getErrorCollection());
            }
            FakeParameters params = (FakeParameters) result.getFieldValuesHolder().get("params");
            Project project = project(params.projectId);
            FakeIssue issue = new FakeIssue();
            issue.id = nextId.incrementAndGet();
            issue.projectKey = project.getKey();
            issue.key = project.getKey() + "-" + numbers.computeIfAbsent(project.getKey(), k -> new AtomicInteger())
                    .incrementAndGet();
            issue.typeId = params.issueTypeId;
            issue.status = flow(project.getKey()).initial();
            apply(issue, params);
            issue.labels.addAll(((FakeIssue) result.getIssue()).labels); // set on the issue to create: kept with it
            issue.reporterId = params.reporterId;
            issues.put(issue.id, issue);
            created.incrementAndGet();
            fire(issue, EventType.ISSUE_CREATED_ID, user);
            RuntimeException failure = failAfterCreate;
            if (failure != null) {
                failAfterCreate = null;
                beforeFailing.run();
                throw failure;
            }
            return new IssueResult(issue.copy());
        }

        @Override
        public UpdateValidationResult validateUpdate(ApplicationUser user, Long issueId, IssueInputParameters params) {
            FakeIssue issue = issues.get(issueId);
            Map<String, String> errors = new LinkedHashMap<>();
            if (issue == null) {
                return new UpdateValidationResult(null, errors(Map.of(), List.of("The issue no longer exists.")),
                        holder(params, null));
            }
            fieldErrors(user, (FakeParameters) params, errors, false);
            return new UpdateValidationResult(issue.copy(), errors(errors, List.of()), holder(params, null));
        }

        @Override
        public IssueResult update(ApplicationUser user, UpdateValidationResult result) {
            if (!result.isValid()) {
                return new IssueResult(null, result.getErrorCollection());
            }
            FakeIssue issue = issues.get(result.getIssue().getId());
            FakeParameters params = (FakeParameters) result.getFieldValuesHolder().get("params");
            boolean onlyComment = params.values.isEmpty() && params.comment != null;
            apply(issue, params);
            fire(issue, onlyComment ? EventType.ISSUE_COMMENTED_ID : EventType.ISSUE_UPDATED_ID, user);
            return new IssueResult(issue.copy());
        }

        @Override
        public TransitionValidationResult validateTransition(ApplicationUser user, Long issueId, int actionId,
                                                             IssueInputParameters params) {
            FakeIssue issue = issues.get(issueId);
            if (issue == null) {
                return new TransitionValidationResult(null, errors(Map.of(), List.of("The issue no longer exists.")),
                        holder(params, null), Map.of(), actionId);
            }
            Status target = flow(issue.projectKey).target(issue.status, actionId);
            ErrorCollection errors = target == null ? errors(Map.of(), List.of("It seems that you have tried to"
                    + " perform a workflow operation (" + actionId + ") that is not valid for the current state of"
                    + " this issue (" + issue.key + ").")) : errors(Map.of(), List.of());
            return new TransitionValidationResult(issue.copy(), errors, holder(params, null), Map.of(), actionId);
        }

        @Override
        public IssueResult transition(ApplicationUser user, TransitionValidationResult result) {
            if (!result.isValid()) {
                return new IssueResult(null, result.getErrorCollection());
            }
            FakeIssue issue = issues.get(result.getIssue().getId());
            FakeParameters params = (FakeParameters) result.getFieldValuesHolder().get("params");
            Status target = flow(issue.projectKey).target(issue.status, result.getActionId());
            applyTransition(issue, target, null, params.comment, user, result.getActionId());
            return new IssueResult(issue.copy());
        }
    };

    // ---- how the fake works ----

    private void applyTransition(FakeIssue issue, Status to, String resolution, String comment, ApplicationUser user,
                                 int action) {
        issue.status = to;
        boolean isDone = StatusCategory.COMPLETE.equals(to.getStatusCategory().getKey());
        issue.resolution = isDone ? resolution(resolution == null ? "Done" : resolution) : null;
        if (comment != null) {
            issue.comments.add(comment);
        }
        fire(issue, isDone ? EventType.ISSUE_RESOLVED_ID : action == 41 ? EventType.ISSUE_REOPENED_ID
                : EventType.ISSUE_GENERICEVENT_ID, user);
    }

    private Map<String, String> createErrors(ApplicationUser user, FakeParameters params, Long parentId) {
        Map<String, String> errors = new LinkedHashMap<>();
        Project project = params.projectId == null ? null : project(params.projectId);
        if (project == null) {
            errors.put("pid", "You must specify a valid project.");
            return errors;
        }
        IssueType type = project.getIssueTypes().stream().filter(t -> t.getId().equals(params.issueTypeId))
                .findFirst().orElse(null);
        if (type == null) {
            errors.put("issuetype", "The issue type selected is invalid.");
        } else if (type.isSubTask() != (parentId != null)) {
            errors.put("issuetype", parentId != null ? "The issue type of a sub-task must be a sub-task type."
                    : "A sub-task type needs a parent issue.");
        }
        if (parentId != null && !issues.containsKey(parentId)) {
            errors.put("parentId", "The parent issue does not exist.");
        }
        String summary = params.values.get("summary");
        if (summary == null || summary.isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (user == null) {
            errors.put("reporter", "You must be logged in to create issues.");
        }
        fieldErrors(user, params, errors, true);
        for (String field : requiredFields.getOrDefault(project.getKey(), Set.of())) {
            errors.put(field, field + " is required.");
        }
        return errors;
    }

    private void fieldErrors(ApplicationUser user, FakeParameters params, Map<String, String> errors,
                             boolean creating) {
        String summary = params.values.get("summary");
        if (summary != null && summary.length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        }
        String assignee = params.values.get("assignee");
        if (assignee != null && !assignee.isEmpty() && jira.userManager.getUserByKey(assignee) == null) {
            errors.put("assignee", "User '" + assignee + "' does not exist.");
        }
        String priority = params.values.get("priority");
        if (priority != null && priorities.stream().noneMatch(p -> p.getId().equals(priority))) {
            errors.put("priority", "The priority selected is invalid.");
        }
        String due = params.values.get("duedate");
        if (due != null && parseDate(due) == null) {
            errors.put("duedate", "Error parsing date string: " + due);
        }
    }

    private void apply(FakeIssue issue, FakeParameters params) {
        params.values.forEach((field, value) -> {
            switch (field) {
                case "summary" -> issue.summary = value;
                case "description" -> issue.description = value;
                case "assignee" -> issue.assigneeId = value.isEmpty() ? null : value;
                case "priority" -> issue.priorityId = value;
                case "duedate" -> issue.dueDate = parseDate(value);
                default -> {
                }
            }
        });
        if (params.comment != null) {
            issue.comments.add(params.comment);
        }
    }

    private static LocalDate parseDate(String text) {
        SimpleDateFormat format = new SimpleDateFormat(DATE_PICKER, Locale.ENGLISH);
        format.setLenient(false);
        try {
            return format.parse(text).toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        } catch (ParseException e) {
            return null;
        }
    }

    private void fire(FakeIssue issue, Long type, ApplicationUser user) {
        if (silent.get()) {
            return;
        }
        IssueEvent event = mock(IssueEvent.class);
        when(event.getIssue()).thenReturn(issue.copy());
        when(event.getUser()).thenReturn(user);
        when(event.getEventTypeId()).thenReturn(type);
        when(event.getSpanningOperation()).thenReturn(bulk.get() ? Optional.of(mock(SpanningOperation.class))
                : Optional.empty());
        DelegatingJiraIssueEvent delegating = () -> event;
        IssueEventBundle bundle = () -> List.<JiraIssueEvent>of(delegating);
        events.publish(bundle);
    }

    private FakeIssue fake(String key) {
        return issues.values().stream().filter(i -> i.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no issue " + key));
    }

    private FakeWorkflow flow(String projectKey) {
        return jira.ops.getKey().equals(projectKey) ? opsFlow : secFlow;
    }

    private Project project(Long id) {
        return jira.projectManager.getProjectObjects().stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElse(null);
    }

    private Resolution resolution(String name) {
        return resolutions.stream().filter(r -> r.getName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resolution " + name));
    }

    private static Map<String, Object> holder(IssueInputParameters params, Long parentId) {
        Map<String, Object> holder = new HashMap<>();
        holder.put("params", params);
        if (parentId != null) {
            holder.put("parentId", parentId);
        }
        return holder;
    }

    static ErrorCollection errors(Map<String, String> fieldErrors, List<String> messages) {
        Map<String, String> fields = Map.copyOf(fieldErrors);
        List<String> others = List.copyOf(messages);
        return new ErrorCollection() {
            @Override
            public Map<String, String> getErrors() {
                return fields;
            }

            @Override
            public Collection<String> getErrorMessages() {
                return others;
            }

            @Override
            public boolean hasAnyErrors() {
                return !fields.isEmpty() || !others.isEmpty();
            }
        };
    }

    private static Status status(String id, String name, String categoryKey) {
        StatusCategory category = new FakeCategory(categoryKey, switch (categoryKey) {
            case StatusCategory.COMPLETE -> "Done";
            case StatusCategory.IN_PROGRESS -> "In Progress";
            default -> "To Do";
        });
        return new FakeStatus(id, name, category);
    }

    private static Priority priority(String id, String name) {
        return new FakePriority(id, name);
    }

    private static Resolution resolution(String id, String name) {
        return new FakeResolution(id, name);
    }

    private static IssueLinkType linkType(Long id, String name) {
        return new FakeLinkType(id, name);
    }

    private record FakeCategory(String getKey, String getName) implements StatusCategory {
    }

    private record FakeStatus(String getId, String getName, StatusCategory getStatusCategory) implements Status {
    }

    private record FakePriority(String getId, String getName) implements Priority {
    }

    private record FakeResolution(String getId, String getName) implements Resolution {
    }

    private record FakeLinkType(Long getId, String name) implements IssueLinkType {
    }

    private record FakeLink(Long getSourceId, IssueLinkType getIssueLinkType) implements IssueLink {
    }

    /** What IssueInputParameters collects: the fields given (by Jira's field ids) and a comment. */
    private static final class FakeParameters implements IssueInputParameters {
        private final Map<String, String> values = new LinkedHashMap<>();
        private Long projectId;
        private String issueTypeId;
        private String reporterId;
        private String comment;

        @Override
        public IssueInputParameters setProjectId(Long id) {
            projectId = id;
            return this;
        }

        @Override
        public IssueInputParameters setIssueTypeId(String id) {
            issueTypeId = id;
            return this;
        }

        @Override
        public IssueInputParameters setSummary(String summary) {
            values.put("summary", summary);
            return this;
        }

        @Override
        public IssueInputParameters setDescription(String description) {
            values.put("description", description);
            return this;
        }

        @Override
        public IssueInputParameters setAssigneeId(String assigneeId) {
            values.put("assignee", assigneeId);
            return this;
        }

        @Override
        public IssueInputParameters setReporterId(String id) {
            reporterId = id;
            return this;
        }

        @Override
        public IssueInputParameters setPriorityId(String priorityId) {
            values.put("priority", priorityId);
            return this;
        }

        @Override
        public IssueInputParameters setDueDate(String dueDate) {
            values.put("duedate", dueDate);
            return this;
        }

        @Override
        public IssueInputParameters setComment(String text) {
            comment = text;
            return this;
        }

        @Override
        public void setRetainExistingValuesWhenParameterNotProvided(boolean retain, boolean onlyCustomFields) {
            // the fake changes only the fields given, which is what retaining means
        }
    }

    /** An issue as Jira stores it; what the services hand out are copies, as Jira reads issues afresh. */
    private final class FakeIssue implements MutableIssue {
        long id;
        String key;
        String projectKey;
        String typeId;
        String summary;
        String description;
        Status status;
        Resolution resolution;
        String assigneeId;
        String reporterId;
        String priorityId;
        LocalDate dueDate;
        Long parentId;
        final Set<String> labels = new LinkedHashSet<>();
        final List<String> comments = new ArrayList<>();

        FakeIssue copy() {
            FakeIssue copy = new FakeIssue();
            copy.id = id;
            copy.key = key;
            copy.projectKey = projectKey;
            copy.typeId = typeId;
            copy.summary = summary;
            copy.description = description;
            copy.status = status;
            copy.resolution = resolution;
            copy.assigneeId = assigneeId;
            copy.reporterId = reporterId;
            copy.priorityId = priorityId;
            copy.dueDate = dueDate;
            copy.parentId = parentId;
            copy.labels.addAll(labels);
            copy.comments.addAll(comments);
            return copy;
        }

        @Override
        public void setLabels(Set<Label> given) {
            labels.clear();
            given.forEach(label -> labels.add(label.getLabel()));
        }

        @Override
        public Long getId() {
            return id;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public String getSummary() {
            return summary;
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public Resolution getResolution() {
            return resolution;
        }

        @Override
        public String getAssigneeId() {
            return assigneeId;
        }

        @Override
        public Timestamp getDueDate() {
            return dueDate == null ? null : Timestamp.valueOf(dueDate.atStartOfDay());
        }

        @Override
        public Project getProjectObject() {
            return jira.projectManager.getProjectByCurrentKey(projectKey);
        }

        @Override
        public IssueType getIssueType() {
            return allTypes.stream().filter(t -> t.getId().equals(typeId)).findFirst().orElse(null);
        }

        @Override
        public boolean isSubTask() {
            return parentId != null;
        }

        @Override
        public Long getParentId() {
            return parentId;
        }

        @Override
        public Collection<Issue> getSubTaskObjects() {
            return issues.values().stream().filter(i -> Long.valueOf(id).equals(i.parentId))
                    .sorted((a, b) -> Long.compare(a.id, b.id)).map(FakeIssue::copy).collect(Collectors.toList());
        }
    }

    /**
     * A workflow of steps (one per status, numbered from 1 in the order given) and actions from a step to a step;
     * its descriptors are Mockito mocks answering what OSWorkflow's would.
     */
    private static final class FakeWorkflow implements JiraWorkflow {

        private final String name;
        private final List<Status> statuses;
        private final int[][] actions; // {action id, from step, to step}
        private final WorkflowDescriptor descriptor = mock(WorkflowDescriptor.class);
        private final Map<Integer, StepDescriptor> steps = new HashMap<>();

        FakeWorkflow(String name, List<Status> statuses, int[][] actions, Map<Integer, String> actionNames) {
            this.name = name;
            this.statuses = statuses;
            this.actions = actions;
            for (int step = 1; step <= statuses.size(); step++) {
                StepDescriptor descriptorStep = mock(StepDescriptor.class);
                when(descriptorStep.getId()).thenReturn(step);
                when(descriptorStep.getName()).thenReturn(statuses.get(step - 1).getName());
                List<ActionDescriptor> out = new ArrayList<>();
                for (int[] action : actions) {
                    if (action[1] == step) {
                        ActionDescriptor descriptorAction = mock(ActionDescriptor.class);
                        ResultDescriptor result = mock(ResultDescriptor.class);
                        when(result.getStep()).thenReturn(action[2]);
                        when(descriptorAction.getId()).thenReturn(action[0]);
                        when(descriptorAction.getName()).thenReturn(actionNames.get(action[0]));
                        when(descriptorAction.getUnconditionalResult()).thenReturn(result);
                        out.add(descriptorAction);
                    }
                }
                when(descriptorStep.getActions()).thenReturn(out);
                steps.put(step, descriptorStep);
                when(descriptor.getStep(step)).thenReturn(descriptorStep);
            }
            when(descriptor.getGlobalActions()).thenReturn(List.of());
        }

        Status initial() {
            return statuses.get(0);
        }

        Status target(Status from, int actionId) {
            int step = statuses.indexOf(from) + 1;
            for (int[] action : actions) {
                if (action[0] == actionId && action[1] == step) {
                    return statuses.get(action[2] - 1);
                }
            }
            return null;
        }

        Integer actionInto(Status from, Status to) {
            int step = statuses.indexOf(from) + 1;
            int target = statuses.indexOf(to) + 1;
            for (int[] action : actions) {
                if (action[1] == step && action[2] == target) {
                    return action[0];
                }
            }
            return null;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public WorkflowDescriptor getDescriptor() {
            return descriptor;
        }

        @Override
        public List<Status> getLinkedStatusObjects() {
            return statuses;
        }

        @Override
        public StepDescriptor getLinkedStep(Status status) {
            return steps.get(statuses.indexOf(status) + 1);
        }

        @Override
        public Status getLinkedStatusObject(StepDescriptor step) {
            return statuses.get(step.getId() - 1);
        }
    }
}
