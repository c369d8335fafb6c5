package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One finding of a mobilisation run and its outcome (table {@code AO_xxxxxx_MOBILISATION_ITEM}); {@code ITEM_KEY}
 * ({@code RUN/POSITION}) is unique. Indexed for the run's next pending batch and its pages of outcomes.
 */
@Preload
@Table("MOBILISATION_ITEM")
@Indexes({
        @Index(name = "item_run_outcome", methodNames = {"getRunKey", "getOutcome", "getPosition"}),
        @Index(name = "item_run_position", methodNames = {"getRunKey", "getPosition"})
})
public interface MobilisationItemEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(96)
    String getItemKey();

    void setItemKey(String key);

    @NotNull
    @StringLength(64)
    String getRunKey();

    void setRunKey(String runKey);

    int getPosition();

    void setPosition(int position);

    @NotNull
    @StringLength(200)
    String getFindingKey();

    void setFindingKey(String findingKey);

    /** PENDING, OPENED, UPDATED, UNCHANGED or FAILED. */
    @NotNull
    @StringLength(16)
    String getOutcome();

    void setOutcome(String outcome);

    @StringLength(64)
    String getIssueKey();

    void setIssueKey(String issueKey);

    /** Why it failed: one problem a line, the field and the message separated by a tab. */
    @StringLength(StringLength.UNLIMITED)
    String getProblems();

    void setProblems(String problems);
}
