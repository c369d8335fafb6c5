package org.ctemcycles.jira.jql;

import com.atlassian.jira.JiraDataType;
import com.atlassian.jira.JiraDataTypes;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.plugin.jql.function.AbstractJqlFunction;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.util.MessageSetImpl;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import com.atlassian.sal.api.message.I18nResolver;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.MobilisedIssues;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the app's JQL functions share: a fixed number of arguments, checked with messages from the app's i18n bundle
 * in the searcher's language (SAL's resolver answers in the language of the user Jira serves); values that are the
 * ids of the issues mobilised from the record, only for cycles whose work the searcher may read and only issues the
 * searcher may browse (asked of Jira per issue, so issue security levels count too). Invalid arguments give no
 * values (Jira shows validate's messages instead of running the query).
 */
public abstract class CtemJqlFunction extends AbstractJqlFunction {

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final PermissionManager jiraPermissions;
    private final IssueManager issues;
    private final I18nResolver i18n;

    protected CtemJqlFunction(CtemServices services, CtemPermissions permissions, PermissionManager jiraPermissions,
                              IssueManager issues, I18nResolver i18n) {
        this.services = services;
        this.permissions = permissions;
        this.jiraPermissions = jiraPermissions;
        this.issues = issues;
        this.i18n = i18n;
    }

    /** The function's name in JQL, as atlassian-plugin.xml's {@code <fname>} gives it. */
    protected abstract String name();

    /** How to call it, e.g. {@code ctemQueue("CYCLE", N)}, for the message on a wrong number of arguments. */
    protected abstract String usage();

    /** What is wrong with these arguments (their number is right), in the searcher's language; empty when nothing. */
    protected abstract Optional<String> problem(ApplicationUser searcher, List<String> args);

    /** The register entries the function answers with, for valid arguments and a searcher who is logged in. */
    protected abstract List<RegisterEntry> entries(ApplicationUser searcher, List<String> args);

    @Override
    public MessageSet validate(ApplicationUser searcher, FunctionOperand operand, TerminalClause terminalClause) {
        MessageSet messages = new MessageSetImpl();
        List<String> args = operand.getArgs();
        if (args.size() != getMinimumNumberOfExpectedArguments()) {
            messages.addErrorMessage(text("ctem.jql.arguments", name(), usage(),
                    getMinimumNumberOfExpectedArguments(), args.size()));
        } else {
            problem(searcher, args).ifPresent(messages::addErrorMessage);
        }
        return messages;
    }

    @Override
    public List<QueryLiteral> getValues(QueryCreationContext context, FunctionOperand operand,
                                        TerminalClause terminalClause) {
        ApplicationUser searcher = context.getApplicationUser();
        List<String> args = operand.getArgs();
        if (searcher == null || args.size() != getMinimumNumberOfExpectedArguments()
                || problem(searcher, args).isPresent()) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (RegisterEntry entry : entries(searcher, args)) {
            Issue issue = issueOf(entry);
            if (issue != null && jiraPermissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, issue, searcher)) {
                ids.add(issue.getId());
            }
        }
        List<QueryLiteral> values = new ArrayList<>(ids.size());
        ids.forEach(id -> values.add(new QueryLiteral(operand, id)));
        return values;
    }

    /** Issues, whatever the clause's field: {@code issue in ctemQueue("CTEM-2026-Q4", 20)}. */
    @Override
    public JiraDataType getDataType() {
        return JiraDataTypes.ISSUE;
    }

    /**
     * The issue by its id, which survives a move; by key for an entry linked before ids were kept or by a tracker
     * that names issues by key (its id is then no number).
     */
    private Issue issueOf(RegisterEntry entry) {
        if (entry.trackerIssueId().matches("[0-9]{1,18}")) {
            return issues.getIssueObject(Long.valueOf(entry.trackerIssueId()));
        }
        return issues.getIssueObject(entry.trackerIssue());
    }

    protected MobilisedIssues mobilisedIssues() {
        return services.record().mobilisedIssues();
    }

    protected String text(String key, Object... arguments) {
        java.io.Serializable[] values = new java.io.Serializable[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = String.valueOf(arguments[i]);
        }
        return i18n.getText(key, values);
    }

    /** The cycle with this key if the searcher may read its work; empty when there is none or they may not. */
    protected Optional<Cycle> readableCycle(ApplicationUser searcher, String key) {
        if (searcher == null || key == null || key.isBlank()) {
            return Optional.empty();
        }
        try {
            Cycle cycle = services.record().cycles().get(key);
            return permissions.may(searcher, CycleAccess.READ_WORK, cycle) ? Optional.of(cycle) : Optional.empty();
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    /** The cycles whose work the searcher may read. */
    protected List<Cycle> readableCycles(ApplicationUser searcher) {
        return services.record().cycles().list().stream()
                .filter(cycle -> permissions.may(searcher, CycleAccess.READ_WORK, cycle)).toList();
    }

    /** The same message whether the cycle does not exist or the searcher may not read it: JQL tells no secrets. */
    protected Optional<String> cycleProblem(ApplicationUser searcher, String key) {
        return readableCycle(searcher, key).isPresent() ? Optional.empty()
                : Optional.of(text("ctem.jql.cycle.unknown", name(), key));
    }
}
