package org.ctemcycles.jira.tracker;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.jira.bc.ServiceResult;
import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.jira.entity.property.EntityProperty;
import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.UrlMode;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.ctemcycles.core.mobilisation.TrackerState;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.ctemcycles.store.AoCycleRepository;
import org.ctemcycles.store.AoMobilisationClaims;
import org.ctemcycles.store.AoTransactions;
import org.ofbiz.core.entity.GenericValue;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tracker inside Jira: every finding's issue is a Jira issue opened and changed through {@link IssueService}
 * (validated first, so the project's required fields, screens and permissions apply; Jira's field errors come back
 * as problems naming the field), in the cycle's project with the configured issue type ({@link TrackerConfig}),
 * assignee, due date, priority from the decision's tier, labels and a link to the dependency when that is an issue.
 * With the vulnerability grain, a parent issue per vulnerability holds a sub-task per finding.
 *
 * <p>Idempotent across retries, concurrent requests and nodes: the finding (or vulnerability) is claimed in our own
 * table with a unique key in the caller's transaction before the issue is created ({@link AoMobilisationClaims}), and
 * the issue carries its finding as an entity property. Jira commits the issue in its own transaction, so a node that
 * stops after Jira created the issue and before the claim's transaction committed leaves an issue and no claim: the
 * issue is therefore created with a marker label naming its cycle and subject (set on the issue Jira creates, so it
 * is stored with the issue), and every claim first looks the marker up in Jira's database, adopting an issue found
 * instead of creating a second one (ADR 073).
 */
@Component
public class JiraIssueTracker implements IssueTracker {

    /** On the issue (entity id: the issue's id): the cycle and finding (or vulnerability) it was opened for. */
    static final String ISSUE_ENTITY = "org.ctemcycles.ctem-cycles-jira.issue";
    /** How the label every issue the app opens is created with begins ({@link #marker}). */
    static final String MARKER_PREFIX = "ctem-";
    static final String PROPERTY_KEY = "ctem";
    static final String GROUP_PREFIX = "V:";

    private final JiraIssueApi jira;
    private final TrackerSettings settings;
    private final AoMobilisationClaims claims;
    private final AoCycleRepository cycles;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public JiraIssueTracker(JiraIssueApi jira, TrackerSettings settings, @ComponentImport ActiveObjects ao) {
        this(jira, settings, ao, Clock.systemUTC());
    }

    public JiraIssueTracker(JiraIssueApi jira, TrackerSettings settings, ActiveObjects ao, Clock clock) {
        this.jira = jira;
        this.settings = settings;
        this.claims = new AoMobilisationClaims(ao);
        this.cycles = new AoCycleRepository(ao);
        this.transactions = new AoTransactions(ao);
        this.clock = clock;
    }

    /** What the issue was opened for: a finding, or the vulnerability a parent issue stands for. */
    record Link(String cycleKey, String findingKey, String group) {
        String subject() {
            return findingKey != null ? findingKey : GROUP_PREFIX + group;
        }
    }

    @Override
    public TrackerIssue open(TrackerRequest request) {
        Cycle cycle = cycle(request.cycleKey());
        TrackerConfig config = settings.effective(cycle.key(), request.projectKey().isEmpty() ? cycle.projectKey()
                : request.projectKey());
        ApplicationUser user = actor(request.actor(), config, cycle);
        Project project = project(config, cycle);
        MutableIssue parent = config.grain() == TrackerConfig.Grain.VULNERABILITY
                ? claimed(cycle.key(), groupSubject(request.brief().group()), project, user, null,
                marker -> create(request, config, project, user, null, marker), adopted -> {
                }) : null;
        MutableIssue issue = claimed(cycle.key(), request.findingKey(), project, user, parent,
                marker -> create(request, config, project, user, parent, marker),
                adopted -> linkDependency(adopted, request.dependency(), config, user, true));
        return snapshot(issue, config, new Link(cycle.key(), request.findingKey(), null));
    }

