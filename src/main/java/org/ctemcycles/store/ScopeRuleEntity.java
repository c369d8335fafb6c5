package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** One scope rule of a surface (table {@code AO_xxxxxx_SCOPE_RULE}), its pattern in canonical form. */
@Preload
@Table("SCOPE_RULE")
public interface ScopeRuleEntity extends Entity {

    @Indexed
    int getSurfaceId();

    void setSurfaceId(int surfaceId);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @StringLength(20)
    String getRuleKind();

    void setRuleKind(String kind);

    @NotNull
    @StringLength(450)
    String getPattern();

    void setPattern(String pattern);

    int getRuleOrder();

    void setRuleOrder(int order);
}
