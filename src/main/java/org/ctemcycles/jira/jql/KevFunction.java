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
 * {@code issue in ctemKev()}: the mobilised issues, in every cycle whose work the searcher may read, whose finding
 * the cycle's queue found in CISA's KEV catalogue (as of the cycle's newest ranking: prioritise again after loading a
 * new KEV feed).
 */
@Component
public class KevFunction extends CtemJqlFunction {

    @Inject
    public KevFunction(CtemServices services, CtemPermissions permissions,
                          @ComponentImport PermissionManager jiraPermissions, @ComponentImport IssueManager issues,
                          @ComponentImport I18nResolver i18n) {
        super(services, permissions, jiraPermissions, issues, i18n);
    }

    @Override
    protected String name() {
        return "ctemKev";
    }

    @Override
    protected String usage() {
        return "ctemKev()";
    }

    @Override
    public int getMinimumNumberOfExpectedArguments() {
        return 0;
    }

    @Override
    protected Optional<String> problem(ApplicationUser searcher, List<String> args) {
        return Optional.empty();
    }

    @Override
    protected List<RegisterEntry> entries(ApplicationUser searcher, List<String> args) {
        return mobilisedIssues().inKev(readableCycles(searcher).stream().map(c -> c.key()).toList());
    }
}
