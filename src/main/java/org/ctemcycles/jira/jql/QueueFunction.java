package org.ctemcycles.jira.jql;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import org.ctemcycles.core.evidence.MobilisedIssues;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * {@code issue in ctemQueue("CYCLE", N)}: the issues mobilised for the findings at ranks 1 to N of the cycle's current
 * queue (its newest ranking), N from 1 to {@value MobilisedIssues#MAX_TOP}. Findings of
 * the top N that were not mobilised have no issue, so fewer than N issues may come back.
 */
@Component
public class QueueFunction extends CtemJqlFunction {

    @Inject
    public QueueFunction(CtemServices services, CtemPermissions permissions,
                          @ComponentImport PermissionManager jiraPermissions, @ComponentImport IssueManager issues,
                          @ComponentImport I18nResolver i18n) {
        super(services, permissions, jiraPermissions, issues, i18n);
    }

    @Override
    protected String name() {
        return "ctemQueue";
    }

    @Override
    protected String usage() {
        return "ctemQueue(\"CYCLE\", N)";
    }

    @Override
    public int getMinimumNumberOfExpectedArguments() {
        return 2;
    }

    @Override
    protected Optional<String> problem(ApplicationUser searcher, List<String> args) {
        if (top(args.get(1)) == 0) {
            return Optional.of(text("ctem.jql.queue.top", name(), args.get(1),
                    MobilisedIssues.MAX_TOP));
        }
        return cycleProblem(searcher, args.get(0));
    }

    @Override
    protected List<RegisterEntry> entries(ApplicationUser searcher, List<String> args) {
        return mobilisedIssues().queueTop(readableCycle(searcher, args.get(0)).orElseThrow().key(), top(args.get(1)));
    }

    /** N when the text is a whole number from 1 to the maximum, else 0. */
    private static int top(String text) {
        String digits = text == null ? "" : text.trim();
        if (!digits.matches("[0-9]{1,4}")) {
            return 0;
        }
        int top = Integer.parseInt(digits);
        return top <= MobilisedIssues.MAX_TOP ? top : 0;
    }
}
