package org.ctemcycles.jira.jql;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * {@code issue in ctemOverdue("CYCLE")}: the cycle's mobilised issues whose remediation is still open (open, in
 * progress, reopened) and whose deadline in force (the register's) is before today.
 */
@Component
public class OverdueFunction extends CtemJqlFunction {

    @Inject
    public OverdueFunction(CtemServices services, CtemPermissions permissions,
                          @ComponentImport PermissionManager jiraPermissions, @ComponentImport IssueManager issues,
                          @ComponentImport I18nResolver i18n) {
        super(services, permissions, jiraPermissions, issues, i18n);
    }

    @Override
    protected String name() {
        return "ctemOverdue";
    }

    @Override
    protected String usage() {
        return "ctemOverdue(\"CYCLE\")";
    }

    @Override
    public int getMinimumNumberOfExpectedArguments() {
        return 1;
    }

    @Override
    protected Optional<String> problem(ApplicationUser searcher, List<String> args) {
        return cycleProblem(searcher, args.get(0));
    }

    @Override
    protected List<RegisterEntry> entries(ApplicationUser searcher, List<String> args) {
        return mobilisedIssues().overdue(readableCycle(searcher, args.get(0)).orElseThrow().key());
    }
}
