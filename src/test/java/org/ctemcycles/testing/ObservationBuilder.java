package org.ctemcycles.testing;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;

import java.util.List;
import java.util.Map;

/** Observations as importers produce them, for tests: start from a realistic one and change what the test is about. */
public final class ObservationBuilder {

    private SourceKind sourceKind = SourceKind.AUTHENTICATED_SCAN;
    private String tool = "Nessus";
    private String toolVersion = "10.8.3";
    private String ruleId = "156032";
    private String fingerprint;
    private String title = "Apache Log4j < 2.15.0 Remote Code Execution";
    private String reportedSeverity = "4";
    private ObservedSeverity severity = ObservedSeverity.CRITICAL;
    private List<String> cves = List.of();
    private List<String> cwes = List.of();
    private List<String> vectors = List.of();
    private AssetRef asset = new AssetRef(AssetKind.HOST, "web01.corp.example");
    private String location = "443/tcp";
    private String evidence = "Nessus was able to exploit the issue using the following request : ...";
    private Map<String, String> attributes = Map.of();
    private VexAnalysis vex;
    private String deployment;

    public static ObservationBuilder nessus() {
        return new ObservationBuilder();
    }

    public static ObservationBuilder trivy() {
        return new ObservationBuilder().sourceKind(SourceKind.CODE_SCAN).tool("Trivy").toolVersion("0.56.2")
                .reportedSeverity("HIGH").severity(ObservedSeverity.HIGH)
                .asset(AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.4").location("libssl3@3.1.4-r5");
    }

    public static ObservationBuilder sarif() {
        return new ObservationBuilder().sourceKind(SourceKind.CODE_SCAN).tool("CodeQL").toolVersion("2.19.1")
                .ruleId("java/sql-injection").title("Query built from user-controlled sources")
                .reportedSeverity("error").severity(ObservedSeverity.HIGH).cwes("CWE-89")
                .asset(AssetKind.REPOSITORY, "https://github.com/acme/shop").location("src/main/java/Shop.java:42");
    }

    public ObservationBuilder sourceKind(SourceKind value) {
        sourceKind = value;
        return this;
    }

    public ObservationBuilder tool(String value) {
        tool = value;
        return this;
    }

    public ObservationBuilder toolVersion(String value) {
        toolVersion = value;
        return this;
    }

    public ObservationBuilder ruleId(String value) {
        ruleId = value;
        return this;
    }

    public ObservationBuilder fingerprint(String value) {
        fingerprint = value;
        return this;
    }

    public ObservationBuilder title(String value) {
        title = value;
        return this;
    }

    public ObservationBuilder reportedSeverity(String value) {
        reportedSeverity = value;
        return this;
    }

    public ObservationBuilder severity(ObservedSeverity value) {
        severity = value;
        return this;
    }

    public ObservationBuilder cves(String... values) {
        cves = List.of(values);
        return this;
    }

    public ObservationBuilder cwes(String... values) {
        cwes = List.of(values);
        return this;
    }

    public ObservationBuilder vectors(String... values) {
        vectors = List.of(values);
        return this;
    }

    public ObservationBuilder asset(AssetKind kind, String value) {
        asset = new AssetRef(kind, value);
        return this;
    }

    public ObservationBuilder host(String value) {
        return asset(AssetKind.HOST, value);
    }

    public ObservationBuilder location(String value) {
        location = value;
        return this;
    }

    public ObservationBuilder evidence(String value) {
        evidence = value;
        return this;
    }

    public ObservationBuilder attributes(Map<String, String> value) {
        attributes = value;
        return this;
    }

    public ObservationBuilder vex(VexAnalysis value) {
        vex = value;
        return this;
    }

    public ObservationBuilder deployment(String value) {
        deployment = value;
        return this;
    }

    public Observation build() {
        return new Observation(sourceKind, tool, toolVersion, ruleId, fingerprint, title, reportedSeverity, severity,
                cves, cwes, vectors, asset, location, evidence, attributes, vex, deployment);
    }
}
