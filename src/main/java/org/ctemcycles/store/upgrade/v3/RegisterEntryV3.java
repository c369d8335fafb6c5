package org.ctemcycles.store.upgrade.v3;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The register's key and tracker columns as model version 2 defines them (a frozen copy for
 * {@link UpgradeTo3TrackerLinks}). Active Objects' migration adds what an entity names and drops nothing, so the
 * register's other columns stay as they are.
 */
@Preload
@Table("REGISTER_ENTRY")
public interface RegisterEntryV3 extends Entity {

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
