package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.discovery.DiscoverySource;
import org.ctemcycles.core.discovery.SourceRepository;
import org.ctemcycles.core.discovery.SourceRun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Scheduled discovery sources on Active Objects ({@link SourceEntity}) and their recent runs ({@link SourceRunEntity}). */
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
                new DBParam("LAST_OUTCOME", ""),
                new DBParam("FAILURES", 0));
        return s.withId(row.getID());
    }

    @Override
    public List<DiscoverySource> list() {
        return sources(Query.select().order("ID ASC"));
    }

    @Override
    public List<DiscoverySource> list(String cycleKey) {
        return sources(Query.select().where("CYCLE_KEY = ?", cycleKey).order("ID ASC"));
    }

    @Override
    public Optional<DiscoverySource> find(long id) {
        return sources(Query.select().where("ID = ?", id)).stream().findFirst();
    }

    @Override
    public boolean remove(long id) {
        SourceEntity[] rows = ao.find(SourceEntity.class, Query.select().where("ID = ?", id));
        if (rows.length == 0) {
            return false;
        }
        ao.deleteWithSQL(SourceRunEntity.class, "SOURCE_ID = ?", id);
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
        rows[0].setFailures(ran.failures());
        rows[0].save();
    }

    @Override
    public void addRun(SourceRun run) {
        if (ao.count(SourceEntity.class, Query.select().where("ID = ?", run.sourceId())) == 0) {
            return; // removed while it ran
        }
        ao.create(SourceRunEntity.class,
                new DBParam("SOURCE_ID", run.sourceId()),
                new DBParam("AT_MILLIS", run.at().toEpochMilli()),
                new DBParam("RESULT", run.result()),
                new DBParam("OBSERVATIONS", run.observations()),
                new DBParam("OUTCOME", run.outcome()));
        SourceRunEntity[] runs = ao.find(SourceRunEntity.class, Query.select()
                .where("SOURCE_ID = ?", run.sourceId()).order("ID DESC"));
        if (runs.length > KEPT_RUNS) {
            ao.delete(Arrays.copyOfRange(runs, KEPT_RUNS, runs.length));
        }
    }

    @Override
    public List<SourceRun> runs(long sourceId, int limit) {
        List<SourceRun> runs = new ArrayList<>();
        for (SourceRunEntity row : ao.find(SourceRunEntity.class, Query.select().where("SOURCE_ID = ?", sourceId)
                .order("ID DESC").limit(limit))) {
            runs.add(new SourceRun(row.getSourceId(), Instant.ofEpochMilli(row.getAtMillis()), text(row.getResult()),
                    row.getObservations(), text(row.getOutcome())));
        }
        return runs;
    }

    private List<DiscoverySource> sources(Query query) {
        List<DiscoverySource> sources = new ArrayList<>();
        for (SourceEntity row : ao.find(SourceEntity.class, query)) {
            sources.add(new DiscoverySource(row.getID(), row.getCycleKey(), text(row.getName()),
                    DiscoverySource.Kind.valueOf(row.getKind()), text(row.getLocation()),
                    text(row.getSealedToken()), Duration.ofSeconds(row.getEverySeconds()),
                    AoValidationRepository.lines(row.getCovers()), row.getFormat(), text(row.getCreatedBy()),
                    row.getLastRunMillis() == 0 ? null : Instant.ofEpochMilli(row.getLastRunMillis()),
                    text(row.getLastOutcome()), row.getFailures()));
        }
        return sources;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
