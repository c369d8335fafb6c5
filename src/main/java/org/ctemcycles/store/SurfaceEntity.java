package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A surface a cycle scoped (table {@code AO_xxxxxx_SURFACE}); its scope rules are {@link ScopeRuleEntity} rows.
 * {@code CYCLE_SURFACE} ("CYCLE/SURFACE") is unique, so two nodes cannot register the same surface twice.
 */
@Preload
@Table("SURFACE")
public interface SurfaceEntity extends Entity {

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
    @Unique
    @StringLength(65)
    String getCycleSurface();

    void setCycleSurface(String cycleSlashSurface);

    @NotNull
    String getName();

    void setName(String name);

    @NotNull
    @StringLength(40)
    String getKind();

    void setKind(String surfaceKind);

    String getBusinessOwner();

    void setBusinessOwner(String userKey);

    @StringLength(20)
    String getCriticality();

    void setCriticality(String criticality);

    @StringLength(20)
    String getExposure();

    void setExposure(String exposure);

    @StringLength(StringLength.UNLIMITED)
    String getSuccessCriterion();

    void setSuccessCriterion(String successCriterion);
}
