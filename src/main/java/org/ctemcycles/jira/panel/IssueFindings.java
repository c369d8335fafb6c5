package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import org.ctemcycles.core.evidence.FindingRecords;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.util.Optional;

/**
 * The one place where a Jira issue is linked to the finding it was mobilised for; the panel's condition and context
 * provider both ask here. By the issue's id, which the register keeps for issues the Jira adapter opened, so a moved
 * issue (a new key) keeps its panel; by the key for entries whose tracker names issues by key (the command line's).
 */
public final class IssueFindings {

    private final FindingRecords records;

    public IssueFindings(FindingRecords records) {
        this.records = records;
    }

    /** The register entry whose work the issue is (the newest, for a finding handed over); empty for other issues. */
    public Optional<RegisterEntry> entryOf(Issue issue) {
        return issue == null ? Optional.empty() : records.trackedBy(issue.getId(), issue.getKey());
    }
}
