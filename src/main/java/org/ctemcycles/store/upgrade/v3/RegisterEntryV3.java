package org.ctemcycles.store.upgrade.v3;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The register as model version 2 defines its key, its indexed columns and every index (a frozen copy for
 * {@link UpgradeTo3TrackerLinks}). Active Objects' non-destructive migration drops no table or column an entity does
 * not name; this copy also declares every index the register has, so that the migration finds nothing of it to
 * change (its schema reader compares indexes too) and the task leaves the register as it found it.
 */
@Preload
@Table("REGISTER_ENTRY")
@Indexes({
        @Index(name = "register_cycle_id", methodNames = {"getCycleKey", "getID"}),
        @Index(name = "register_cycle_status_id", methodNames = {"getCycleKey", "getStatus", "getID"})
})
public interface RegisterEntryV3 extends Entity {

    @NotNull
    @Unique
    @StringLength(255)
    String getEntryKey();

    void setEntryKey(String key);

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(20)
    String getStatus();

    void setStatus(String status);

    @Indexed
    @StringLength(64)
    String getTrackerIssue();

    void setTrackerIssue(String issueKey);

    @Indexed
    @StringLength(64)
    String getTrackerIssueId();

    void setTrackerIssueId(String issueId);
}
