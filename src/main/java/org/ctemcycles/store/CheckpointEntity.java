package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A checkpoint held in a cycle (table {@code AO_xxxxxx_CHECKPOINT}), with its metrics snapshot as
 * {@code name=value} lines ({@link org.ctemcycles.core.cadence.MetricsSnapshot#encode()}).
 */
@Preload
@Table("CHECKPOINT")
public interface CheckpointEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(10)
    String getHeldOn();

    void setHeldOn(String isoDate);

    @StringLength(10)
    String getPlannedFor();

    void setPlannedFor(String isoDate);

    long getRecordedAtMillis();

    void setRecordedAtMillis(long epochMillis);

    @StringLength(255)
    String getRecordedBy();

    void setRecordedBy(String userKey);

    @StringLength(StringLength.UNLIMITED)
    String getNotes();

    void setNotes(String notes);

    @StringLength(StringLength.UNLIMITED)
    String getMetrics();

    void setMetrics(String metrics);
}
