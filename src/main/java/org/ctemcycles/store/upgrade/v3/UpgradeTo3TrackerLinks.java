package org.ctemcycles.store.upgrade.v3;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upgrades the data model from version 2 to version 3: the register entries linked to a tracker issue get their row
 * in the tracker link table, which tracker events and the issue panel now read instead of the register's own tracker
 * indexes (ADR 054; the final migration drops those). Nothing of the register is changed: its frozen copy declares
 * every model-2 column the task reads and every index, so the migration has nothing of it to change. A re-run links
 * only the entries still without a link. Works on the frozen model-3 copies in this package.
 */
public class UpgradeTo3TrackerLinks implements ActiveObjectsUpgradeTask {

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("3");
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(RegisterEntryV3.class, TrackerLinkV3.class);
        Set<String> linked = new HashSet<>();
        ao.stream(TrackerLinkV3.class, Query.select("ID, ENTRY_KEY"), row -> linked.add(row.getEntryKey()));
        // the entries naming an issue are few (those mobilised to one): read first, then written one by one. Unlinked
        // entries hold "" or null, and Oracle reads "" as null, so the empty ones are left out here, not in SQL (the
        // register is read once, four columns a row)
        List<String[]> toLink = new ArrayList<>();
        ao.stream(RegisterEntryV3.class, Query.select("ID, ENTRY_KEY, TRACKER_ISSUE, TRACKER_ISSUE_ID")
                .where("TRACKER_ISSUE IS NOT NULL OR TRACKER_ISSUE_ID IS NOT NULL").order("ID ASC"), entry -> {
            if (names(entry.getTrackerIssue(), entry.getTrackerIssueId()) && linked.add(entry.getEntryKey())) {
                toLink.add(new String[]{entry.getEntryKey(), entry.getTrackerIssue(), entry.getTrackerIssueId()});
            }
        });
        for (String[] link : toLink) {
            ao.create(TrackerLinkV3.class, new DBParam("ENTRY_KEY", link[0]), new DBParam("TRACKER_ISSUE", link[1]),
                    new DBParam("TRACKER_ISSUE_ID", link[2]));
        }
    }

    private static boolean names(String issueKey, String issueId) {
        return issueKey != null && !issueKey.isEmpty() || issueId != null && !issueId.isEmpty();
    }
}