    @Override
    public TrackerIssue update(String issueId, TrackerRequest request) {
        MutableIssue issue = require(issueId);
        Cycle cycle = cycle(request.cycleKey());
        TrackerConfig config = settings.effective(cycle);
        ApplicationUser user = actor(request.actor(), config, cycle);
        IssueInputParameters params = jira.issues.newIssueInputParameters();
        params.setRetainExistingValuesWhenParameterNotProvided(true, true);
        params.setSummary(text().summary(request)).setDescription(text().description(request));
        fields(params, request, config, user);
        IssueService.UpdateValidationResult valid = jira.issues.validateUpdate(user, issue.getId(), params);
        refuseUnless(valid, "update issue " + issue.getKey());
        refuseUnless(jira.issues.update(user, valid), "update issue " + issue.getKey());
        return snapshot(require(issueId), config, new Link(cycle.key(), request.findingKey(), null));
    }

    @Override
    public Optional<TrackerIssue> find(String issueId) {
        MutableIssue issue = issue(issueId);
        if (issue == null) {
            return Optional.empty();
        }
        Link link = linkOf(issue);
        TrackerConfig config = link == null ? settings.defaults() : config(link.cycleKey());
        return Optional.of(snapshot(issue, config, link == null ? new Link("", "", null) : link));
    }

    @Override
    public TrackerIssue reopen(String cycleKey, String issueId, String why, long logEntry, String actor) {
        MutableIssue issue = require(issueId);
        Cycle cycle = cycle(cycleKey);
        TrackerConfig config = settings.effective(cycle);
        ApplicationUser user = actor(actor, config, cycle);
        String comment = text().comment(cycle.key(), why, logEntry);
        move(issue, TrackerStatus.TO_DO, config.reopenStatus(), comment, config, user);
        Link link = linkOf(issue);
        return snapshot(require(issueId), config, link == null ? new Link(cycle.key(), "", null) : link);
    }

    @Override
    public TrackerIssue reschedule(String cycleKey, String issueId, LocalDate dueDate, String why, long logEntry,
                                   String actor) {
        MutableIssue issue = require(issueId);
        Cycle cycle = cycle(cycleKey);
        TrackerConfig config = settings.effective(cycle);
        ApplicationUser user = actor(actor, config, cycle);
        IssueInputParameters params = jira.issues.newIssueInputParameters();
        params.setRetainExistingValuesWhenParameterNotProvided(true, true);
        params.setDueDate(datePicker(dueDate, user)).setComment(text().comment(cycle.key(), why, logEntry));
        IssueService.UpdateValidationResult valid = jira.issues.validateUpdate(user, issue.getId(), params);
        refuseUnless(valid, "reschedule issue " + issue.getKey());
        refuseUnless(jira.issues.update(user, valid), "reschedule issue " + issue.getKey());
        Link link = linkOf(issue);
        return snapshot(require(issueId), config, link == null ? new Link(cycle.key(), "", null) : link);
    }

    /**
     * The issue as the register reads it, when it is a finding's issue the app opened (not a parent, not another
     * app's issue): what the event listener hands on.
     */
    public Optional<TrackerIssue> observe(Issue issue) {
        Link link = issue == null ? null : linkOf(issue);
        if (link == null || link.findingKey() == null) {
            return Optional.empty();
        }
        return Optional.of(snapshot(issue, config(link.cycleKey()), link));
    }

    /**
     * A deleted issue the app opened: its claim is released (a later mobilisation may open a new issue) and its
     * properties removed.
     *
     * @return the finding's link, or empty when the issue was not one of the app's
     */
    public Optional<Link> forget(Issue deleted) {
        Link link = deleted == null ? null : linkOf(deleted);
        if (link == null) {
            return Optional.empty();
        }
        transactions.run(() -> claims.find(link.cycleKey(), link.subject())
                .filter(c -> c.issueId().equals(String.valueOf(deleted.getId())))
                .ifPresent(c -> claims.release(link.cycleKey(), link.subject())));
        jira.properties.delete(ISSUE_ENTITY, deleted.getId(), PROPERTY_KEY);
        return Optional.of(link);
    }

