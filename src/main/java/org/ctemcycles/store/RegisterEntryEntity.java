package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One finding in one cycle's mobilisation register (table {@code AO_xxxxxx_REGISTER_ENTRY}). {@code ENTRY_KEY}
 * ({@code CYCLE_KEY/FINDING_KEY}) is unique. Indexed for the hot reads: a cycle's register (by id, by status and id).
 * Every index costs each entry the intake writes a B-tree entry (ADR 052), so the rare reads go through these: a
 * finding across cycles is its entry key in each cycle, the daily check of expired risk acceptances reads each
 * cycle's risk-accepted entries by (cycle, status), and the entries of a tracker issue are found through
 * {@link TrackerLinkEntity}, written only for entries linked to an issue (ADR 054).
 */
@Preload
@Table("REGISTER_ENTRY")
@Indexes({
        // the evidence pack pages a cycle's register by id (keyset)
        @Index(name = "register_cycle_id", methodNames = {"getCycleKey", "getID"}),
        // the REST API pages the entries of one status (keyset)
        @Index(name = "register_cycle_status_id", methodNames = {"getCycleKey", "getStatus", "getID"})
})
public interface RegisterEntryEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(255)
    String getEntryKey();

    void setEntryKey(String key);

    // not indexed alone: a cycle's entries are found through register_cycle_id, whose first column it is (ADR 048)
    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    // not indexed: a finding across cycles is found by its entry key in each cycle (ADR 052)
    @NotNull
    @StringLength(200)
    String getFindingKey();

    void setFindingKey(String findingKey);

    @NotNull
    @StringLength(20)
    String getStatus();

    void setStatus(String status);

    @StringLength(255)
    String getOwner();

    void setOwner(String owner);

    @StringLength(10)
    String getDeadline();

    void setDeadline(String isoDate);

    /** Who set the deadline (the user who mobilised), or null before mobilisation. */
    @StringLength(255)
    String getDeadlineSetBy();

    void setDeadlineSetBy(String userKey);

    /** Why the deadline is what it is, when given (e.g. why it is later than the policy's), or null. */
    @StringLength(StringLength.UNLIMITED)
    String getDeadlineReason();

    void setDeadlineReason(String reason);

    @StringLength(255)
    String getChangeRecord();

    void setChangeRecord(String changeRecord);

    @StringLength(255)
    String getDependency();

    void setDependency(String dependency);

    @StringLength(StringLength.UNLIMITED)
    String getVerificationStep();

    void setVerificationStep(String step);

    // not indexed: an issue's entries are found through the tracker link table (ADR 054)
    @StringLength(64)
    String getTrackerIssue();

    void setTrackerIssue(String issueKey);

    @StringLength(255)
    String getAcceptanceOwner();

    void setAcceptanceOwner(String owner);

    @StringLength(StringLength.UNLIMITED)
    String getAcceptanceControl();

    void setAcceptanceControl(String control);

    @StringLength(10)
    String getAcceptanceExpiry();

    void setAcceptanceExpiry(String isoDate);

    @StringLength(255)
    String getAcceptedBy();

    void setAcceptedBy(String userKey);

    long getAcceptedAtMillis();

    void setAcceptedAtMillis(long epochMillis);

    @StringLength(32)
    String getCarriedFrom();

    void setCarriedFrom(String cycleKey);

    long getEnrolledAtMillis();

    void setEnrolledAtMillis(long epochMillis);

    long getUpdatedAtMillis();

    void setUpdatedAtMillis(long epochMillis);

    /** The tracker issue's id (stable across moves), or "" / null; tracker events find their entry by it. */
    // not indexed: an issue's entries are found through the tracker link table (ADR 054)
    @StringLength(64)
    String getTrackerIssueId();

    void setTrackerIssueId(String issueId);

    /** The issue as the register last saw it ({@code TrackerState.encode}), or "" / null. */
    @StringLength(StringLength.UNLIMITED)
    String getTrackerState();

    void setTrackerState(String state);

    /** Why a security lead must decide about the entry, or "" / null. */
    @StringLength(StringLength.UNLIMITED)
    String getDecisionNeeded();

    void setDecisionNeeded(String reason);

    /**
     * Written only to take the row's lock ({@code RegisterRepository.lock}): an UPDATE makes a concurrent change of
     * the same entry wait until this transaction ends.
     */
    long getLockSerial();

    void setLockSerial(long serial);
}
