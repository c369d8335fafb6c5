package org.ctemcycles.jira.jql;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.evidence.MobilisedIssues;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * {@code issue in ctemStage("CYCLE", "stage")}: the cycle's mobilised issues whose work waits at that CTEM stage:
 * Mobilisation (remediation open), Validation (resolved, waiting for the retest that verifies it) or Closed
 * (verified, false positive, risk accepted); see {@link MobilisedIssues#workStage}. Stage names as users type them
 * ("validation", "Mobilisation").
 */
@Component
public class StageFunction extends CtemJqlFunction {

    @Inject
    public StageFunction(CtemServices services, CtemPermissions permissions,
                          @ComponentImport PermissionManager jiraPermissions, @ComponentImport IssueManager issues,
                          @ComponentImport I18nResolver i18n) {
        super(services, permissions, jiraPermissions, issues, i18n);
    }

    @Override
    protected String name() {
        return "ctemStage";
    }

    @Override
    protected String usage() {
        return "ctemStage(\"CYCLE\", \"stage\")";
    }

    @Override
    public int getMinimumNumberOfExpectedArguments() {
        return 2;
    }

    @Override
    protected Optional<String> problem(ApplicationUser searcher, List<String> args) {
        Optional<Stage> stage = Stage.parse(args.get(1));
        if (stage.isEmpty()) {
            return Optional.of(text("ctem.jql.stage.unknown", name(), args.get(1)));
        }
        if (!MobilisedIssues.holdsIssues(stage.get())) {
            return Optional.of(text("ctem.jql.stage.noIssues", name(), stage.get().label()));
        }
        return cycleProblem(searcher, args.get(0));
    }

    @Override
    protected List<RegisterEntry> entries(ApplicationUser searcher, List<String> args) {
        return mobilisedIssues().atStage(readableCycle(searcher, args.get(0)).orElseThrow().key(),
                Stage.parse(args.get(1)).orElseThrow());
    }
}
