package org.ctemcycles.jira.fields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.index.IndexException;
import com.atlassian.jira.issue.index.IssueIndexingParams;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.jira.util.ImportUtils;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Jira's search index, as the re-index job uses it: each issue re-indexed on its own with
 * {@code IssueIndexingParams.INDEX_ISSUE_ONLY} (its fields, not its comments or history), indexing switched on for
 * the job's thread while it works and restored afterwards, as Atlassian's Slack app does on Jira 11
 * ({@code JqlIssueFilter}). Jira then asks each CTEM field type for its value, which reads the record as it is now.
 */
@Component
public class JiraFieldIndex {

    private static final Logger LOG = LoggerFactory.getLogger(JiraFieldIndex.class);

    private final IssueManager issues;
    private final IssueIndexingService indexing;

    @Inject
    public JiraFieldIndex(@ComponentImport IssueManager issues, @ComponentImport IssueIndexingService indexing) {
        this.issues = issues;
        this.indexing = indexing;
    }

    /**
     * Re-indexes the issues with these ids; an id no longer naming an issue (deleted since) is skipped.
     *
     * @return how many issues were re-indexed
     */
    public int reindex(List<Long> issueIds) {
        boolean wasIndexing = ImportUtils.isIndexIssues();
        if (!wasIndexing) {
            ImportUtils.setIndexIssues(true);
        }
        int done = 0;
        try {
            for (Long id : issueIds) {
                Issue issue = issues.getIssueObject(id);
                if (issue == null) {
                    continue;
                }
                try {
                    indexing.reIndex(issue, IssueIndexingParams.INDEX_ISSUE_ONLY);
                    done++;
                } catch (IndexException e) {
                    // one issue Jira cannot index must not hold up the others; Jira's own reindex repairs it
                    LOG.warn("CTEM: issue {} could not be re-indexed ({})", id, e.getMessage());
                }
            }
        } finally {
            if (!wasIndexing) {
                ImportUtils.setIndexIssues(false);
            }
        }
        return done;
    }
}
