package org.ctemcycles.ingest.trivy;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.ctemcycles.ingest.Rescans;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The Kubernetes report of {@code trivy k8s} in its three shapes; samples and their sources in the resources' README. */
public class TrivyKubernetesTest {

    private final TrivyImporter importer = new TrivyImporter();

    @Test
    public void theReportOfTheKubernetesGuideIsRead() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/k8s-cluster-docs.json");
        assertEquals(3, read.observations().size());

        Observation coreutils = read.rule("CVE-2016-2781");
        assertEquals("Trivy k8s", coreutils.tool());
        assertEquals(SourceKind.CODE_SCAN, coreutils.sourceKind());
        assertEquals("the image is the asset", new AssetRef(AssetKind.CONTAINER_IMAGE, "ubuntu:latest"),
                coreutils.asset());
        assertEquals("the workload running it is the deployment", "minikube/default/Deployment/app",
                coreutils.deployment());
        assertEquals("the workload reads in the place", "minikube/default/Deployment/app: coreutils",
                coreutils.location());
        assertEquals(List.of("CVE-2016-2781"), coreutils.cves());
        assertEquals(List.of("CWE-20"), coreutils.cwes());
        assertEquals(ObservedSeverity.LOW, coreutils.severity());
        assertEquals("minikube/default/Deployment/app", coreutils.attributes().get("workload"));

