package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A notice sent (table {@code AO_xxxxxx_NOTICE}): one row per notice key (finding, threshold and the day it is about;
 * or cycle and day for the leads' digest), unique across nodes. It is inserted in the transaction that delivers the
 * notice, before the delivery, so a second sender on any node waits on the key and then finds the notice sent.
 */
@Preload
@Table("NOTICE")
public interface NoticeEntity extends Entity {

    @NotNull
    @Unique
    @StringLength(255)
    String getNoticeKey();

    void setNoticeKey(String key);

    @NotNull
    @Indexed
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    /** A {@code NoticeKind} name. */
    @NotNull
    @StringLength(32)
    String getKind();

    void setKind(String kind);

    /** "" for a digest. */
    @StringLength(64)
    String getFindingKey();

    void setFindingKey(String findingKey);

    /** The user key notified; "" for the leads' digest. */
    @StringLength(255)
    String getRecipient();

    void setRecipient(String userKey);

    /** The day the notice is about, ISO (yyyy-mm-dd); not named DAY, a reserved word in H2. */
    @NotNull
    @StringLength(10)
    String getNoticeDay();

    void setNoticeDay(String day);

    @StringLength(255)
    String getSentBy();

    void setSentBy(String actor);

    long getSentAtMillis();

    void setSentAtMillis(long epochMillis);
}
