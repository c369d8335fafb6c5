package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.scoring.CveId;
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
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What every {@link FeedStore} promises: a load becomes the active version of its kind (the previous one retired,
 * the other kind untouched) or, when it fails, leaves the previous one active; versions newest first; nothing active
 * before the first load; an unknown version is not found.
 */
public abstract class FeedStoreContract {

    private FeedStore feeds;

    protected abstract FeedStore feedStore();

    /**
     * A store over the same feeds whose writes of a feed's rows fail (a database lost mid-load), or null when the
     * implementation cannot fail that way.
     */
    protected FeedStore failingFeedStore() {
        return null;
    }

    @Before
    public void create() {
        feeds = feedStore();
    }

    static EpssFeed epss(String model, String scoreDate, double base, String... cves) {
        EpssFeed.Builder builder = new EpssFeed.Builder();
        for (int i = 0; i < cves.length; i++) {
            builder.add(CveId.key(cves[i]), base + i / 100.0, 0.5 + i / 100.0);
        }
        return builder.build(new EpssFeedInfo(model, Instant.parse(scoreDate + "T00:00:00Z"), "epss_scores-"
                + scoreDate + ".csv.gz", cves.length, Instant.parse(scoreDate + "T06:30:00Z")));
    }

    static KevCatalog kev(String version, String released, String... cves) {
        List<KevEntry> entries = java.util.Arrays.stream(cves).map(cve -> new KevEntry(cve, "Vendor", "Product",
                "Flaw in " + cve, LocalDate.parse(released), "An \u2018exploited\u2019 flaw.", "Apply updates.",
                LocalDate.parse(released).plusDays(21), RansomwareUse.KNOWN, "https://example.com/" + cve,
                List.of("CWE-787", "CWE-20"))).toList();
        return new KevCatalog(new KevCatalogInfo("CISA Catalog of Known Exploited Vulnerabilities", version,
                Instant.parse(released + "T12:00:00Z"), entries.size(), "known_exploited_vulnerabilities.json",
                Instant.parse(released + "T13:00:00Z")), entries);
    }

    @Test
    public void nothingIsActiveBeforeTheFirstLoadAndAnUnknownVersionIsNotFound() {
        assertEquals(Optional.empty(), feeds.activeEpss());
        assertEquals(Optional.empty(), feeds.activeKev());
        assertEquals(Optional.empty(), feeds.activeVersion(FeedKind.EPSS));
        assertEquals(Optional.empty(), feeds.activeVersion(FeedKind.KEV));
        assertEquals(List.of(), feeds.history(FeedKind.EPSS, 10));
        int id = feeds.loadKev(kev("2026.07.01", "2026-07-01", "CVE-2024-0001"));
        assertEquals(Optional.empty(), feeds.version(id + 1000));
        assertEquals(Optional.empty(), feeds.activeEpss());
    }

    @Test
    public void aLoadBecomesTheActiveVersionAndThePreviousOneIsRetired() {
        EpssFeed older = epss("v2025.03.14", "2026-06-30", 0.1, "CVE-2024-0001", "CVE-2024-0002");
        EpssFeed newer = epss("v2026.06.15", "2026-07-01", 0.2, "CVE-2024-0002", "CVE-2024-0003", "CVE-2025-10001");
        int first = feeds.loadEpss(older);
        int second = feeds.loadEpss(newer);
        assertNotEquals(first, second);

        FeedVersion active = feeds.activeVersion(FeedKind.EPSS).orElseThrow();
        assertEquals(new FeedVersion(second, FeedKind.EPSS, "v2026.06.15", Instant.parse("2026-07-01T00:00:00Z"),
                "epss_scores-2026-07-01.csv.gz", "", 3, FeedVersion.Status.ACTIVE,
                Instant.parse("2026-07-01T06:30:00Z")), active);
        assertEquals(Optional.of(active), feeds.version(second));
        assertEquals(FeedVersion.Status.RETIRED, feeds.version(first).orElseThrow().status());
        assertEquals(List.of(second, first), feeds.history(FeedKind.EPSS, 10).stream().map(FeedVersion::id).toList());
        assertEquals(List.of(active), feeds.history(FeedKind.EPSS, 1));
        assertEquals(List.of(), feeds.history(FeedKind.KEV, 10));

        EpssLookup lookup = feeds.activeEpss().orElseThrow();
        assertEquals(newer.info(), lookup.info());
        for (int i = 0; i < newer.size(); i++) {
            EpssScore score = newer.score(i);
            assertEquals(Optional.of(score), lookup.find(score.cve()));
        }
        assertEquals("only in the retired version", Optional.empty(), lookup.find("CVE-2024-0001"));
        assertEquals(2, lookup.findAll(List.of("CVE-2024-0002", "CVE-2025-10001", "CVE-2024-0001")).size());
    }

    @Test
    public void eachKindHasItsOwnActiveVersion() {
        KevCatalog catalog = kev("2026.07.01", "2026-07-01", "CVE-2024-0001", "CVE-2021-44228");
        int kevId = feeds.loadKev(catalog);
        int epssId = feeds.loadEpss(epss("v2026.06.15", "2026-07-01", 0.2, "CVE-2024-0002"));
        assertEquals(kevId, feeds.activeVersion(FeedKind.KEV).orElseThrow().id());
        assertEquals(epssId, feeds.activeVersion(FeedKind.EPSS).orElseThrow().id());
        KevCatalog active = feeds.activeKev().orElseThrow();
        assertEquals(catalog.info(), active.info());
        assertEquals(catalog.entries(), active.entries());
        assertEquals(FeedVersion.Status.ACTIVE, feeds.version(kevId).orElseThrow().status());
    }

    @Test
    public void aFailedLoadLeavesThePreviousVersionActive() {
        FeedStore failing = failingFeedStore();
        Assume.assumeTrue("the implementation cannot fail mid-load", failing != null);
        KevCatalog good = kev("2026.07.01", "2026-07-01", "CVE-2024-0001");
        int goodId = feeds.loadKev(good);
        try {
            failing.loadKev(kev("2026.07.02", "2026-07-02", "CVE-2024-0001", "CVE-2024-0002"));
            fail();
        } catch (RuntimeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("2026.07.02"));
        }
        assertEquals(goodId, feeds.activeVersion(FeedKind.KEV).orElseThrow().id());
        assertEquals(good.entries(), feeds.activeKev().orElseThrow().entries());
        List<FeedVersion> history = feeds.history(FeedKind.KEV, 10);
        assertEquals(2, history.size());
        assertEquals(FeedVersion.Status.FAILED, history.get(0).status());
        assertEquals(FeedVersion.Status.ACTIVE, history.get(1).status());
    }
}
