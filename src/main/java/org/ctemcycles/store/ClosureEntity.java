package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The closure summary of a closed cycle (table {@code AO_xxxxxx_CLOSURE}), one per cycle; lists of finding keys,
 * surface changes and next-scope surfaces are stored one per line.
 */
@Preload
@Table("CLOSURE")
public interface ClosureEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    long getClosedAtMillis();

    void setClosedAtMillis(long epochMillis);

    @StringLength(255)
    String getClosedBy();

    void setClosedBy(String userKey);

    @StringLength(StringLength.UNLIMITED)
    String getDelivered();

    void setDelivered(String findingKeys);

    @StringLength(StringLength.UNLIMITED)
    String getFalsePositives();

    void setFalsePositives(String findingKeys);

    @StringLength(StringLength.UNLIMITED)
    String getCarriedOver();

    void setCarriedOver(String findingKeys);

    int getRiskAccepted();

    void setRiskAccepted(int count);

    @StringLength(StringLength.UNLIMITED)
    String getSurfaceChanges();

    void setSurfaceChanges(String lines);

    @StringLength(StringLength.UNLIMITED)
    String getNextScope();

    void setNextScope(String surfaceKeys);

    @StringLength(StringLength.UNLIMITED)
    String getMetrics();

    void setMetrics(String metrics);
}
