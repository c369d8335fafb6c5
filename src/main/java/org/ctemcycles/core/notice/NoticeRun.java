package org.ctemcycles.core.notice;

import java.util.List;

/**
 * What one run of the notices did: the notices it delivered and recorded, how many were owed but found already sent
 * (by another node, or an earlier run), and those whose delivery failed, with why (they stay unrecorded and are
 * tried again by the next run).
 */
public record NoticeRun(List<Notice> sent, int alreadySent, List<Failed> failed) {

    public NoticeRun {
        sent = List.copyOf(sent);
        failed = List.copyOf(failed);
    }

    public record Failed(Notice notice, String reason) {
    }
}