    /**
     * Keeps a parent issue in line with its sub-tasks (the vulnerability grain): Done only when every sub-task is
     * done, back to work when one is not. Nothing happens for an issue that is no sub-task of one of the app's
     * parents.
     *
     * @return what was done, or empty
     */
    public Optional<String> alignParentOf(Issue child, String actorKey) {
        if (child == null || !child.isSubTask() || child.getParentId() == null) {
            return Optional.empty();
        }
        return alignParent(jira.issueManager.getIssueObject(child.getParentId()), actorKey);
    }

    /** Aligns every parent issue the app opened for the cycle (reconciliation); returns what was done. */
    public List<String> alignParents(String cycleKey, String actorKey) {
        List<String> done = new ArrayList<>();
        for (AoMobilisationClaims.Claim claim : transactions.inTransaction(() -> claims.issues(cycleKey,
                GROUP_PREFIX))) {
            alignParent(issue(claim.issueId()), actorKey).ifPresent(done::add);
        }
        return done;
    }

    private Optional<String> alignParent(MutableIssue parent, String actorKey) {
        Link link = parent == null ? null : linkOf(parent);
        if (link == null || link.group() == null) {
            return Optional.empty();
        }
        Cycle cycle = cycle(link.cycleKey());
        TrackerConfig config = settings.effective(cycle);
        Collection<Issue> children = parent.getSubTaskObjects();
        boolean allDone = children != null && !children.isEmpty() && children.stream()
                .allMatch(c -> Workflows.category(c.getStatus(), config) == TrackerStatus.DONE);
        boolean parentDone = Workflows.category(parent.getStatus(), config) == TrackerStatus.DONE;
        if (allDone == parentDone) {
            return Optional.empty();
        }
        ApplicationUser user = actor(actorKey, config, cycle);
        if (allDone) {
            move(parent, TrackerStatus.DONE, "", text().note("Every sub-task of this issue is done: the"
                    + " vulnerability's work is done on every asset. The findings are closed when their fixes are"
                    + " verified."), config, user);
            return Optional.of(parent.getKey() + " done: every sub-task is done");
        }
        move(parent, TrackerStatus.TO_DO, config.reopenStatus(), text().note("A sub-task of this issue is back at"
                + " work, so the vulnerability's work is not done."), config, user);
        return Optional.of(parent.getKey() + " back at work: a sub-task is not done");
    }

