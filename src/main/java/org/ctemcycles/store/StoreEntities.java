package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import net.java.ao.RawEntity;
import org.ctemcycles.store.upgrade.v2.UpgradeTo2CycleRecord;
import org.ctemcycles.store.upgrade.v3.UpgradeTo3TrackerLinks;

import java.util.List;

/**
 * Every Active Objects entity and upgrade task of the app. The {@code <ao>} module of atlassian-plugin.xml lists
 * the same classes (descriptor tests keep them equal); the standalone database runs exactly these upgrade tasks,
 * then migrates exactly these entities, as Jira does.
 */
public final class StoreEntities {

    public static final List<Class<? extends RawEntity<?>>> ALL = List.of(CycleEntity.class,
            SurfaceEntity.class, ScopeRuleEntity.class, DiscoveryRunEntity.class, RunCoverageEntity.class,
            FindingEntity.class, FindingSignalEntity.class,
            CycleRevisionEntity.class, LogEntryEntity.class, LogHeadEntity.class, RegisterEntryEntity.class,
            TrackerLinkEntity.class,
            ValidationEntity.class, CheckpointEntity.class, ClosureEntity.class,
            FrozenReportEntity.class, FrozenChunkEntity.class, FrozenPageEntity.class,
            FrozenClaimEntity.class,
            FeedVersionEntity.class, EpssScoreEntity.class, KevEntryEntity.class, DecisionEntity.class,
            RecordDigestEntity.class, MobilisationRunEntity.class, MobilisationItemEntity.class,
            MobilisationClaimEntity.class, RecommendationEntity.class, SourceEntity.class, SourceRunEntity.class,
            NoticeEntity.class,
            ReindexRequestEntity.class);

    /** Upgrade tasks in model-version order; the data model's version is the last one's. */
    public static final List<Class<? extends ActiveObjectsUpgradeTask>> UPGRADE_TASKS =
            List.of(UpgradeTo2CycleRecord.class, UpgradeTo3TrackerLinks.class);

    private StoreEntities() {
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] asArray() {
        return ALL.toArray(new Class[0]);
    }
}
