package org.ctemcycles.ingest.support;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Assembles one {@link Observation} field by field; blank attributes and duplicate ids are left out. */
public final class ObservationBuilder {

    private SourceKind sourceKind;
    private String tool;
    private String toolVersion;
    private String ruleId;
    private String fingerprint;
    private String title;
    private String reportedSeverity;
    private ObservedSeverity severity = ObservedSeverity.UNKNOWN;
    private final Set<String> cves = new LinkedHashSet<>();
    private final Set<String> cwes = new LinkedHashSet<>();
    private final Set<String> vectors = new LinkedHashSet<>();
    private AssetRef asset;
    private String location;
    private String evidence;
    private final Map<String, String> attributes = new TreeMap<>();
    private VexAnalysis vex;
    private String deployment;

    public ObservationBuilder sourceKind(SourceKind sourceKind) {
        this.sourceKind = sourceKind;
        return this;
    }

    public ObservationBuilder tool(String tool, String version) {
        this.tool = tool;
        this.toolVersion = version;
        return this;
    }

    public ObservationBuilder ruleId(String ruleId) {
        this.ruleId = ruleId;
        return this;
    }

    public ObservationBuilder fingerprint(String fingerprint) {
        this.fingerprint = fingerprint == null || fingerprint.isBlank() ? null : fingerprint;
        return this;
    }

    public ObservationBuilder title(String title) {
        this.title = title;
        return this;
    }

    public ObservationBuilder severity(String reported, ObservedSeverity severity) {
        this.reportedSeverity = reported;
        this.severity = severity == null ? ObservedSeverity.UNKNOWN : severity;
        return this;
    }

    public ObservationBuilder cves(List<String> cves) {
        this.cves.addAll(cves);
        return this;
    }

    public ObservationBuilder cwes(List<String> cwes) {
        this.cwes.addAll(cwes);
        return this;
    }

    public ObservationBuilder vector(String vector) {
        if (vector != null) {
            vectors.add(vector);
        }
        return this;
    }

    public ObservationBuilder asset(AssetRef asset) {
        this.asset = asset;
        return this;
    }

    public ObservationBuilder location(String location) {
        this.location = location;
        return this;
    }

    public ObservationBuilder evidence(String evidence) {
        this.evidence = evidence;
        return this;
    }

    public ObservationBuilder attribute(String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value.strip());
        }
        return this;
    }

    public ObservationBuilder vex(VexAnalysis vex) {
        this.vex = vex;
        return this;
    }

    /** Where the asset runs, when it runs in several places that are each an exposure (a Kubernetes workload). */
    public ObservationBuilder deployment(String deployment) {
        this.deployment = deployment;
        return this;
    }

    public String ruleId() {
        return ruleId;
    }

    /** The vectors added so far, in order. */
    public List<String> vectors() {
        return List.copyOf(vectors);
    }

    public Observation build() {
        return new Observation(sourceKind, tool, toolVersion, ruleId, fingerprint, title, reportedSeverity, severity,
                new ArrayList<>(cves), new ArrayList<>(cwes), new ArrayList<>(vectors), asset, location, evidence,
                attributes, vex, deployment);
    }
}
