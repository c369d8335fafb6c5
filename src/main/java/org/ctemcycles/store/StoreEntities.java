package org.ctemcycles.store;

import net.java.ao.RawEntity;

import java.util.List;

/**
 * Every Active Objects entity of the app. The {@code <ao>} module of atlassian-plugin.xml lists the same classes
 * (a descriptor test keeps the two equal); the standalone database migrates exactly these.
 */
public final class StoreEntities {

    public static final List<Class<? extends RawEntity<?>>> ALL = List.of(CycleEntity.class, FeedVersionEntity.class,
            EpssScoreEntity.class, KevEntryEntity.class, DecisionEntity.class);

    private StoreEntities() {
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] asArray() {
        return ALL.toArray(new Class[0]);
    }
}
