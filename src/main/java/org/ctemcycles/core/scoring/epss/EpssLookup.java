package org.ctemcycles.core.scoring.epss;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads EPSS scores of one feed version: an in-memory {@link EpssFeed}, or the active feed in the database that every
 * Jira node shares.
 */
public interface EpssLookup {

    /** The provenance of the scores this lookup answers with. */
    EpssFeedInfo info();

    Optional<EpssScore> find(String cve);

    /**
     * The scores of many CVEs at once (one query per batch for a database, never one per CVE); CVEs the feed does not
     * score are absent from the map.
     */
    Map<String, EpssScore> findAll(Collection<String> cves);
}
