package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.web.ContextProvider;
import jakarta.inject.Inject;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.evidence.FindingRecord;
import org.ctemcycles.core.evidence.FindingRecords;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;
import org.ctemcycles.report.view.PanelLinks;
import org.ctemcycles.report.view.PrioritisationPanelView;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the prioritisation panel's view ({@link PrioritisationPanelView}, as {@code $panel}) into the context of
 * templates/panel/prioritisation.vm, for the issue Jira shows ({@code issue} in the web panel's context). The view is
 * left out (and the template writes nothing) when the issue was not mobilised from a cycle or the user may not read
 * the cycle's work: the condition hides the panel then, and this checks again on its own.
 */
public class PrioritisationPanelContextProvider implements ContextProvider {

    /** Where the app's REST API lives under Jira's context path (atlassian-plugin.xml: rest path /ctem, 1.0). */
    static final String REST = "/rest/ctem/1.0/cycles/";

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;
    private final IssueFindings issueFindings;

    @Inject
    public PrioritisationPanelContextProvider(CtemServices services, CtemPermissions permissions,
                                              @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
        this.issueFindings = new IssueFindings(services.record().findingRecords());
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Map<String, Object> values = new HashMap<>(context);
        Object issue = context.get("issue");
        panel(issue instanceof Issue shown ? shown : null, authentication.getLoggedInUser())
                .ifPresent(view -> values.put("panel", view));
        return values;
    }

    /** The panel of the issue for the user, or empty when there is none for them to see. */
    public Optional<PrioritisationPanelView> panel(Issue issue, ApplicationUser user) {
        Optional<RegisterEntry> entry = issueFindings.entryOf(issue);
        if (user == null || entry.isEmpty()) {
            return Optional.empty();
        }
        FindingRecords records = services.record().findingRecords();
        Cycle cycle = records.cycleOf(entry.get());
        if (!permissions.may(user, CycleAccess.READ_WORK, cycle)) {
            return Optional.empty();
        }
        // validations are evidence (READ_EVIDENCE): engineers see the outcome's factor in the decision, not the records
        boolean evidence = permissions.may(user, CycleAccess.READ_EVIDENCE, cycle);
        FindingRecord record = records.of(cycle, entry.get(), evidence);
        // the finding as discovery last saw it, which may be an earlier cycle's for a finding handed over
        String findingCycle = record.finding() == null ? cycle.key() : record.finding().cycleKey();
        PanelLinks links = new PanelLinks(REST + findingCycle + "/findings/" + record.findingKey(),
                REST + cycle.key() + "/queue",
                evidence ? REST + cycle.key() + "/evidence.html" : "");
        return Optional.of(PrioritisationPanelView.of(record, links, services.record().clock()));
    }
}
