package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scheduled discovery sources on Active Objects ({@link SourceEntity}). */
public class AoSourceRepository implements SourceRepository {

    private final ActiveObjects ao;

    public AoSourceRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public DiscoverySource insert(DiscoverySource s) {
        SourceEntity row = ao.create(SourceEntity.class,
                new DBParam("CYCLE_KEY", s.cycleKey()),
                new DBParam("NAME", s.name()),
                new DBParam("KIND", s.kind().name()),
                new DBParam("LOCATION", s.location()),
                new DBParam("SEALED_TOKEN", s.sealedToken()),
                new DBParam("EVERY_SECONDS", s.every().toSeconds()),
                new DBParam("COVERS", String.join("\n", s.covers())),
                new DBParam("FORMAT", s.format()),
                new DBParam("CREATED_BY", s.createdBy()),
                new DBParam("LAST_RUN_MILLIS", 0L),
                new DBParam("LAST_OUTCOME", ""));
        return s.withId(row.getID());
    }

    @Override
    public List<DiscoverySource> list() {
        List<DiscoverySource> sources = new ArrayList<>();
        for (SourceEntity row : ao.find(SourceEntity.class, Query.select().order("ID ASC"))) {
            sources.add(source(row));
        }
        return sources;
    }

    @Override
    public Optional<DiscoverySource> find(long id) {
        SourceEntity[] rows = ao.find(SourceEntity.class, Query.select().where("ID = ?", id));
        return rows.length == 0 ? Optional.empty() : Optional.of(source(rows[0]));
    }

    @Override
    public boolean remove(long id) {
        SourceEntity[] rows = ao.find(SourceEntity.class, Query.select().where("ID = ?", id));
        if (rows.length == 0) {
            return false;
        }
        ao.delete(rows);
        return true;
    }

    @Override
    public void recorded(DiscoverySource ran) {
        SourceEntity[] rows = ao.find(SourceEntity.class, Query.select().where("ID = ?", ran.id()));
        if (rows.length == 0) {
            return; // removed while it ran
        }
        rows[0].setLastRunMillis(ran.lastRunAt() == null ? 0L : ran.lastRunAt().toEpochMilli());
        rows[0].setLastOutcome(ran.lastOutcome());
        rows[0].save();
    }

    private static DiscoverySource source(SourceEntity row) {
        return new DiscoverySource(row.getID(), row.getCycleKey(), text(row.getName()),
                DiscoverySource.Kind.valueOf(row.getKind()), text(row.getLocation()), text(row.getSealedToken()),
                Duration.ofSeconds(row.getEverySeconds()), AoValidationRepository.lines(row.getCovers()),
                row.getFormat(), text(row.getCreatedBy()),
                row.getLastRunMillis() == 0 ? null : Instant.ofEpochMilli(row.getLastRunMillis()),
                text(row.getLastOutcome()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
