package org.ctemcycles.store.upgrade.v3;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/** The tracker link table as model version 3 defines it (a frozen copy for {@link UpgradeTo3TrackerLinks}). */
@Preload
@Table("TRACKER_LINK")
public interface TrackerLinkV3 extends Entity {

    @NotNull
    @Unique
    @StringLength(255)
    String getEntryKey();

    void setEntryKey(String key);

    @Indexed
    @StringLength(64)
    String getTrackerIssue();

    void setTrackerIssue(String issueKey);

    @Indexed
    @StringLength(64)
    String getTrackerIssueId();

    void setTrackerIssueId(String issueId);
}
