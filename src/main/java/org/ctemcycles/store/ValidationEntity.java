package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One validation of a finding (table {@code AO_xxxxxx_VALIDATION}), append only. Indexed by cycle (the cycle's
 * validations) and by finding (its history across cycles). Evidence references are stored one per line.
 */
@Preload
@Indexes(@Index(name = "validation_cycle_id", methodNames = {"getCycleKey", "getID"}))
@Table("VALIDATION")
public interface ValidationEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    @NotNull
    @Indexed
    @StringLength(200)
    String getFindingKey();

    void setFindingKey(String findingKey);

    @NotNull
    @StringLength(30)
    String getMethod();

    void setMethod(String method);

    @NotNull
    @StringLength(30)
    String getOutcome();

    void setOutcome(String outcome);

    @StringLength(StringLength.UNLIMITED)
    String getNotes();

    void setNotes(String notes);

    @StringLength(StringLength.UNLIMITED)
    String getEvidenceRefs();

    void setEvidenceRefs(String refs);

    @NotNull
    @StringLength(255)
    String getValidatedBy();

    void setValidatedBy(String userKey);

    long getValidatedAtMillis();

    void setValidatedAtMillis(long epochMillis);

    @StringLength(20)
    String getStatusBefore();

    void setStatusBefore(String status);

    @StringLength(20)
    String getStatusAfter();

    void setStatusAfter(String status);
}
