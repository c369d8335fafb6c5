package org.ctemcycles.core.priority;

import java.util.Objects;

/**
 * Where a factor's input came from: which source ("EPSS", "KEV", "CVSS", "scoping", "finding", "validation",
 * "policy"), which version of it (model_version, catalogVersion, CVSS version, policy version), as of which date, and
 * a note (e.g. the feed's freshness). Feed provenance is one shared instance per feed, not one per finding.
 */
public record Provenance(String source, String version, String asOf, String note) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        version = version == null ? "" : version;
        asOf = asOf == null ? "" : asOf;
        note = note == null ? "" : note;
    }

    public static Provenance of(String source) {
        return new Provenance(source, "", "", "");
    }
}
