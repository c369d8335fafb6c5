package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A piece of a frozen rendering's text (table {@code AO_xxxxxx_FROZEN_CHUNK}), in order by {@code SEQ} from 0 under
 * its {@code REPORT_KEY}; never updated. A rendering of 100,000 findings is some hundred megabytes: stored in pieces
 * it is written and read a piece at a time, never as one value.
 */
@Table("FROZEN_CHUNK")
public interface FrozenChunkEntity extends Entity {

    @NotNull
    @Indexed
    @StringLength(64)
    String getReportKey();

    void setReportKey(String key);

    int getSeq();

    void setSeq(int seq);

    @StringLength(StringLength.UNLIMITED)
    String getPiece();

    void setPiece(String piece);
}
