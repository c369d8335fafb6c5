package org.ctemcycles.ingest.cyclonedx;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CycloneDX mapping shared by both encodings: the BOM's subject, its components by bom-ref, its producing tool,
 * and one observation per vulnerability and affected component.
 */
final class CycloneDxMapping {

    /** The namespace of the vulnerability extension of CycloneDX 1.0 to 1.3 (XML only). */
    static final String EXTENSION = "http://cyclonedx.org/schema/ext/vulnerability/1.0";

    /** Rating methods in the order their severity is preferred. */
    private static final List<String> METHOD_ORDER = List.of("cvssv4", "cvssv31", "cvssv3", "cvssv2", "owasp", "ssvc");

    private final Emitter emitter;
    private final Map<String, String> components = new HashMap<>();
    private String tool = "CycloneDX";
    private String toolVersion = "";
    private AssetRef subject;
    private String specVersion;

    CycloneDxMapping(Emitter emitter) {
        this.emitter = emitter;
    }

    /**
     * @param extension whether the BOM declares the 1.x vulnerability extension (XML): a BOM before 1.4 that does
     *                  carries its vulnerabilities there (none is a clean scan), so it is read without a warning
     */
    void specVersion(String version, String where, boolean extension) {
        specVersion = version;
        boolean beforeVulnerabilities = version != null && version.matches("1\\.[0-3]");
        if (version != null && !version.matches("1\\.[4-9]") && !(extension && beforeVulnerabilities)) {
            emitter.warn(where + ": CycloneDX " + version + " is outside the 1.4-1.6 this importer reads;"
                    + (beforeVulnerabilities ? " vulnerabilities were not part of the BOM before 1.4, and this one"
                    + " does not declare the vulnerability extension (" + EXTENSION + ")" : " reading it anyway"));
        }
    }

    void tool(String name, String version) {
        if (name != null && !name.isBlank() && tool.equals("CycloneDX")) {
            tool = name.trim();
            toolVersion = version == null ? "" : version.trim();
        }
    }

    /** The BOM's metadata.component: the product, image or device the vulnerabilities are in. */
    void subject(String type, String name, String version, String purl) {
        if (name == null && purl == null) {
            return;
        }
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (kind.equals("container")) {
            String image = name != null ? name.trim() : purl;
            if (version != null && !version.isBlank() && !image.contains(":") && !image.contains("@")) {
                // Grype gives the image's digest as the version ("sha256:..."), other tools its tag
                image = image + (version.trim().matches("sha\\d+:.*") ? "@" : ":") + version.trim();
            }
            subject = new AssetRef(AssetKind.CONTAINER_IMAGE, image);
        } else if (kind.equals("device")) {
            subject = Normalise.hostOrIp(name != null ? name : purl);
        } else {
            subject = new AssetRef(AssetKind.PACKAGE, componentName(name, version, purl));
        }
    }

    void component(String bomRef, String name, String version, String purl) {
        if (bomRef != null && !bomRef.isBlank()) {
            components.putIfAbsent(bomRef.trim(), componentName(name, version, purl));
        }
    }

    private static String componentName(String name, String version, String purl) {
        if (purl != null && !purl.isBlank()) {
            return purl.trim();
        }
        String n = name == null ? "" : name.trim();
        return version == null || version.isBlank() ? n : n + "@" + version.trim();
    }

    void vulnerability(CycloneDxVulnerability v, String where) throws ImportException {
        if (v.id() == null || v.id().isBlank()) {
            emitter.tallySkip("vulnerabilities without an id", where);
            return;
        }
        List<CycloneDxVulnerability.Affect> affects = v.affects().isEmpty()
                ? List.of(new CycloneDxVulnerability.Affect(null, List.of())) : v.affects();
        for (CycloneDxVulnerability.Affect affect : affects) {
            String component = affect.ref() == null ? null : components.getOrDefault(affect.ref().trim(),
                    affect.ref().trim());
            observe(v, affect, component, where);
        }
    }

    /**
     * A vulnerability of the 1.x extension, written inside the component it affects: that component is the
     * affected one (its {@code ref} attribute is kept, but Grype fills it with a random uuid that names nothing).
     */
    void extensionVulnerability(CycloneDxVulnerability v, String name, String version, String purl, String where)
            throws ImportException {
        if (v.id() == null || v.id().isBlank()) {
            emitter.tallySkip("vulnerabilities without an id", where);
            return;
        }
        String ref = v.affects().isEmpty() ? null : v.affects().get(0).ref();
        observe(v, new CycloneDxVulnerability.Affect(ref, List.of()), componentName(name, version, purl), where);
    }

