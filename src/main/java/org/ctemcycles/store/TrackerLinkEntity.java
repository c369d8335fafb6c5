package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A register entry linked to a tracker issue (table {@code AO_xxxxxx_TRACKER_LINK}): the entry's key and the issue's
 * key and id, as the entry's own row holds them. Tracker events and the issue panel find their entries by the issue
 * here, over indexes of this small table: on the register they cost every entry the intake writes two B-tree entries
 * of nothing, 5% of a new import, though few entries are ever mobilised (ADR 054). Written and removed with the
 * entry's tracker columns ({@link AoRegisterRepository}); the entry's row is the record.
 */
@Preload
@Table("TRACKER_LINK")
public interface TrackerLinkEntity extends Entity {

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
