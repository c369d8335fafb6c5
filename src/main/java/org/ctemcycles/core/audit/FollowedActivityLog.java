package org.ctemcycles.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An activity log that tells a follower of every entry it appended, in the appending transaction: every change of the
 * record is logged, so whatever must follow the record (Jira's search index of the fields that show it) learns of
 * each change in one place. A follower that fails fails the change, which then leaves nothing behind.
 */
public final class FollowedActivityLog implements ActivityLog {

    private final ActivityLog log;
    private final Consumer<LogEntry> follower;

    public FollowedActivityLog(ActivityLog log, Consumer<LogEntry> follower) {
        this.log = Objects.requireNonNull(log, "log");
        this.follower = Objects.requireNonNull(follower, "follower");
    }

    @Override
    public LogEntry append(LogRecord record) {
        LogEntry entry = log.append(record);
        follower.accept(entry);
        return entry;
    }

    @Override
    public void lock(String cycleKey) {
        log.lock(cycleKey);
    }

    @Override
    public List<LogEntry> chain(String cycleKey) {
        return log.chain(cycleKey);
    }

    @Override
    public Optional<ChainHead> head(String cycleKey) {
        return log.head(cycleKey);
    }

    @Override
    public List<String> chains() {
        return log.chains();
    }

    @Override
    public List<LogEntry> about(String subject) {
        return log.about(subject);
    }

    @Override
    public LogAnchor anchor() {
        return log.anchor();
    }

    @Override
    public ChainReport verify(String cycleKey) {
        return log.verify(cycleKey);
    }
}