    /**
     * Creates an issue (or, with a parent, a sub-task) through IssueService: validated, then created with the marker
     * and the configured labels set on the issue Jira creates, so that they are stored with it.
     */
    private MutableIssue create(TrackerRequest request, TrackerConfig config, Project project, ApplicationUser user,
                                MutableIssue parent, String marker) {
        boolean parentItself = config.grain() == TrackerConfig.Grain.VULNERABILITY && parent == null;
        String typeName = parent != null ? config.subTaskType() : config.issueType();
        IssueType type = TrackerConfigCheck.byName(project.getIssueTypes(), IssueType::getName, typeName);
        if (type == null) {
            throw new InvalidInputException(parent != null ? "subTaskType" : "issueType", "project "
                    + project.getKey() + " has no issue type '" + typeName + "'");
        }
        IssueInputParameters params = jira.issues.newIssueInputParameters();
        params.setProjectId(project.getId()).setIssueTypeId(type.getId()).setReporterId(user.getKey());
        if (parentItself) {
            String title = request.brief().groupTitle().isEmpty() ? request.brief().group()
                    : request.brief().groupTitle();
            params.setSummary(WikiText.summary("Vulnerability " + title + " (" + request.cycleKey() + ")"))
                    .setDescription(text().note("The vulnerability " + title + " of cycle " + request.cycleKey()
                            + ": one sub-task per finding (an affected asset). This issue is done when every"
                            + " sub-task is done."));
            TrackerRequest withoutOwner = new TrackerRequest(request.cycleKey(), request.projectKey(),
                    request.findingKey(), request.summary(), "", request.dueDate(), "", "", "", request.brief(),
                    request.actor());
            fields(params, withoutOwner, config, user);
        } else {
            params.setSummary(text().summary(request)).setDescription(text().description(request));
            fields(params, request, config, user);
        }
        String what = parentItself ? "open the parent issue of " + request.brief().group()
                : "open the issue of finding " + request.findingKey();
        IssueService.CreateValidationResult valid = parent == null ? jira.issues.validateCreate(user, params)
                : jira.issues.validateSubTaskCreate(user, parent.getId(), params);
        refuseUnless(valid, what);
        Set<Label> labels = new LinkedHashSet<>();
        labels.add(new Label(null, null, null, marker));
        config.labels().forEach(label -> labels.add(new Label(null, null, null, label)));
        valid.getIssue().setLabels(labels);
        IssueService.IssueResult created = jira.issues.create(user, valid);
        refuseUnless(created, what);
        MutableIssue issue = created.getIssue();
        if (parent != null) {
            makeSubTask(parent, issue, user);
        }
        if (!parentItself) {
            linkDependency(issue, request.dependency(), config, user, false);
        }
        return issue;
    }

    private void makeSubTask(MutableIssue parent, MutableIssue issue, ApplicationUser user) {
        try {
            jira.subTasks.createSubTaskIssueLink(parent, issue, user);
        } catch (CreateException e) {
            throw new InvalidInputException("subTaskType", "Jira did not make " + issue.getKey()
                    + " a sub-task of " + parent.getKey() + ": " + e.getMessage());
        }
    }

    private void fields(IssueInputParameters params, TrackerRequest request, TrackerConfig config,
                        ApplicationUser user) {
        if (!request.assignee().isEmpty()) {
            params.setAssigneeId(request.assignee());
        }
        String priorityName = config.priorities().get(request.brief().tier());
        if (priorityName != null) {
            Priority priority = TrackerConfigCheck.byName(jira.priorities.getPriorities(), Priority::getName,
                    priorityName);
            if (priority != null) {
                params.setPriorityId(priority.getId());
            }
        }
        params.setDueDate(datePicker(request.dueDate(), user));
    }

