package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One rendering of a cycle's evidence pack frozen at closure (table {@code AO_xxxxxx_FROZEN_REPORT}), never updated:
 * its SHA-256 and length in UTF-8 bytes, and how many {@link FrozenChunkEntity} rows hold its text.
 * {@code REPORT_KEY} ({@code CYCLE_KEY#RENDERING}) is unique, so a cycle has at most one frozen rendering of each
 * kind. Written last, after its chunks: a row here means the rendering is whole.
 */
@Table("FROZEN_REPORT")
public interface FrozenReportEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(64)
    String getReportKey();

    void setReportKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(16)
    String getRendering();

    void setRendering(String rendering);

    long getFrozenAtMillis();

    void setFrozenAtMillis(long epochMillis);

    @NotNull
    @StringLength(64)
    String getSha256();

    void setSha256(String sha256);

    long getByteLength();

    void setByteLength(long bytes);

    int getChunks();

    void setChunks(int chunks);
}
