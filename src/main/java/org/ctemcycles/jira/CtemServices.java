package org.ctemcycles.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.store.AoActivityLog;
import org.ctemcycles.store.AoCycleRepository;
import org.ctemcycles.store.AoTransactions;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The app's composition root inside Jira: builds the core services over the Active Objects stores once, so that
 * actions, REST resources and (later) listeners and jobs share them. Holds no state of its own beyond them; every
 * node of a Data Center cluster reads and writes the same database.
 */
@Component
public class CtemServices {

    private final CycleService cycles;

    @Inject
    public CtemServices(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    public CtemServices(ActiveObjects ao, Clock clock) {
        // Opening a cycle starts its activity log. The rest of the cycle record (store.CycleRecord) is wired
        // here once Jira has its issue tracker and progress adapters (the scope register is AoSurfaceRepository).
        this.cycles = new CycleService(new AoCycleRepository(ao), new AoActivityLog(ao), new AoTransactions(ao), clock);
    }

    public CycleService cycles() {
        return cycles;
    }
}
