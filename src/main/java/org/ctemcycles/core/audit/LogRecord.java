package org.ctemcycles.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to append to a cycle's activity log: who did what to which subject, when, and the subject's state
 * before and after (as {@link StateText}; "" where there was none). The time is kept to the millisecond, the
 * precision the log stores and hashes.
 *
 * @param subject what changed, e.g. {@code cycle:CTEM-1}, {@code surface:PAY-API}, {@code finding:F-12}
 */
public record LogRecord(String cycleKey, Instant at, String actor, LogAction action, String subject, String before,
                        String after) {

    public LogRecord {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        at = Instant.ofEpochMilli(Objects.requireNonNull(at, "at").toEpochMilli());
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    /**
     * The chain of the app's own configuration (roles, tracker defaults): changes outside any cycle, logged with
     * their before and after like a cycle's. Lower case, so no cycle key (upper case) can ever take it.
     */
    public static final String CONFIGURATION_CHAIN = "ctem-configuration";

    /** The subject of changes to a cycle's register as a whole (findings entering it, an inherited queue). */
    public static final String REGISTER_SUBJECT = "register";

    public static String cycleSubject(String cycleKey) {
        return "cycle:" + cycleKey;
    }

    public static String surfaceSubject(String surfaceKey) {
        return "surface:" + surfaceKey;
    }

    public static String findingSubject(String findingKey) {
        return "finding:" + findingKey;
    }
}
