package org.ctemcycles.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One item of a closed cycle's recommended next-cycle scope (table {@code AO_xxxxxx_SCOPE_ADVICE}), numbered from 1
 * within the cycle; {@code NUMBERS} holds the counts behind the reason as {@code name=value} lines, and the
 * {@code TAKEN_*} columns stay empty until the next cycle takes the item.
 */
@Preload
@Table("SCOPE_ADVICE")
@Indexes(@Index(name = "advice_cycle_number", methodNames = {"getCycleKey", "getNumber"}))
public interface RecommendationEntity extends Entity {

    @NotNull
    @StringLength(32)
    String getCycleKey();

    void setCycleKey(String cycleKey);

    int getNumber();

    void setNumber(int number);

    @NotNull
    @StringLength(32)
    String getKind();

    void setKind(String kind);

    @StringLength(StringLength.UNLIMITED)
    String getSubject();

    void setSubject(String subject);

    @StringLength(StringLength.UNLIMITED)
    String getReason();

    void setReason(String reason);

    @StringLength(StringLength.UNLIMITED)
    String getNumbers();

    void setNumbers(String numbers);

    @StringLength(32)
    String getTakenInto();

    void setTakenInto(String cycleKey);

    @StringLength(255)
    String getTakenBy();

    void setTakenBy(String userKey);

    long getTakenAtMillis();

    void setTakenAtMillis(long epochMillis);
}
