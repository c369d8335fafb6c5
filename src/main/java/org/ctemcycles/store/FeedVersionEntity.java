package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One loaded version of a threat feed (table {@code AO_xxxxxx_FEED_VERSION}): EPSS or KEV, its model_version or
 * catalogVersion, the date its data describes, and its state. A new version is written as LOADING, becomes ACTIVE only
 * once every row is in and counted, and the previous ACTIVE one is then RETIRED (and its rows removed); a load that
 * fails is marked FAILED and its rows removed. Readers on every Jira node read only the ACTIVE version.
 */
@Preload
@Table("FEED_VERSION")
public interface FeedVersionEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(8)
    String getKind();

    void setKind(String kind);

    /** model_version (EPSS) or catalogVersion (KEV). */
    @NotNull
    @StringLength(64)
    String getVersionLabel();

    void setVersionLabel(String version);

    /** ISO instant: EPSS score_date or KEV dateReleased. */
    @NotNull
    @StringLength(40)
    String getAsOf();

    void setAsOf(String isoInstant);

    @StringLength(StringLength.UNLIMITED)
    String getSource();

    void setSource(String source);

    @StringLength(StringLength.UNLIMITED)
    String getTitle();

    void setTitle(String title);

    int getRowCount();

    void setRowCount(int rows);

    @NotNull
    @Indexed
    @StringLength(10)
    String getStatus();

    void setStatus(String status);

    long getLoadedAtMillis();

    void setLoadedAtMillis(long epochMillis);
}
