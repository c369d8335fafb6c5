package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One CVE's EPSS values in one feed version (table {@code AO_xxxxxx_EPSS_SCORE}). */
@Preload
@Table("EPSS_SCORE")
public interface EpssScoreEntity extends Entity {

    @Indexed
    int getFeedId();

    void setFeedId(int feedId);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCve();

    void setCve(String cve);

    double getEpss();

    void setEpss(double probability);

    double getPercentile();

    void setPercentile(double percentile);
}
