package org.ctemcycles.store.upgrade.v3;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.HashSet;
import java.util.Set;

/**
 * Upgrades the data model from version 2 to version 3: the register entries linked to a tracker issue get their row
 * in the tracker link table, which tracker events and the issue panel now read instead of the register's own tracker
 * indexes (ADR 054; the final migration drops those). Nothing of the register is changed. A re-run after a partial
 * upgrade links only the entries still without a link. Works on the frozen model-3 copies in this package.
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
        // the linked entries are few (those mobilised to an issue): read whole, written one by one
        for (RegisterEntryV3 entry : ao.find(RegisterEntryV3.class, Query.select("ID, ENTRY_KEY, TRACKER_ISSUE,"
                + " TRACKER_ISSUE_ID").where("(TRACKER_ISSUE IS NOT NULL AND TRACKER_ISSUE <> '')"
                + " OR (TRACKER_ISSUE_ID IS NOT NULL AND TRACKER_ISSUE_ID <> '')").order("ID ASC"))) {
            if (linked.add(entry.getEntryKey())) {
                ao.create(TrackerLinkV3.class, new DBParam("ENTRY_KEY", entry.getEntryKey()),
                        new DBParam("TRACKER_ISSUE", entry.getTrackerIssue()),
                        new DBParam("TRACKER_ISSUE_ID", entry.getTrackerIssueId()));
            }
        }
    }
}
