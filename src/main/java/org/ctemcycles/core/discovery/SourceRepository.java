package org.ctemcycles.core.discovery;

import java.util.List;
import java.util.Optional;

/** The port through which scheduled discovery sources are stored. */
public interface SourceRepository {

    /** Stores a new source; answers it with its id. */
    DiscoverySource insert(DiscoverySource source);

    /** Every source, in id order. */
    List<DiscoverySource> list();

    Optional<DiscoverySource> find(long id);

    /** @return whether there was such a source */
    boolean remove(long id);

    /** Records a run's time and outcome. */
    void recorded(DiscoverySource ran);
}
