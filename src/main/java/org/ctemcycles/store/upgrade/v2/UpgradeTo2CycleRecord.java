package org.ctemcycles.store.upgrade.v2;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;

import java.time.Clock;
import java.time.Instant;

/**
 * Upgrades the data model from version 1 (the foundation: cycles only) to version 2 (the cycle record). The cycle
 * table gains success criteria, handover links and a revision; every existing cycle gets revision 1 and an
 * activity log whose first entry records the upgrade and the cycle's state as found, so verification covers
 * cycles opened before the log existed. Nothing of the version-1 data is changed or dropped. The new tables of the
 * record (register, validations, checkpoints, closures, revisions) need no data and are created by the final
 * migration. Works on the frozen model-2 copies in this package, as Active Objects upgrade tasks must.
 */
public class UpgradeTo2CycleRecord implements ActiveObjectsUpgradeTask {

    static final String ACTOR = "ctem-upgrade";

    private final Clock clock;

    public UpgradeTo2CycleRecord() {
        this(Clock.systemUTC());
    }

    public UpgradeTo2CycleRecord(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("2");
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(CycleV2.class, LogEntryV2.class, LogHeadV2.class);
        Instant now = clock.instant();
        for (CycleV2 cycle : ao.find(CycleV2.class, Query.select().order("CYCLE_KEY ASC"))) {
            if (cycle.getRevision() < 1) {
                cycle.setRevision(1);
                cycle.save();
            }
            if (ao.count(LogHeadV2.class, Query.select().where("CHAIN_KEY = ?", cycle.getCycleKey())) > 0) {
                continue; // already has a chain (a re-run after a partial upgrade)
            }
            LogEntry entry = LogChain.link(new LogRecord(cycle.getCycleKey(), now, ACTOR, LogAction.SCHEMA_UPGRADED,
                    LogRecord.cycleSubject(cycle.getCycleKey()), "", StateText.of("modelVersion", "2")
                    .and("stage", cycle.getStage())
                    .and("name", cycle.getName())
                    .and("objective", cycle.getObjective())
                    .and("start", cycle.getStartDate())
                    .and("plannedEnd", cycle.getPlannedEnd())
                    .and("checkpointIntervalDays", cycle.getCheckpointIntervalDays())
                    .and("createdAt", Instant.ofEpochMilli(cycle.getCreatedAtMillis()))
                    .and("createdBy", cycle.getCreatedBy()).toString()), 1, LogChain.GENESIS);
            ao.create(LogEntryV2.class,
                    new DBParam("CHAIN_LINK", entry.cycleKey() + "#1"),
                    new DBParam("CYCLE_KEY", entry.cycleKey()),
                    new DBParam("SEQ_NO", 1L),
                    new DBParam("AT_MILLIS", entry.at().toEpochMilli()),
                    new DBParam("ACTOR", entry.actor()),
                    new DBParam("ACTION", entry.action()),
                    new DBParam("SUBJECT", entry.subject()),
                    new DBParam("BEFORE_STATE", entry.before()),
                    new DBParam("AFTER_STATE", entry.after()),
                    new DBParam("PREVIOUS_HASH", entry.previousHash()),
                    new DBParam("ENTRY_HASH", entry.hash()));
            ao.create(LogHeadV2.class, new DBParam("CHAIN_KEY", entry.cycleKey()), new DBParam("ENTRY_COUNT", 1L),
                    new DBParam("HEAD_HASH", entry.hash()), new DBParam("TOUCHED_AT_MILLIS", 0L));
        }
    }
}