    private void observe(CycloneDxVulnerability v, CycloneDxVulnerability.Affect affect, String component,
                         String where) throws ImportException {
        String id = v.id().trim();
        AssetRef asset = subject != null ? subject
                : new AssetRef(AssetKind.PACKAGE, component == null ? "" : component);
        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(SourceKind.CODE_SCAN)
                .tool(tool, toolVersion)
                .ruleId(id)
                .title(v.description() == null ? id : id + ": " + Normalise.firstLine(v.description(), 200))
                .asset(asset)
                .location(component == null ? "" : withoutVersion(component));
        severity(v, o);
        List<String> ids = new ArrayList<>();
        ids.add(id);
        ids.addAll(v.referenceIds());
        o.cves(Normalise.cves(ids));
        o.cwes(Normalise.cwes(v.cwes()));
        List<String> problems = new ArrayList<>();
        for (CycloneDxVulnerability.Rating rating : v.ratings()) {
            String method = rating.method() == null ? "" : rating.method().toLowerCase(Locale.ROOT);
            String version = switch (method) {
                case "cvssv4" -> "4.0";
                case "cvssv31" -> "3.1";
                case "cvssv3" -> "3.0";
                case "cvssv2" -> "2.0";
                default -> null;
            };
            if (version != null && rating.vector() != null) {
                String vector = Normalise.vector(rating.vector(), version, problems);
                o.vector(vector);
                if (vector != null && rating.source() != null) {
                    o.attribute("cvss." + rating.source(), vector);
                }
            }
        }
        for (String problem : problems) {
            emitter.warn(where + ": " + id + ": " + problem + "; the vector is left out");
        }
        CycloneDxVulnerability.Analysis analysis = v.analysis();
        if (analysis != null) {
            o.vex(new VexAnalysis(analysis.state(), analysis.justification(),
                    analysis.responses().isEmpty() ? null : String.join(",", analysis.responses()),
                    analysis.detail()));
        }
        o.attribute("source", v.sourceName());
        o.attribute("bom-ref", v.bomRef());
        o.attribute("description", v.description());
        o.attribute("detail", v.detail());
        o.attribute("recommendation", v.recommendation());
        o.attribute("published", v.published());
        o.attribute("updated", v.updated());
        o.attribute("affects.ref", affect.ref());
        o.attribute("affects.status", String.join(",", affect.statuses()));
        o.attribute("component", component);
        o.attribute("advisories", v.advisories().isEmpty() ? null : String.join(" ", v.advisories()));
        o.attribute("specVersion", specVersion);
        emitter.emit(o.build(), () -> where);
    }

    /**
     * The affected component without its version (a purl's version, qualifiers and subpath; "name@version"'s
     * version): an upgrade that is still affected, or KICS' content-hash version of an edited file, is the same place.
     */
    private static String withoutVersion(String component) {
        return Asset.of(new AssetRef(AssetKind.PACKAGE, component)).key();
    }

    private static void severity(CycloneDxVulnerability v, ObservationBuilder o) {
        CycloneDxVulnerability.Rating best = null;
        int bestRank = Integer.MAX_VALUE;
        for (CycloneDxVulnerability.Rating rating : v.ratings()) {
            boolean usable = rating.severity() != null && !rating.severity().equalsIgnoreCase("unknown")
                    || Normalise.score(rating.score()) != null;
            if (!usable) {
                continue;
            }
            String method = rating.method() == null ? "" : rating.method().toLowerCase(Locale.ROOT);
            int rank = METHOD_ORDER.indexOf(method);
            rank = rank < 0 ? METHOD_ORDER.size() : rank;
            if (rank < bestRank) {
                best = rating;
                bestRank = rank;
            }
        }
        if (best == null) {
            o.severity("", ObservedSeverity.UNKNOWN);
            return;
        }
        ObservedSeverity severity = Normalise.severityWord(best.severity());
        BigDecimal score = Normalise.score(best.score());
        if (severity == ObservedSeverity.UNKNOWN && score != null) {
            severity = Normalise.severityScore(score);
        }
        o.severity(best.severity() != null ? best.severity() : best.score(), severity);
    }
}
