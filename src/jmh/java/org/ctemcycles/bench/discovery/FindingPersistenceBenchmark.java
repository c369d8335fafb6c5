package org.ctemcycles.bench.discovery;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.discovery.DedupResult;
import org.ctemcycles.core.discovery.Deduplicator;
import org.ctemcycles.core.discovery.ObservedFinding;
import org.ctemcycles.core.discovery.SourceKey;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.scope.Scope;
import org.ctemcycles.store.AoDiscoveryRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Persisting 100,000 new findings through Active Objects, the way an import stores them
 * ({@link AoDiscoveryRepository#insertFindings}: AO batch inserts of 1,000 rows, then one query for the new ids), against
 * a plain JDBC batch insert of the same rows into the same table (prepared statement, batches of 1,000), both in one
 * transaction, on H2 and on PostgreSQL ({@code CTEM_PG_URL}, e.g. from scripts/with-postgres). The ratio
 * jdbc / ao (time) is the share of plain JDBC speed that AO keeps; the target is at least 0.5.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class FindingPersistenceBenchmark {

    static final int FINDINGS = 100_000;
    private static final String CYCLE = "BENCH";
    private static final long RUN_ID = 1;

    @Param({"H2", "PostgreSQL"})
    public String database;

    private EmbeddedDatabase db;
    private Runnable dropDatabase;
    private ActiveObjects ao;
    private AoDiscoveryRepository repository;
    private List<StoredFinding> findings;
    private List<Map<String, Object>> rows;
    private String table;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        if (database.equals("H2")) {
            String url = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            db = EmbeddedDatabase.open(url, "sa", "", "PUBLIC");
            dropDatabase = () -> sql(url, "sa", "", "SHUTDOWN");
        } else {
            String url = System.getenv("CTEM_PG_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("the PostgreSQL benchmark needs CTEM_PG_URL: run it through scripts/with-postgres");
            }
            String user = System.getenv().getOrDefault("CTEM_PG_USER", "ctem");
            String password = System.getenv().getOrDefault("CTEM_PG_PASSWORD", "ctem");
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            sql(url, user, password, "CREATE SCHEMA " + schema);
            db = EmbeddedDatabase.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema);
            dropDatabase = () -> sql(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
        ao = db.activeObjects();
        repository = new AoDiscoveryRepository(ao);
        table = db.tablePrefix().value() + "FINDING";
        findings = findings();
        rows = new ArrayList<>(FINDINGS);
        findings.forEach(f -> rows.add(AoDiscoveryRepository.findingRow(f)));
    }

    /** 100,000 deduplicated findings, as the dedup benchmark's workload produces them. */
    private static List<StoredFinding> findings() {
        Deduplicator deduplicator = new Deduplicator(new Scope(Workload.surfaces(CYCLE)), null);
        Workload.observations(FINDINGS, 1, 7).forEach(deduplicator::add);
        DedupResult result = deduplicator.result();
        Instant seen = Instant.parse("2026-11-02T08:00:00Z");
        List<StoredFinding> out = new ArrayList<>(FINDINGS);
        for (ObservedFinding f : result.findings()) {
            Map<SourceKey, ObservedSeverity> bySource = new LinkedHashMap<>();
            f.sightings().forEach(s -> bySource.put(s.source(), s.severity()));
            out.add(new StoredFinding(new Finding(0, CYCLE, f.identity(), f.placement().surfaceKey(), f.placement().asset(),
                    f.title(), f.tool(), f.ruleId(), f.location(), f.severity(), FindingStatus.OPEN, f.cves(), f.cwes(),
                    f.cvssVectors(), seen, seen, RUN_ID, RUN_ID, 0), bySource));
        }
        if (out.size() != FINDINGS) {
            throw new IllegalStateException("expected " + FINDINGS + " findings, got " + out.size());
        }
        return out;
    }

    @Setup(Level.Invocation)
    public void emptyTable() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + quoted(table));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
        dropDatabase.run();
    }

    @Benchmark
    public Map<String, Long> activeObjects() {
        Map<String, Long> ids = ao.executeInTransaction(() -> repository.insertFindings(findings));
        check(ids.size());
        return ids;
    }

    @Benchmark
    public int activeObjectsBatchOnly() {
        ao.executeInTransaction(() -> {
            for (int i = 0; i < rows.size(); i += AoDiscoveryRepository.INSERT_CHUNK) {
                ao.create(org.ctemcycles.store.FindingEntity.class, rows.subList(i, Math.min(rows.size(), i + AoDiscoveryRepository.INSERT_CHUNK)));
            }
            return null;
        });
        return rows.size();
    }

    @Benchmark
    public int jdbcBatchInsert() throws SQLException {
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quoted(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(quoted(columns.get(i)));
        }
        sql.append(") VALUES (").append("?,".repeat(columns.size() - 1)).append("?)");
        int inserted = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                for (Map<String, Object> row : rows) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, row.get(columns.get(i)));
                    }
                    insert.addBatch();
                    if (++inserted % AoDiscoveryRepository.INSERT_CHUNK == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        check(inserted);
        return inserted;
    }

    private static void check(int count) {
        if (count != FINDINGS) {
            throw new IllegalStateException("stored " + count + " findings, expected " + FINDINGS);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static void sql(String url, String user, String password, String statement) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed: " + e.getMessage(), e);
        }
    }
}
