package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A change of the record that Jira's search index has not caught up with yet (table
 * {@code AO_xxxxxx_REINDEX_REQUEST}): the issues of one finding of a cycle, or of the whole cycle (no finding key:
 * a new ranking moves every rank). Written in the transaction of the change, read and removed by the scheduled job
 * that re-indexes the issues in batches; a whole cycle's request keeps the last register entry done, so a large
 * cycle is worked through over several runs.
 */
@Preload
@Table("REINDEX_REQUEST")
public interface ReindexRequestEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    /** The finding whose issues to re-index, or null for every issue of the cycle. */
    @StringLength(64)
    String getFindingKey();

    void setFindingKey(String findingKey);

    /** The register entry id a whole cycle's request was done up to (0: not started). */
    long getDoneUpTo();

    void setDoneUpTo(long registerEntryId);

    long getRequestedAtMillis();

    void setRequestedAtMillis(long epochMillis);
}
