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
 * A finding (table {@code AO_xxxxxx_FINDING}). {@code FINDING_KEY} ("CYCLE/identity hash") is unique: the database
 * itself refuses a second finding with one identity in one cycle, whichever node imports. A null
 * {@code SURFACE_KEY} means out of scope. Each index costs every insert a B-tree write (ADR 048, 052): besides the
 * unique key, which also finds a finding by its key in a cycle (a range of it), only the cycle's findings by id (the
 * evidence pack's keyset pages) are indexed. Lists are text: CVEs and CWEs comma-separated, CVSS
 * vectors one a line, the per-source severities "KIND/tool TAB SEVERITY" one a line. When a finding was last seen,
 * and by which run, is read from its signals: a re-scan that sees a finding unchanged adds a signal and leaves the
 * row alone. (Databases made before keep the unused columns LAST_SEEN_MILLIS and LAST_RUN_ID, which default to 0.)
 */
@Preload
@Table("FINDING")
@Indexes({
        // the evidence pack pages a cycle's findings by id (keyset)
        @Index(name = "finding_cycle_id", methodNames = {"getCycleKey", "getID"})
})
public interface FindingEntity extends Entity {

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @Unique
    @StringLength(100)
    String getFindingKey();

    void setFindingKey(String cycleSlashIdentity);

    @NotNull
    @StringLength(64)
    String getIdentityHash();

    void setIdentityHash(String sha256);

    @NotNull
    @StringLength(20)
    String getIdentityKind();

    void setIdentityKind(String kind);

    @StringLength(32)
    String getSurfaceKey();

    void setSurfaceKey(String surfaceKey);

    @NotNull
    @StringLength(20)
    String getAssetKind();

    void setAssetKind(String assetKind);

    @StringLength(StringLength.UNLIMITED)
    String getAssetKey();

    void setAssetKey(String canonicalKey);

    @StringLength(StringLength.UNLIMITED)
    String getAssetValue();

    void setAssetValue(String asWritten);

    @StringLength(StringLength.UNLIMITED)
    String getTitle();

    void setTitle(String title);

    @StringLength(StringLength.UNLIMITED)
    String getTool();

    void setTool(String tool);

    @StringLength(StringLength.UNLIMITED)
    String getRuleId();

    void setRuleId(String ruleId);

    @StringLength(StringLength.UNLIMITED)
    String getLocation();

    void setLocation(String location);

    @NotNull
    @StringLength(10)
    String getSeverity();

    void setSeverity(String severity);

    @StringLength(StringLength.UNLIMITED)
    String getSourceSeverities();

    void setSourceSeverities(String lines);

    @NotNull
    @StringLength(20)
    String getStatus();

    void setStatus(String status);

    @StringLength(StringLength.UNLIMITED)
    String getCves();

    void setCves(String commaSeparated);

    @StringLength(StringLength.UNLIMITED)
    String getCwes();

    void setCwes(String commaSeparated);

    @StringLength(StringLength.UNLIMITED)
    String getCvssVectors();

    void setCvssVectors(String lines);

    long getFirstSeenMillis();

    void setFirstSeenMillis(long epochMillis);

    long getFirstRunId();

    void setFirstRunId(long runId);

    long getFixCandidateRunId();

    void setFixCandidateRunId(long runId);

    /**
     * The discovery run that last wrote this row (created it, or changed what it says); a run that only sees the
     * finding again adds a signal and leaves the row alone. Record digests excuse a changed row by it. 0 in rows
     * written before the column existed.
     */
    long getChangedByRunId();

    void setChangedByRunId(long runId);
}
