package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.core.scoring.FeedStore;
import org.ctemcycles.core.scoring.FeedVersion;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.epss.EpssFeedInfo;
import org.ctemcycles.core.scoring.epss.EpssLookup;
import org.ctemcycles.core.scoring.epss.EpssScore;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.kev.KevCatalogInfo;
import org.ctemcycles.core.scoring.kev.KevEntry;
import org.ctemcycles.core.scoring.kev.RansomwareUse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * EPSS and KEV feeds in the database, shared by every Jira node. A load writes a new feed version beside the active
 * one in batches (so a 330,000-row feed is not one giant transaction), counts what it wrote, and only then switches
 * the active version in one short transaction; the old version's rows are removed afterwards. A load that fails at
 * any point is marked FAILED and its rows removed: readers keep the previous good feed. Feeds given to this class are
 * already complete and validated (the readers in {@code ingest} reject a broken file before anything is written).
 */
public class AoFeedStore implements FeedStore {

    private static final String EPSS = FeedKind.EPSS.name();
    private static final String KEV = FeedKind.KEV.name();
    private static final String LOADING = FeedVersion.Status.LOADING.name();
    private static final String ACTIVE = FeedVersion.Status.ACTIVE.name();
    private static final String RETIRED = FeedVersion.Status.RETIRED.name();
    private static final String FAILED = FeedVersion.Status.FAILED.name();

    private static final int BATCH = 5000;
    /** CVEs per IN (...) query when reading scores. */
    private static final int LOOKUP_BATCH = 500;

    private final ActiveObjects ao;