        Observation escalation = read.rule("KSV001");
        assertEquals(SourceKind.CONFIGURATION_REVIEW, escalation.sourceKind());
        assertEquals("a check of the manifest is about the workload itself",
                new AssetRef(AssetKind.OTHER, "minikube/default/Deployment/app"), escalation.asset());
        assertNull(escalation.deployment());
        assertEquals("Deployment/app", escalation.location());
        assertEquals("Kubernetes", escalation.attributes().get("provider"));
        assertEquals("121", escalation.attributes().get("startLine"));
        assertEquals(ObservedSeverity.MEDIUM, escalation.severity());
        assertEquals(ObservedSeverity.LOW, read.rule("KSV003").severity());
        assertEquals(List.of(), read.warnings());
    }

    @Test
    public void theSameImageInTwoWorkloadsIsTwoExposuresOnOneAsset() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/k8s-resources.json");
        List<Observation> coreutils = read.observations().stream()
                .filter(o -> o.ruleId().equals("CVE-2016-2781")).toList();
        assertEquals(2, coreutils.size());
        Observation first = coreutils.get(0);
        Observation second = coreutils.get(1);
        assertEquals("minikube/default/Deployment/deploy1", first.deployment());
        assertEquals("minikube/default/Deployment/deploy2", second.deployment());
        assertEquals("one asset", Asset.of(first.asset()).identityKey(), Asset.of(second.asset()).identityKey());
        assertEquals("container_image:docker.io/library/ubuntu", Asset.of(first.asset()).identityKey());
        FindingIdentity one = Rescans.identity(first);
        FindingIdentity two = Rescans.identity(second);
        assertEquals(FindingIdentity.Kind.CVE, one.kind());
        assertNotEquals("two exposures", one, two);

        Observation manifest = read.rule("KSV001");
        assertEquals(new AssetRef(AssetKind.OTHER, "minikube/default/Deployment/deploy1"), manifest.asset());
        assertEquals("Deployment/deploy1", manifest.location());

        assertTrue(read.allWarnings(), read.allWarnings().contains(
                "Trivy could not scan minikube/kube-system/Pod/etcd-minikube: scanning vulnerabilities error"));
    }

    @Test
    public void aWorkloadWhoseImageIsNotNamedIsTheAsset() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/k8s-summary.json");
        assertEquals(2, read.observations().size());
        Observation distribution = read.rule("GMS-2022-20");
        assertEquals(new AssetRef(AssetKind.OTHER, "kind-kind/kube-system/Deployment/coredns"),
                distribution.asset());
        assertNull(distribution.deployment());
        assertEquals("coredns github.com/docker/distribution", distribution.location());
        assertEquals("an id that is not a CVE identifies by rule and place", FindingIdentity.Kind.RULE,
                Rescans.identity(distribution).kind());
        assertEquals(List.of("CVE-2021-38561"), read.rule("CVE-2021-38561").cves());
    }

    @Test
    public void aSecondScanWithNewTextVersionsTagsAndLinesHasTheSameIdentities() throws Exception {
        byte[] first = Reports.bytes("trivy/k8s-resources.json");
        byte[] second = Rescans.edited(first,
                "ubuntu:latest", "ubuntu:22.04",
                "(ubuntu 22.04)", "(ubuntu 22.04.4)",
                "\"InstalledVersion\": \"8.32-4.1ubuntu1\"", "\"InstalledVersion\": \"8.32-4.1ubuntu1.2\"",
                "coreutils: Non-privileged session can escape", "coreutils: a non-privileged session may escape",
                "\"LastModifiedDate\": \"2021-02-25T17:15:00Z\"", "\"LastModifiedDate\": \"2024-11-21T02:48:00Z\"",
                "\"StartLine\": 121", "\"StartLine\": 140",
                "\"EndLine\": 133", "\"EndLine\": 152",
                "should set 'securityContext.allowPrivilegeEscalation' to false", "must not allow escalation");
        assertEquals(Rescans.identities(Reports.read(importer, "trivy/k8s-resources.json")),
                Rescans.identities(importer, second));

        byte[] docs = Reports.bytes("trivy/k8s-cluster-docs.json");
        byte[] docsAgain = Rescans.edited(docs, "\"Severity\": \"LOW\"", "\"Severity\": \"MEDIUM\"",
                "\"StartLine\": 121", "\"StartLine\": 7", "ubuntu:latest", "ubuntu:jammy");
        assertEquals(Rescans.identities(importer, docs),
                Rescans.identities(importer, docsAgain));
    }

    @Test
    public void anotherWorkloadOrClusterIsAnotherFinding() throws Exception {
        List<String> before = Rescans.identities(Reports.read(importer, "trivy/k8s-cluster-docs.json"));
        byte[] renamed = Rescans.edited(Reports.bytes("trivy/k8s-cluster-docs.json"), "\"minikube\"", "\"prod-eu\"");
        List<String> after = Rescans.identities(importer, renamed);
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i));
        }
    }

    @Test
    public void detectionPicksTrivyForEveryShape() throws Exception {
        for (String sample : List.of("trivy/k8s-cluster-docs.json", "trivy/k8s-resources.json",
                "trivy/k8s-summary.json")) {
            assertEquals(sample, "trivy", Reports.detect(sample).format());
        }
        Reports.Read clean = Reports.detect("{\n  \"ClusterName\": \"minikube\"\n}\n"
                .getBytes(StandardCharsets.UTF_8), ImportLimits.defaults());
        assertEquals("a cluster where nothing was found", "trivy", clean.format());
        assertEquals(0, clean.observations().size());
    }

    @Test
    public void metadataWrittenAsOneObjectStillNamesTheImage() throws Exception {
        // Trivy 0.45 to 0.56 wrote a workload's Metadata as one object (RedHat rapidast's test data has one)
        byte[] older = Rescans.edited(Reports.bytes("trivy/k8s-resources.json"),
                "\"Metadata\": [\n        {\n          \"RepoTags\": [\n            \"ubuntu:latest\"\n          ]\n        }\n"
                        + "      ],",
                "\"Metadata\": {\"RepoTags\": [\"docker.io/library/ubuntu:latest\"], \"ImageConfig\": {\"os\": \"\"}},");
        Observation coreutils = Reports.read(importer, older, ImportLimits.defaults()).observations().get(0);
        assertEquals("the image as the metadata names it",
                new AssetRef(AssetKind.CONTAINER_IMAGE, "docker.io/library/ubuntu:latest"), coreutils.asset());
    }
}
