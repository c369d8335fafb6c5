package org.ctemcycles.core.scoring.kev;

import org.ctemcycles.core.scoring.CveId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete KEV catalogue, looked up by CVE. Immutable. Construction rejects what would make lookups ambiguous (a
 * CVE listed twice, a malformed CVE id); everything else is kept as published.
 */
public final class KevCatalog {

    private final KevCatalogInfo info;
    private final List<KevEntry> entries;
    private final Map<String, KevEntry> byCve;

    public KevCatalog(KevCatalogInfo info, List<KevEntry> entries) {
        this.info = Objects.requireNonNull(info, "info");
        this.entries = List.copyOf(entries);
        Map<String, KevEntry> map = new HashMap<>(entries.size() * 2);
        for (KevEntry entry : this.entries) {
            if (!CveId.isValid(entry.cveId())) {
                throw new IllegalArgumentException("'" + entry.cveId() + "' is not a CVE identifier");
            }
            if (map.putIfAbsent(entry.cveId(), entry) != null) {
                throw new IllegalArgumentException(entry.cveId() + " is listed twice");
            }
        }
        this.byCve = Collections.unmodifiableMap(map);
    }

    public KevCatalogInfo info() {
        return info;
    }

    /** Every entry, in the catalogue's order. */
    public List<KevEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public Optional<KevEntry> find(String cve) {
        return Optional.ofNullable(byCve.get(cve));
    }

    /** The entries of those CVEs that are listed, in the order of the given CVEs. */
    public List<KevEntry> findAll(Collection<String> cves) {
        List<KevEntry> found = new ArrayList<>();
        for (String cve : cves) {
            KevEntry entry = byCve.get(cve);
            if (entry != null) {
                found.add(entry);
            }
        }
        return found;
    }
}
