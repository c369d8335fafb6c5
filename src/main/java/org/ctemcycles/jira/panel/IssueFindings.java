package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import org.ctemcycles.core.evidence.FindingRecords;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.util.Optional;

/**
 * The one place where a Jira issue is linked to the finding it was mobilised for; the panel's condition and context
 * provider both ask here. The register names its issues by key today, so this resolves by the key; once the register
 * keeps the issue's id (the tracker adapter's change), the lookup moves to the id here and nowhere else, so that a
 * moved issue (a new key) keeps its panel.
 */
public final class IssueFindings {

    private final FindingRecords records;

    public IssueFindings(FindingRecords records) {
        this.records = records;
    }

    /** The register entry whose work the issue is (the newest, for a finding handed over); empty for other issues. */
    public Optional<RegisterEntry> entryOf(Issue issue) {
        return issue == null ? Optional.empty() : records.trackedBy(issue.getKey());
    }
}
