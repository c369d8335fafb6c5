package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A recent run of a scheduled discovery source (table {@code AO_xxxxxx_DISC_SOURCE_RUN}); only the newest few of
 * each source are kept, and they go with their source.
 */
@Table("DISC_SOURCE_RUN")
public interface SourceRunEntity extends Entity {

    @NotNull
    @Indexed
    long getSourceId();

    void setSourceId(long sourceId);

    long getAtMillis();

    void setAtMillis(long epochMillis);

    @StringLength(32)
    String getResult();

    void setResult(String result);

    int getObservations();

    void setObservations(int observations);

    @StringLength(StringLength.UNLIMITED)
    String getOutcome();

    void setOutcome(String outcome);
}
