package org.ctemcycles.jira.tracker;

import com.atlassian.jira.issue.issuetype.IssueType;
import jakarta.inject.Inject;
import org.springframework.stereotype.Component;

/**
 * The "CTEM Exposure" issue type the tracker configuration names by default, created on an administrator's request
 * (never by itself: an issue type changes every project's scheme choices) and added to Jira's default issue type
 * scheme, so projects without a scheme of their own offer it at once; a project with its own scheme needs it added
 * there by an administrator, which the configuration check says.
 */
@Component
public class ExposureIssueType {

    static final String DESCRIPTION = "An exposure found and prioritised in a CTEM cycle: what, where, why now, by"
            + " when and how to verify.";

    private final JiraIssueApi jira;

    /** The issue type, and whether this request created it. */
    public record Result(String id, String name, boolean created) {
    }

    @Inject
    public ExposureIssueType(JiraIssueApi jira) {
        this.jira = jira;
    }

    /** The issue type, created when Jira has none of that name. */
    public Result ensure() {
        IssueType existing = TrackerConfigCheck.byName(jira.issueTypes.getIssueTypes(), IssueType::getName,
                TrackerConfig.DEFAULT_ISSUE_TYPE);
        if (existing != null) {
            return new Result(existing.getId(), existing.getName(), false);
        }
        IssueType created = jira.issueTypes.createIssueType(TrackerConfig.DEFAULT_ISSUE_TYPE, DESCRIPTION, null);
        jira.issueTypeSchemes.addOptionToDefault(created.getId());
        return new Result(created.getId(), created.getName(), true);
    }
}
