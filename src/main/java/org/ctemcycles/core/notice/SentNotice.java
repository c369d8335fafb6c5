package org.ctemcycles.core.notice;

import java.time.Instant;
import java.time.LocalDate;

/** A notice as recorded once it was delivered. */
public record SentNotice(String key, String cycleKey, NoticeKind kind, String findingKey, String recipient,
                         LocalDate day, String sentBy, Instant sentAt) {
}
