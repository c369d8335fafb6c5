package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A record digest committed by a checkpoint or a closure (table {@code AO_xxxxxx_RECORD_DIGEST}), never updated:
 * the activity log's head before the committing entry, and per set (register, findings, decisions) the row count,
 * the SHA-256 of the leaves and the leaves themselves (one line per row). {@code DIGEST_KEY}
 * ({@code CYCLE_KEY#LOG_SEQ}) is unique. Not preloaded: the
 * leaves (megabytes for a large cycle) are selected only when a digest is verified, never with the list.
 */
@Table("RECORD_DIGEST")
public interface RecordDigestEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(64)
    String getDigestKey();

    void setDigestKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    long getLogSeq();

    void setLogSeq(long sequence);

    @NotNull
    @StringLength(20)
    String getKind();

    void setKind(String kind);

    @NotNull
    @StringLength(10)
    String getDigestDay();

    void setDigestDay(String isoDate);

    long getAtMillis();

    void setAtMillis(long epochMillis);

    long getHeadLength();

    void setHeadLength(long length);

    @StringLength(64)
    String getHeadHash();

    void setHeadHash(String hash);

    @StringLength(64)
    String getHeadAnchor();

    void setHeadAnchor(String anchor);

    long getLastRunId();

    void setLastRunId(long runId);

    @StringLength(64)
    String getQueueRun();

    void setQueueRun(String runId);

    int getRegisterRows();

    void setRegisterRows(int rows);

    @StringLength(64)
    String getRegisterRoot();

    void setRegisterRoot(String sha256);

    @StringLength(StringLength.UNLIMITED)
    String getRegisterLeaves();

    void setRegisterLeaves(String lines);

    int getFindingsRows();

    void setFindingsRows(int rows);

    @StringLength(64)
    String getFindingsRoot();

    void setFindingsRoot(String sha256);

    @StringLength(StringLength.UNLIMITED)
    String getFindingsLeaves();

    void setFindingsLeaves(String lines);

    int getDecisionsRows();

    void setDecisionsRows(int rows);

    @StringLength(64)
    String getDecisionsRoot();

    void setDecisionsRoot(String sha256);

    @StringLength(StringLength.UNLIMITED)
    String getDecisionsLeaves();

    void setDecisionsLeaves(String lines);
}
