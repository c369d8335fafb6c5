package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A signal (table {@code AO_xxxxxx_FINDING_SIGNAL}): one source's sighting of a finding in one run. Never deleted:
 * {@code DELETED_AT_MILLIS} is 0 while the signal is live and the time of the run that no longer saw the finding
 * afterwards. Cycle, surface, asset and source are copied from the finding and run so that the fix-candidate
 * query reads one indexed table.
 */
@Preload
@Table("FINDING_SIGNAL")
@Indexes({
        @Index(name = "signal_live_source", methodNames = {"getCycleKey", "getSourceKind", "getToolKey",
                "getDeletedAtMillis"}),
        // a run's findings in id order, a page at a time (the register intake)
        @Index(name = "signal_run_finding", methodNames = {"getRunId", "getFindingId"}),
        // whether a later scan saw a finding, and when it was last seen
        @Index(name = "signal_finding_seen", methodNames = {"getFindingId", "getSeenAtMillis"})
})
public interface FindingSignalEntity extends Entity {

    long getFindingId();

    void setFindingId(long findingId);

    long getRunId();

    void setRunId(long runId);

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @StringLength(32)
    String getSurfaceKey();

    void setSurfaceKey(String surfaceKey);

    @StringLength(StringLength.UNLIMITED)
    String getAssetKey();

    void setAssetKey(String assetIdentityKey);

    @NotNull
    @StringLength(30)
    String getSourceKind();

    void setSourceKind(String sourceKind);

    @StringLength(StringLength.UNLIMITED)
    String getTool();

    void setTool(String tool);

    @NotNull
    @StringLength(200)
    String getToolKey();

    void setToolKey(String toolKey);

    @StringLength(StringLength.UNLIMITED)
    String getToolVersion();

    void setToolVersion(String toolVersion);

    @StringLength(StringLength.UNLIMITED)
    String getRawSeverity();

    void setRawSeverity(String asReported);

    @NotNull
    @StringLength(10)
    String getSeverity();

    void setSeverity(String severity);

    long getSeenAtMillis();

    void setSeenAtMillis(long epochMillis);

    int getObservations();

    void setObservations(int count);

    @StringLength(StringLength.UNLIMITED)
    String getLocation();

    void setLocation(String location);

    @StringLength(StringLength.UNLIMITED)
    String getEvidence();

    void setEvidence(String evidence);

    @StringLength(StringLength.UNLIMITED)
    String getAttributes();

    void setAttributes(String json);

    @StringLength(StringLength.UNLIMITED)
    String getVexState();

    void setVexState(String state);

    @StringLength(StringLength.UNLIMITED)
    String getVexJustification();

    void setVexJustification(String justification);

    @StringLength(StringLength.UNLIMITED)
    String getVexResponse();

    void setVexResponse(String response);

    @StringLength(StringLength.UNLIMITED)
    String getVexDetail();

    void setVexDetail(String detail);

    long getDeletedAtMillis();

    void setDeletedAtMillis(long epochMillis);

    long getDeletedByRunId();

    void setDeletedByRunId(long runId);
}
