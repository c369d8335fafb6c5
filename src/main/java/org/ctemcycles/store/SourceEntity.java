package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A scheduled discovery source (table {@code AO_xxxxxx_DISC_SOURCE}); the token column holds only the token sealed
 * with a key kept outside the database. Covered surfaces one per line. Its recent runs are {@link SourceRunEntity}.
 */
@Preload
@Table("DISC_SOURCE")
public interface SourceEntity extends Entity {

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @StringLength(255)
    String getName();

    void setName(String name);

    @StringLength(16)
    String getKind();

    void setKind(String kind);

    @StringLength(StringLength.UNLIMITED)
    String getLocation();

    void setLocation(String location);

    @StringLength(StringLength.UNLIMITED)
    String getSealedToken();

    void setSealedToken(String sealed);

    long getEverySeconds();

    void setEverySeconds(long seconds);

    @StringLength(StringLength.UNLIMITED)
    String getCovers();

    void setCovers(String surfaceKeys);

    @StringLength(64)
    String getFormat();

    void setFormat(String format);

    @StringLength(255)
    String getCreatedBy();

    void setCreatedBy(String userKey);

    long getLastRunMillis();

    void setLastRunMillis(long epochMillis);

    @StringLength(StringLength.UNLIMITED)
    String getLastOutcome();

    void setLastOutcome(String outcome);

    /** Runs in a row that failed: the source's back-off (0, also in rows from before it was kept). */
    int getFailures();

    void setFailures(int failures);
}