    /** The due date as the date picker writes it for this user, which is what IssueInputParameters reads. */
    private String datePicker(LocalDate date, ApplicationUser user) {
        return jira.dates.forUser(user).withStyle(DateTimeStyle.DATE_PICKER)
                .format(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    }

    /**
     * A dependency that names an issue Jira has (by key) gets a link of the configured type to it. On an adopted
     * issue ({@code mayExist}) the dying attempt may have made the link already: Jira's inward links of the issue are
     * read first, so that the link exists once.
     */
    private void linkDependency(MutableIssue issue, String dependency, TrackerConfig config, ApplicationUser user,
                                boolean mayExist) {
        if (dependency.isEmpty() || config.linkType().isEmpty() || !dependency.matches("[A-Z][A-Z0-9_]+-\\d+")) {
            return;
        }
        MutableIssue target = jira.issueManager.getIssueObject(dependency);
        Collection<IssueLinkType> types = jira.linkTypes.getIssueLinkTypesByName(config.linkType());
        if (target == null || types == null || types.isEmpty()) {
            return;
        }
        Long type = types.iterator().next().getId();
        if (mayExist && jira.links.getInwardLinks(issue.getId()).stream().anyMatch(l ->
                target.getId().equals(l.getSourceId()) && type.equals(l.getIssueLinkType().getId()))) {
            return;
        }
        try {
            // the dependency blocks the finding's issue: it is the link's source
            jira.links.createIssueLink(target.getId(), issue.getId(), type, null, user);
        } catch (CreateException e) {
            throw new InvalidInputException("dependency", "Jira did not link " + issue.getKey() + " to "
                    + dependency + ": " + e.getMessage());
        }
    }

    /**
     * Comments on the issue, the comment opening with a mention of the Jira user {@code mentionKey} (wiki markup
     * {@code [~username]}, which Jira notifies), acting as the cycle's configured actor or else its creator. The text
     * is escaped: it cannot carry markup of its own. The comment goes through {@code IssueService}'s update, the
     * path the tracker's other comments take.
     *
     * @throws NotFoundException when Jira has no issue with this id
     * @throws InvalidInputException when Jira refuses the comment (its errors under their fields)
     */
    public void comment(String cycleKey, String issueId, String mentionKey, String text) {
        MutableIssue issue = require(issueId);
        Cycle cycle = cycle(cycleKey);
        ApplicationUser user = actor(null, settings.effective(cycle), cycle);
        ApplicationUser mentioned = mentionKey == null || mentionKey.isEmpty() ? null
                : jira.users.getUserByKey(mentionKey);
        String body = (mentioned == null ? "" : "[~" + mentioned.getUsername() + "] ") + WikiText.escape(text);
        IssueInputParameters params = jira.issues.newIssueInputParameters();
        params.setRetainExistingValuesWhenParameterNotProvided(true, true);
        params.setComment(body);
        IssueService.UpdateValidationResult valid = jira.issues.validateUpdate(user, issue.getId(), params);
        refuseUnless(valid, "comment on issue " + issue.getKey());
        refuseUnless(jira.issues.update(user, valid), "comment on issue " + issue.getKey());
    }

    /**
     * Moves the issue into a status of the category through the workflow transition that leads there (to the
     * preferred status when one does), with the comment; an issue already in the category only gets the comment.
     */
    private void move(MutableIssue issue, TrackerStatus category, String preferredStatus, String comment,
                      TrackerConfig config, ApplicationUser user) {
        IssueInputParameters params = jira.issues.newIssueInputParameters();
        params.setRetainExistingValuesWhenParameterNotProvided(true, true);
        params.setComment(comment);
        if (Workflows.category(issue.getStatus(), config) == category) {
            IssueService.UpdateValidationResult valid = jira.issues.validateUpdate(user, issue.getId(), params);
            refuseUnless(valid, "comment on issue " + issue.getKey());
            refuseUnless(jira.issues.update(user, valid), "comment on issue " + issue.getKey());
            return;
        }
        JiraWorkflow workflow = jira.workflows.getWorkflow(issue);
        Workflows.Transition transition = Workflows.into(workflow, issue.getStatus(), category, preferredStatus,
                config).orElseThrow(() -> new InvalidInputException("reopenStatus", "the workflow '"
                + workflow.getName() + "' has no transition from '" + issue.getStatus().getName() + "' of issue "
                + issue.getKey() + " into a status of the " + TrackerConfig.category(category) + " category"));
        IssueService.TransitionValidationResult valid = jira.issues.validateTransition(user, issue.getId(),
                transition.actionId(), params);
        refuseUnless(valid, "move issue " + issue.getKey() + " to " + transition.target().getName());
        refuseUnless(jira.issues.transition(user, valid), "move issue " + issue.getKey() + " to "
                + transition.target().getName());
    }

    /**
     * Holds the cycle's claim on the subject while its issue is created: an issue already created for it (and not
     * deleted since) is returned; one created by an attempt whose transaction did not commit is found by its marker
     * and adopted (made the sub-task of its parent if that attempt stopped before, and given to {@code adopt}, which
     * completes what that attempt may not have done after creating it); only otherwise is a new one created. Then the
     * issue is linked to its finding.
     */
    private MutableIssue claimed(String cycleKey, String subject, Project project, ApplicationUser user,
                                 MutableIssue parent, Function<String, MutableIssue> creator,
                                 Consumer<MutableIssue> adopt) {
        Optional<AoMobilisationClaims.Claim> claim = claims.find(cycleKey, subject);
        if (claim.isPresent() && claim.get().state() == AoMobilisationClaims.State.CREATED) {
            MutableIssue existing = issue(claim.get().issueId());
            if (existing != null) {
                return existing;
            }
            claims.release(cycleKey, subject); // deleted since: a new issue may be opened
        }
        claims.claim(cycleKey, subject, user.getKey(), clock.instant());
        // a retry reads the same claim row the dying attempt read, hence computes the same marker
        String marker = marker(cycleKey, subject, claim.map(AoMobilisationClaims.Claim::issueId).orElse(""));
        MutableIssue issue = orphan(cycleKey, subject, project, marker);
        if (issue == null) {
            issue = creator.apply(marker);
        } else {
            if (parent != null && issue.getParentId() == null) {
                makeSubTask(parent, issue, user);
            }
            adopt.accept(issue);
        }
        link(issue, cycleKey, subject);
        claims.created(cycleKey, subject, String.valueOf(issue.getId()), issue.getKey());
        return issue;
    }

    /**
     * The issue an earlier attempt created for the subject and did not record: one carrying the subject's marker,
     * read from Jira's database (one indexed read of its label table; the search index is not asked, since on
     * another node it may not hold the issue yet, or ever, when the creating node stopped before replicating it).
     * An issue the app linked to another subject is not taken, nor one outside the project the app would create the
     * issue in: the marker can be computed by anyone who knows the finding, so a label planted on an issue elsewhere
     * must not make the app adopt it. Of several, the first created.
     */
    private MutableIssue orphan(String cycleKey, String subject, Project project, String marker) {
        MutableIssue found = null;
        for (GenericValue row : jira.database.findByAnd("Label", Map.of("label", marker))) {
            Long issueId = row.getLong("issue");
            MutableIssue issue = issueId == null ? null : jira.issueManager.getIssueObject(issueId);
            if (issue == null || (found != null && found.getId() < issue.getId())
                    || issue.getProjectObject() == null || !project.getId().equals(issue.getProjectObject().getId())) {
                continue;
            }
            Link link = linkOf(issue);
            if (link == null || (link.cycleKey().equals(cycleKey) && link.subject().equals(subject))) {
                found = issue;
            }
        }
        return found;
    }

    private void link(MutableIssue issue, String cycleKey, String subject) {
        JsonObject onIssue = new JsonObject();
        onIssue.addProperty("cycle", cycleKey);
        if (subject.startsWith(GROUP_PREFIX)) {
            onIssue.addProperty("group", subject.substring(GROUP_PREFIX.length()));
        } else {
            onIssue.addProperty("finding", subject);
        }
        jira.properties.put(ISSUE_ENTITY, issue.getId(), PROPERTY_KEY, onIssue.toString());
    }

    /** The finding (or vulnerability) the app opened the issue for, or null when it did not open it. */
    Link linkOf(Issue issue) {
        JsonObject json = json(jira.properties.get(ISSUE_ENTITY, issue.getId(), PROPERTY_KEY));
        if (json == null || text(json, "cycle") == null) {
            return null;
        }
        return new Link(text(json, "cycle"), text(json, "finding"), text(json, "group"));
    }

    private TrackerIssue snapshot(Issue issue, TrackerConfig config, Link link) {
        String resolution = issue.getResolution() == null ? "" : issue.getResolution().getName();
        LocalDate due = issue.getDueDate() == null ? null : issue.getDueDate().toLocalDateTime().toLocalDate();
        Project project = issue.getProjectObject();
        TrackerState state = new TrackerState(issue.getKey(), project == null ? "" : project.getKey(),
                Workflows.category(issue.getStatus(), config), issue.getStatus() == null ? ""
                : issue.getStatus().getName(), resolution, config.leadDecision(resolution),
                issue.getAssigneeId(), due);
        return new TrackerIssue(String.valueOf(issue.getId()), link.findingKey() == null ? "" : link.findingKey(),
                link.cycleKey(), issue.getSummary(), state);
    }

    /** The Jira user the app acts as: the asking user, else the configured actor, else the cycle's creator. */
    private ApplicationUser actor(String actorKey, TrackerConfig config, Cycle cycle) {
        for (String key : new String[]{actorKey, config.actor(), cycle.createdBy()}) {
            if (key != null && !key.isEmpty()) {
                ApplicationUser user = jira.users.getUserByKey(key);
                if (user != null) {
                    return user;
                }
            }
        }
        throw new InvalidInputException("actor", "no Jira user to act as for cycle " + cycle.key() + ": neither the"
                + " asking user, the configured actor nor the cycle's creator is a Jira user");
    }

    private Project project(TrackerConfig config, Cycle cycle) {
        if (config.projectKey().isEmpty()) {
            throw new InvalidInputException("project", "cycle " + cycle.key() + " belongs to no Jira project and its"
                    + " tracker configuration names none: its findings cannot be mobilised as Jira issues");
        }
        Project project = jira.projects.getProjectByCurrentKey(config.projectKey());
        if (project == null) {
            throw new InvalidInputException("project", "Jira has no project with key '" + config.projectKey() + "'");
        }
        return project;
    }

    private TrackerConfig config(String cycleKey) {
        return cycles.find(cycleKey).map(settings::effective).orElseGet(settings::defaults);
    }

    private Cycle cycle(String cycleKey) {
        return cycles.find(cycleKey).orElseThrow(() -> new NotFoundException("no CTEM cycle with key '" + cycleKey
                + "'"));
    }

    private MutableIssue require(String issueId) {
        MutableIssue issue = issue(issueId);
        if (issue == null) {
            throw new NotFoundException("Jira has no issue with id " + issueId);
        }
        return issue;
    }

    private MutableIssue issue(String issueId) {
        try {
            return issueId == null || issueId.isEmpty() ? null : jira.issueManager.getIssueObject(Long.valueOf(issueId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private IssueText text() {
        return new IssueText(jira.application.getBaseUrl(UrlMode.CANONICAL));
    }

    /**
     * @throws InvalidInputException with Jira's errors, each under the field Jira names (e.g.
     *                               {@code customfield_10010}), the others under {@code issue}
     */
    private static void refuseUnless(ServiceResult result, String what) {
        if (result.isValid()) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        ErrorCollection errors = result.getErrorCollection();
        if (errors != null) {
            for (Map.Entry<String, String> error : errors.getErrors().entrySet()) {
                problems.add(new Problem(error.getKey(), "Jira refused to " + what + ": " + error.getValue()));
            }
            for (String message : errors.getErrorMessages()) {
                problems.add(new Problem("issue", "Jira refused to " + what + ": " + message));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new Problem("issue", "Jira refused to " + what));
        }
        throw new InvalidInputException(problems);
    }

    static String groupSubject(String group) {
        String subject = GROUP_PREFIX + group;
        return subject.length() <= 200 ? subject : GROUP_PREFIX + "#" + Long.toHexString(hash(group));
    }

    /** 63 bits of SHA-256 of cycle and subject. */
    static long subjectId(String cycleKey, String subject) {
        return hash(cycleKey + "/" + subject);
    }

    /**
     * The label the subject's issue is created with: a label may hold no spaces, so a hash stands for the names. The
     * id of the subject's deleted issue, if it had one, makes each new issue's marker its own: Jira's clone copies
     * labels, and a clone of the deleted issue must not be taken for its successor.
     */
    static String marker(String cycleKey, String subject, String deletedIssueId) {
        return MARKER_PREFIX + String.format("%016x", subjectId(cycleKey, deletedIssueId.isEmpty() ? subject
                : subject + "/" + deletedIssueId));
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(EntityProperty property) {
        if (property == null || property.getValue() == null) {
            return null;
        }
        try {
            return JsonParser.parseString(property.getValue()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String text(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsString() : null;
    }
}
