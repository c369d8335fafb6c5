package org.ctemcycles.core.scoring;

import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.kev.KevCatalog;

import java.util.List;
import java.util.Optional;

/**
 * Port: the EPSS and KEV feeds every cycle's prioritisation reads, kept as versions of which one per kind is active.
 * A feed given to {@link #loadEpss} or {@link #loadKev} is already complete and validated; storing it either makes it
 * the active version (the previous one retired) or, when storing fails, throws an exception naming the version and
 * leaves the previous one active (the failed version stays in the history as FAILED). The REST API and the command
 * line reach the feeds only through this port; {@code store/AoFeedStore} keeps them in the database every Jira node
 * shares.
 */
public interface FeedStore {

    /** Stores an EPSS feed as the new active version; answers its version id. */
    int loadEpss(EpssFeed feed);

    /** Stores a KEV catalogue as the new active version; answers its version id. */
    int loadKev(KevCatalog catalog);

    /** The active EPSS feed, if one was loaded. */
    Optional<EpssLookup> activeEpss();

    /** The active KEV catalogue, if one was loaded. */
    Optional<KevCatalog> activeKev();

    /** The active version of a kind, if one was loaded. */
    Optional<FeedVersion> activeVersion(FeedKind kind);

    /** The newest {@code max} versions of a kind, newest first, whatever their state. */
    List<FeedVersion> history(FeedKind kind, int max);

    /** A version by its id (as the loads answer it). */
    Optional<FeedVersion> version(int id);
}
