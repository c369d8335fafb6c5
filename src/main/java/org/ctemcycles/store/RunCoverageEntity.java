package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** A run covered a surface as one source kind (table {@code AO_xxxxxx_RUN_COVERAGE}): the coverage record. */
@Preload
@Table("RUN_COVERAGE")
public interface RunCoverageEntity extends Entity {

    @Indexed
    long getRunId();

    void setRunId(long runId);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(32)
    String getSurfaceKey();

    void setSurfaceKey(String surfaceKey);

    @NotNull
    @StringLength(30)
    String getSourceKind();

    void setSourceKind(String sourceKind);

    long getCoveredAtMillis();

    void setCoveredAtMillis(long epochMillis);

    boolean isDeclared();

    void setDeclared(boolean declared);
}
