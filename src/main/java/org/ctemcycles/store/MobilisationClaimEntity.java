package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The idempotency key of a tracker issue the app opens (table {@code AO_xxxxxx_MOBILISATION_CLAIM}): one row per
 * cycle and subject (a finding, or the vulnerability a parent issue stands for), unique across nodes. It is inserted
 * as CLAIMED in the transaction that opens the issue, before the issue is created, so a second creator on any node
 * waits on the unique key and then finds it CREATED with the issue's id; RELEASED when the issue was deleted.
 */
@Preload
@Table("MOBILISATION_CLAIM")
public interface MobilisationClaimEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(255)
    String getClaimKey();

    void setClaimKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(220)
    String getSubject();

    void setSubject(String subject);

    /** CLAIMED, CREATED or RELEASED. */
    @NotNull
    @StringLength(16)
    String getState();

    void setState(String state);

    @StringLength(64)
    String getIssueId();

    void setIssueId(String issueId);

    @StringLength(64)
    String getIssueKey();

    void setIssueKey(String issueKey);

    @StringLength(255)
    String getClaimedBy();

    void setClaimedBy(String userKey);

    long getClaimedAtMillis();

    void setClaimedAtMillis(long epochMillis);
}