    public AoFeedStore(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public int loadEpss(EpssFeed feed) {
        EpssFeedInfo info = feed.info();
        return load(EPSS, info.modelVersion(), info.scoreDate(), info.source(), "", feed.size(), info.loadedAt(),
                EpssScoreEntity.class, feedId -> position -> {
                    Map<String, Object> row = new HashMap<>(8);
                    row.put("FEED_ID", feedId);
                    row.put("CVE", org.ctemcycles.core.scoring.CveId.text(feed.key(position)));
                    row.put("EPSS", feed.probability(position));
                    row.put("PERCENTILE", feed.percentile(position));
                    return row;
                });
    }

    @Override
    public int loadKev(KevCatalog catalog) {
        KevCatalogInfo info = catalog.info();
        List<KevEntry> entries = catalog.entries();
        return load(KEV, info.catalogVersion(), info.dateReleased(), info.source(), info.title(), entries.size(),
                info.loadedAt(), KevEntryEntity.class, feedId -> position -> {
                    KevEntry e = entries.get(position);
                    Map<String, Object> row = new HashMap<>(16);
                    row.put("FEED_ID", feedId);
                    row.put("CVE_ID", e.cveId());
                    row.put("VENDOR_PROJECT", e.vendorProject());
                    row.put("PRODUCT", e.product());
                    row.put("VULNERABILITY_NAME", e.vulnerabilityName());
                    row.put("DATE_ADDED", e.dateAdded().toString());
                    row.put("SHORT_DESCRIPTION", e.shortDescription());
                    row.put("REQUIRED_ACTION", e.requiredAction());
                    row.put("DUE_DATE", e.dueDate().toString());
                    row.put("RANSOMWARE", e.knownRansomwareCampaignUse().name());
                    row.put("NOTES", e.notes());
                    row.put("CWES", String.join(", ", e.cwes()));
                    return row;
                });
    }

    private int load(String kind, String version, Instant asOf, String source, String title, int rows,
                     Instant loadedAt, Class<? extends net.java.ao.Entity> rowType,
                     IntFunction<IntFunction<Map<String, Object>>> rowMaker) {
        FeedVersionEntity created = ao.executeInTransaction(() -> ao.create(FeedVersionEntity.class,
                new DBParam("KIND", kind), new DBParam("VERSION_LABEL", version),
                new DBParam("AS_OF", asOf.toString()), new DBParam("SOURCE", source), new DBParam("TITLE", title),
                new DBParam("ROW_COUNT", rows), new DBParam("STATUS", LOADING),
                new DBParam("LOADED_AT_MILLIS", loadedAt.toEpochMilli())));
        int feedId = created.getID();
        try {
            IntFunction<Map<String, Object>> maker = rowMaker.apply(feedId);
            for (int from = 0; from < rows; from += BATCH) {
                int to = Math.min(rows, from + BATCH);
                int start = from;
                ao.executeInTransaction(() -> {
                    List<Map<String, Object>> batch = new ArrayList<>(to - start);
                    for (int i = start; i < to; i++) {
                        batch.add(maker.apply(i));
                    }
                    createRows(rowType, batch);
                    return null;
                });
            }
            int written = ao.count(rowType, Query.select().where("FEED_ID = ?", feedId));
            if (written != rows) {
                throw new IllegalStateException("wrote " + written + " rows of " + rows);
            }
            ao.executeInTransaction(() -> {
                for (FeedVersionEntity old : ao.find(FeedVersionEntity.class,
                        Query.select().where("KIND = ? AND STATUS = ?", kind, ACTIVE))) {
                    old.setStatus(RETIRED);
                    old.save();
                }
                FeedVersionEntity version1 = ao.get(FeedVersionEntity.class, feedId);
                version1.setStatus(ACTIVE);
                version1.save();
                return null;
            });
        } catch (RuntimeException e) {
            discard(rowType, feedId, FAILED);
            throw new FeedLoadException(kind + " feed " + version + " was not stored (the active feed is unchanged): "
                    + e.getMessage(), e);
        }
        for (FeedVersionEntity old : ao.find(FeedVersionEntity.class,
                Query.select().where("KIND = ? AND STATUS = ?", kind, RETIRED))) {
            discard(rowType, old.getID(), RETIRED);
        }
        return feedId;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void createRows(Class<? extends net.java.ao.Entity> rowType, List<Map<String, Object>> batch) {
        ao.create((Class) rowType, batch);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void discard(Class<? extends net.java.ao.Entity> rowType, int feedId, String status) {
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL((Class) rowType, "FEED_ID = ?", feedId);
            FeedVersionEntity version = ao.get(FeedVersionEntity.class, feedId);
            if (version != null) {
                version.setStatus(status);
                version.save();
            }
            return null;
        });
    }

    private Optional<FeedVersionEntity> active(String kind) {
        FeedVersionEntity[] rows = ao.find(FeedVersionEntity.class,
                Query.select().where("KIND = ? AND STATUS = ?", kind, ACTIVE).order("ID DESC").limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    /** Every version of a kind ever loaded, newest first, as "version STATUS". */
    public List<String> versions(FeedKind kind) {
        return history(kind, Integer.MAX_VALUE).stream().map(v -> v.version() + " " + v.status()).toList();
    }

    @Override
    public List<FeedVersion> history(FeedKind kind, int max) {
        return Arrays.stream(ao.find(FeedVersionEntity.class, Query.select().where("KIND = ?", kind.name())
                .order("ID DESC").limit(max))).map(AoFeedStore::stored).toList();
    }

    @Override
    public Optional<FeedVersion> activeVersion(FeedKind kind) {
        return active(kind.name()).map(AoFeedStore::stored);
    }

    @Override
    public Optional<FeedVersion> version(int id) {
        return Optional.ofNullable(ao.get(FeedVersionEntity.class, id)).map(AoFeedStore::stored);
    }

    private static FeedVersion stored(FeedVersionEntity v) {
        return new FeedVersion(v.getID(), FeedKind.valueOf(v.getKind()), v.getVersionLabel(),
                Instant.parse(v.getAsOf()), nz(v.getSource()), nz(v.getTitle()), v.getRowCount(),
                FeedVersion.Status.valueOf(v.getStatus()), Instant.ofEpochMilli(v.getLoadedAtMillis()));
    }

    /** The active EPSS feed, read from the database on each lookup (so every node sees a switch at once). */
    @Override
    public Optional<EpssLookup> activeEpss() {
        return active(EPSS).map(version -> new DatabaseEpss(version.getID(), new EpssFeedInfo(
                version.getVersionLabel(), Instant.parse(version.getAsOf()), version.getSource(),
                version.getRowCount(), Instant.ofEpochMilli(version.getLoadedAtMillis()))));
    }

    /** The active KEV catalogue, read whole (about 1,400 entries). */
    @Override
    public Optional<KevCatalog> activeKev() {
        return active(KEV).map(version -> {
            KevEntryEntity[] rows = ao.find(KevEntryEntity.class, Query.select().where("FEED_ID = ?", version.getID())
                    .order("ID ASC"));
            List<KevEntry> entries = new ArrayList<>(rows.length);
            for (KevEntryEntity r : rows) {
                List<String> cwes = r.getCwes() == null || r.getCwes().isEmpty() ? List.of()
                        : List.of(r.getCwes().split(", "));
                entries.add(new KevEntry(r.getCveId(), nz(r.getVendorProject()), nz(r.getProduct()),
                        nz(r.getVulnerabilityName()), LocalDate.parse(r.getDateAdded()), nz(r.getShortDescription()),
                        nz(r.getRequiredAction()), LocalDate.parse(r.getDueDate()),
                        RansomwareUse.valueOf(r.getRansomware()), nz(r.getNotes()), cwes));
            }
            return new KevCatalog(new KevCatalogInfo(nz(version.getTitle()), version.getVersionLabel(),
                    Instant.parse(version.getAsOf()), version.getRowCount(), nz(version.getSource()),
                    Instant.ofEpochMilli(version.getLoadedAtMillis())), entries);
        });
    }

    /** Oracle and some drivers return null for an empty string; the catalogue keeps empty text. */
    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** EPSS scores of one stored feed version, read in batches of CVEs. */
    private final class DatabaseEpss implements EpssLookup {

        private final int feedId;
        private final EpssFeedInfo info;

        DatabaseEpss(int feedId, EpssFeedInfo info) {
            this.feedId = feedId;
            this.info = info;
        }

        @Override
        public EpssFeedInfo info() {
            return info;
        }

        @Override
        public Optional<EpssScore> find(String cve) {
            return Optional.ofNullable(findAll(List.of(cve)).get(cve));
        }

        @Override
        public Map<String, EpssScore> findAll(Collection<String> cves) {
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(cves));
            Map<String, EpssScore> found = new HashMap<>();
            for (int from = 0; from < distinct.size(); from += LOOKUP_BATCH) {
                List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_BATCH));
                Object[] parameters = new Object[batch.size() + 1];
                parameters[0] = feedId;
                StringBuilder where = new StringBuilder("FEED_ID = ? AND CVE IN (");
                for (int i = 0; i < batch.size(); i++) {
                    where.append(i == 0 ? "?" : ",?");
                    parameters[i + 1] = batch.get(i);
                }
                where.append(')');
                for (EpssScoreEntity row : ao.find(EpssScoreEntity.class,
                        Query.select().where(where.toString(), parameters))) {
                    found.put(row.getCve(), new EpssScore(row.getCve(), row.getEpss(), row.getPercentile()));
                }
            }
            return found;
        }
    }
}
