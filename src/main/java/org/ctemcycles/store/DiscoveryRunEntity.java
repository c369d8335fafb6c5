package org.ctemcycles.store;

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
 * A discovery run (table {@code AO_xxxxxx_DISCOVERY_RUN}). {@code IMPORT_KEY} ("CYCLE/sha256 of the content") is
 * unique, so a report is imported into a cycle once, even by two nodes at the same moment; manual entries (which
 * have no content) get "CYCLE/manual/UUID", and partial runs (a report not read whole, which may be imported again)
 * "CYCLE/partial/UUID". Surface lists and warnings are newline-separated text.
 */
@Preload
@Table("DISCOVERY_RUN")
// the REST API pages a cycle's runs by id (keyset)
@Indexes(@Index(name = "run_cycle_id", methodNames = {"getCycleKey", "getID"}))
public interface DiscoveryRunEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @Unique
    @StringLength(100)
    String getImportKey();

    void setImportKey(String importKey);

    @NotNull
    @StringLength(30)
    String getSourceKind();

    void setSourceKind(String sourceKind);

    @StringLength(StringLength.UNLIMITED)
    String getTool();

    void setTool(String tool);

    @StringLength(StringLength.UNLIMITED)
    String getToolVersion();

    void setToolVersion(String toolVersion);

    @NotNull
    @StringLength(50)
    String getReportFormat();

    void setReportFormat(String format);

    @StringLength(StringLength.UNLIMITED)
    String getFileName();

    void setFileName(String fileName);

    @StringLength(64)
    String getContentHash();

    void setContentHash(String sha256);

    long getScannedAtMillis();

    void setScannedAtMillis(long epochMillis);

    long getImportedAtMillis();

    void setImportedAtMillis(long epochMillis);

    @NotNull
    String getImportedBy();

    void setImportedBy(String userKey);

    boolean isComplete();

    void setComplete(boolean complete);

    @StringLength(StringLength.UNLIMITED)
    String getDeclaredSurfaces();

    void setDeclaredSurfaces(String keys);

    @StringLength(StringLength.UNLIMITED)
    String getCoveredSurfaces();

    void setCoveredSurfaces(String keys);

    int getObservations();

    void setObservations(int count);

    int getNewFindings();

    void setNewFindings(int count);

    int getMerged();

    void setMerged(int count);

    int getOutOfScope();

    void setOutOfScope(int count);

    int getFixCandidates();

    void setFixCandidates(int count);

    int getReappeared();

    void setReappeared(int count);

    int getWarningCount();

    void setWarningCount(int count);

    @StringLength(StringLength.UNLIMITED)
    String getWarnings();

    void setWarnings(String firstWarnings);
}
